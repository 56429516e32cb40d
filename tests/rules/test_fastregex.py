"""fastregex.faster_regex gives the matches of the pattern as written: the look-ahead it adds
holds the characters every match starts with, and it is left out where unsure."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import prefilter as pf
from cleaner.model import scope
from cleaner.rules import normalize as nz
from cleaner.rules import spam_patterns as sp
from cleaner.rules.fastregex import faster_regex
from cleaner.rules.lines import _SELF_PROMOTION_NEEDS, view
from cleaner.rules.spam_cues import _REACTION

PATTERNS = [sp.SELF_PROMOTION, sp.CALL_TO_ACTION, sp._keyword_regex(), *(p for _, p in sp.CONTACT_PATTERNS),
            *(p for _, p in sp.EVASIVE_CONTACT_PATTERNS), *(p for p, _ in nz._EVASION_PATTERNS),
            scope._COMMERCIAL_SIGNAL, scope._ENGLISH_AD_SIGNAL, _REACTION]


def test_the_look_ahead_names_the_first_characters():
    assert faster_regex(re.compile(r"(?<![A-Za-z])[qQ]\s?[qQ]|扣扣")).pattern == r"(?=[qQ扣])(?:(?<![A-Za-z])[qQ]\s?[qQ]|扣扣)"
    assert faster_regex(re.compile(r"\b(?:check|sub)\b", re.I)).pattern == r"(?=[cs])(?:\b(?:check|sub)\b)"
    assert faster_regex(re.compile(r"\$[A-Z]{2}|\d{5,}")).pattern == r"(?=[\$\d])(?:\$[A-Z]{2}|\d{5,})"


@pytest.mark.parametrize("pattern", [
    r"abc|abd",  # a literal first: the engine already jumps to it
    r"[0-9]+x",  # one class first: likewise
    r"(?:a?)b",  # a group that may be empty: its first characters are unknown
    r"x*y|z",  # an optional first item
    r"[^a]b|c",  # a negated class
    r"(?i:wrote)|said",  # a local flag changes which characters match
    r".{0,9}x|y",  # any character
])
def test_patterns_it_cannot_speed_up_are_left_as_they_are(pattern):
    compiled = re.compile(pattern)
    assert faster_regex(compiled) is compiled


def test_case_insensitive_alternations_get_the_look_ahead():
    """Under IGNORECASE a cased first letter gives the engine no jump: the look-ahead does."""
    assert faster_regex(sp.CALL_TO_ACTION) is not sp.CALL_TO_ACTION
    assert faster_regex(sp.CALL_TO_ACTION).flags & re.IGNORECASE


TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzCHEKSUBMYQ 0123456789@$:：.-_微信薇加扣企鹅号电话热线飞机订阅我的频道ſİK",
               max_size=60)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_faster_form_finds_the_same_matches(data):
    pattern = data.draw(st.sampled_from(PATTERNS))
    fast = faster_regex(pattern)
    text = data.draw(TEXT | st.from_regex(pattern).map(lambda s: s[:80]) | st.text(max_size=40))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert fast.sub("#", text) == pattern.sub("#", text)


# ---------------------------------------------------------------- the gates beside it
def test_literal_runs_go_on_across_look_arounds():
    """A look-around consumes nothing: the literals on both sides are adjacent in every match."""
    assert pf.needed_literals(re.compile(r"[48](?<!\d[48])00\d")) == (("400",), ("800",))
    assert pf.needed_literals(re.compile(r"ab\bcd")) == (("abcd",),)


LOOK_BEHIND_FIRST = {"mobile": r"(?<!\d)1[3-9]\d{9}(?![\d@])", "hotline": r"(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_contact_ids_match_as_written_with_the_look_behind_first(data):
    name = data.draw(st.sampled_from(sorted(LOOK_BEHIND_FIRST)))
    plain = re.compile(LOOK_BEHIND_FIRST[name], re.I)
    ours = dict(sp.CONTACT_PATTERNS)[name]
    text = data.draw(st.from_regex(plain) | st.text(alphabet="0123456789148- @x", max_size=30))
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.from_regex(sp.SELF_PROMOTION))
def test_self_promotion_lines_hold_the_literals_its_gate_asks_for(text):
    line = view(text)
    if sp.SELF_PROMOTION.search(line.matching):
        assert pf.may_contain(_SELF_PROMOTION_NEEDS, line.matching_lower)


@pytest.mark.parametrize("text", ["buy cialis online now", "the driver fixed my boot problem", "专业无抵押贷款，当天放款",
                                  "这个驱动解决了我的问题", "", "ok", "Casino: 办证 www.example.com"])
def test_needs_of_many_clauses_answer_as_the_plain_loop(text):
    needs = pf.needed_literals(sp._keyword_regex())
    lower = pf.lowered(text)
    clauses = [c for c in needs if all(map(str.isascii, c))] if lower.isascii() else needs
    assert pf.may_contain(needs, lower) == any(all(lit in lower for lit in c) for c in clauses)
