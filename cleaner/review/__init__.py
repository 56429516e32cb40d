"""``forum-cleaner review`` (a local labelling page) and ``forum-cleaner compare``.

    queue.py    the lines to ask about, least sure first; the labels file (training format)
    server.py   the http.server on 127.0.0.1: the page, its JSON API, clear 4xx answers
    command.py  the ``review`` command line
    compare.py  ``forum-cleaner compare --model A --model B PAGES``: lines whose decision changes
    static/     review.html, review.js, review.css (package data)
"""

from .command import add_parser, run

__all__ = ["add_parser", "run"]
