"""Normalised metadata: post dates as ISO 8601 (raw kept), canonical URL, hostname, site name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.segment.blocks import PostMeta
from cleaner.segment.dates import month_number, parse_post_date
from cleaner.segment.postmeta import post_dates_iso

REPO = Path(__file__).resolve().parents[2]
EN = REPO / "samples" / "pages" / "en_forum"


@pytest.mark.parametrize("raw, engine, iso", [
    ("« Reply #6 on: April 09, 2020, 10:02:14 PM »", "smf", "2020-04-09T22:02:14"),
    ("发表于 2019-6-3 10:21", "discuz", "2019-06-03T10:21:00"),
    ("2019年6月3日 10:21", "generic", "2019-06-03T10:21:00"),
    ("5. Januar 2019 um 03:32", "discourse", "2019-01-05T03:32:00"),
    ("» Dim 29 Oct 2017 16:46", "phpbb", "2017-10-29T16:46:00"),
    ("Thu Jan 02, 2020 10:15 pm", "phpbb", "2020-01-02T22:15:00"),
    ("4 December 2016 at 12:11AM", "vanilla", "2016-12-04T00:11:00"),
    ("16.03.2020 13:10", "vbulletin", "2020-03-16T13:10:00"),
    ("12 avr. 2020 à 09:06", "generic", "2020-04-12T09:06:00"),
    ("Apr 17, 2019", "xenforo", "2019-04-17"),
    ("Posted 04.03.2019 · Joined 2012-05-01", "xenforo", "2019-03-04"),  # the first date in the string
    # numeric day and month that could swap: the engine's default or the string's hints decide
    ("04-06-2019, 06:55 AM", "vbulletin", "2019-04-06T06:55:00"),  # vBulletin: m-d-Y
    ("04/02/2005, 12h25", "vbulletin", "2005-02-04T12:25:00"),  # "12h25": a French board, day first
    ("29/07/2004, 19h46", "vbulletin", "2004-07-29T19:46:00"),  # 29 can only be the day
    ("04/02/2005", "generic", None),  # nothing tells: no date rather than a wrong one
    ("10/06/2023 11:38 pm", "wpforo", None),  # nor does a 12-hour clock (see the page test below)
    ("04/06/2019", "vbulletin", None),  # vBulletin's month-first default is m-d-Y, with dashes
    # relative or incomplete: left raw, no ISO date
    ("Freitag um 19:54 Uhr", "xenforo", None),
    ("3 天前", "discuz", None),
    ("2 hours ago", "bbpress", None),
    ("8 February at 5:50PM", "vanilla", None),
    ("31.02.2020", "xenforo", None),
    ("", "discuz", None),
])
def test_post_dates_parse_to_iso_8601_per_engine(raw, engine, iso):
    assert parse_post_date(raw, engine) == iso


def test_the_pages_other_dates_tell_the_order_of_an_ambiguous_one():
    # as on a real Portuguese wpForo board: "10/06/2023" is 10 June, since "28/06/2023" is beside it
    posts = [PostMeta(1, "ana", "Postado : 10/06/2023 11:38 pm"), PostMeta(2, "rui", "04/07/2023 8:24 pm"),
             PostMeta(3, "bia", "28/06/2023 10:53 pm")]
    assert post_dates_iso(posts, [0], "wpforo") == {0: "2023-06-10T23:38:00"}
    assert post_dates_iso(posts[:2], [0, 1], "wpforo") == {0: None, 1: None}  # no date tells
    mixed = posts + [PostMeta(4, "zé", "06/28/2023 11:00 pm")]  # dates that disagree: none is read
    assert post_dates_iso(mixed, [0], "wpforo") == {0: None}


def test_month_names_come_from_the_lexicon_in_every_language():
    assert [month_number(m) for m in ("Sept.", "September", "März", "févr", "août", "Dez", "mai")] == [9, 9, 3, 2, 8, 12, 5]


def test_a_real_smf_thread_keeps_the_raw_date_beside_the_iso_one():
    meta = json.loads((EN / "smf1_bpdfamily.meta.json").read_text(encoding="utf-8"))
    result = Cleaner(model=None).clean((EN / "smf1_bpdfamily.html").read_bytes(), url=meta["url"], replies=True)
    dated = [(p.date, p.date_iso) for p in result.posts if p.date]
    assert dated and all(iso is not None and iso[:4] in raw for raw, iso in dated)
    assert result.posts[0].date.startswith("« on:") and result.to_dict()["posts"][0]["date_iso"] == dated[0][1]
    assert result.hostname == "bpdfamily.com" and result.canonical_url is None


def test_canonical_url_hostname_and_site_name_from_the_page_head():
    meta = json.loads((EN / "discourse_glamour_345148.meta.json").read_text(encoding="utf-8"))
    result = Cleaner(model=None).clean((EN / "discourse_glamour_345148.html").read_bytes(), url=meta["url"])
    assert result.canonical_url == "https://forum.glamour.de/t/nebenwirkungen-aknenormin/345148"
    assert result.hostname == "forum.glamour.de"
    assert result.site_name == "GLAMunity - das GLAMOUR Forum"


def test_a_relative_canonical_is_made_absolute_and_og_url_is_the_fallback():
    head = ('<html><head><title>Tuning tips - Car Talk - Wheels Board</title>{}</head><body><div class="post">'
            '<p>My first post with enough words in it to count as the article of this page.</p></div></body></html>')
    cleaner = Cleaner(model=None)
    relative = cleaner.clean(head.format('<link rel="canonical" href="/t/tuning-tips/77">'),
                             url="http://wheels.example.net/t/tuning-tips/77?page=2")
    assert relative.canonical_url == "http://wheels.example.net/t/tuning-tips/77"
    assert relative.site_name == "Wheels Board"  # no og:site_name: the title's site part
    og = cleaner.clean(head.format('<meta property="og:url" content="https://www.wheels.example.net/t/77">'))
    assert og.canonical_url == "https://www.wheels.example.net/t/77"
    assert og.hostname == "www.wheels.example.net"  # no URL given: the canonical's host
    bare = cleaner.clean(head.format("").replace("<title>Tuning tips - Car Talk - Wheels Board</title>", ""),
                         url="https://forum.example.de/t/1")
    assert bare.canonical_url is None and bare.site_name == "forum.example.de"  # else the host
