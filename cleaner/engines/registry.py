"""The registry: which engine modules exist, in the order ties between tables are broken.

Kept apart from the detection code (engines/__init__.py) so that adding an engine touches one
list of names here and its own module next to it."""

from __future__ import annotations

ENGINE_MODULES: tuple[str, ...] = (
    "discuz",
    "phpwind",
    "tieba",
    "dvbbs",
    "phpbb",
    "vbulletin",
    "xenforo",
    "discourse",
    "smf",
    "mybb",
    "invision",
    "nodebb",
    "vanilla",
    "bbpress",
    "kunena",
    "stackexchange",
    "wordpress_forums",
    "flarum",
    "reddit",
    "zhihu",
    "flaskbb",
    "misago",
    "answer",
)
