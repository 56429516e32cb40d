#!/usr/bin/env python3
"""Honest spam figures: leave one source out, measured through the whole cleaner.

    python bench/spam_eval.py [--model models/spam_model.skops] [--out bench/spam_eval.json] [--skip-loso]

For each source of samples/lines (sms = the FBS SMS spam, comments = the YouTube comments,
written = every written line file), a model is trained without it (same recipe as
`forum-cleaner train`: threshold from grouped CV on the rest) and the cleaner, with that
model and all rules, cleans Discuz! X3 thread pages composed from the left-out lines:
- lines: each left-out spam line alone among genuine lines of a first post (replies=False; the
  filler is FILLER_LINES short genuine lines in the line's script, from the always-trained
  genuine sets): spam lines removed (as spam). A post of spam lines only would be removed whole
  by the post-level decision, which says nothing about a line injected into a real post. The
  left-out genuine lines, 20 to a first post: kept (not removed as spam; removals for any
  reason, such as "Like" as a button line, are counted apart);
- replies: each left-out spam message split into 2 to 6 lines (at sentence ends, else commas,
  else halves) posted as a reply among genuine replies (replies=True): spam replies removed
  (every line), genuine replies kept (every line). The SMS set has no genuine messages: its
  genuine replies are the one-line samples/templates/replies_zh.txt, so each left-out model also
  cleans the real forum pages below (whole-thread mode): their gold lines removed as spam.
Then with the shipped (or given) model: real spam SMS of campaigns it never trained on
(samples/lines/unseen, written by scripts/build_real_lines.py) as lines and as replies, article
paragraphs of ../shared/data/articles as first-post lines (false positives), and the gold lines
of the real forum pages (samples/pages and ../shared/data/forum_pages) removed as spam by the
cleaner on the page itself.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from cleaner import Cleaner  # noqa: E402
from cleaner.model.scope import MODEL_MIN_CJK_SHARE  # noqa: E402
from cleaner.textutil import cjk_share  # noqa: E402
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
try:  # the fixed development/locked split (a user's clone has no ../shared: all "dev")
    from locked_split import part as _part  # noqa: E402
except ImportError:  # pragma: no cover
    def _part(key: str) -> str:
        return "dev"
from cleaner.model.train import train  # noqa: E402
import sample_templates as ST  # noqa: E402

LINES = ROOT / "samples" / "lines"
SOURCES = {
    "sms": ("spam_fbs_sms.jsonl",),
    "comments": ("comments_youtube.jsonl",),
    "written": ("spam_written.jsonl", "genuine_written.jsonl", "spam_written_real.jsonl", "genuine_written_real.jsonl",
                "genuine_written_hard.jsonl"),
}
ALWAYS = ("genuine_cmrc2018.jsonl", "genuine_python_docs.jsonl")
UNSEEN_SMS = "unseen/fbs_sms_unseen.jsonl"  # real spam never trained on, relative to LINES
UNSEEN_GENUINE = "unseen/genuine_hard_unseen.jsonl"  # genuine lines that read like ads, never trained on
LINES_PER_PAGE = 20
FILLER_LINES = 5  # genuine lines around each spam line in line mode
FILLER_MAX_CHARS = 80
REPLIES_PER_PAGE = 8
MAX_REPLY_LINES = 6
MIN_LINE_CHARS = 12
SEED = 7
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])\s*|(?<=[.])\s+(?=[A-Z])")
_COMMA = re.compile(r"(?<=[，,])")
_ASCII_WORD = re.compile(r"[\x21-\x7e]")


def read_rows(names) -> list[dict]:
    rows = []
    for name in names:
        with (LINES / name).open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f if line.strip()]
    return rows


def key(text: str) -> str:
    return " ".join(text.split())


def thread(posts: list[list[str]], tid: int) -> str:
    specs = [ST.PostSpec(author=f"user{n}", date=f"2023-5-{n % 28 + 1} 10:{n % 60:02d}",
                         lines=[ST.Line(ST.CONTENT, text) for text in lines]) for n, lines in enumerate(posts)]
    spec = ST.ThreadSpec(engine="discuz_x3", title="关于这个问题大家怎么看", site="本地论坛", board="综合讨论",
                         tid=tid, posts=specs, seed=tid)
    return ST.render_discuz_x3(spec)


def removed_as_spam(result) -> set[str]:
    return {key(r.text) for r in result.removed if r.kind == "spam"}


def removed_any(result) -> set[str]:
    return {key(r.text) for r in result.removed}


def line_mode(cleaner: Cleaner, texts: list[str]) -> tuple[int, int]:
    """(lines removed as spam, lines removed for any reason) with the lines in first posts."""
    as_spam, lost = line_outcomes(cleaner, texts)
    return sum(as_spam), sum(lost)


def filler_pools() -> tuple[list[str], list[str]]:
    """(Chinese, English) short genuine lines to surround a spam line: always-trained sets."""
    rows = read_rows(ALWAYS)
    short = [r["text"] for r in rows if len(r["text"]) <= FILLER_MAX_CHARS]
    return ([t for t in short if cjk_share(t) >= MODEL_MIN_CJK_SHARE],
            [t for t in short if cjk_share(t) < MODEL_MIN_CJK_SHARE])


def spam_line_outcomes(cleaner: Cleaner, texts: list[str]) -> list[bool]:
    """Per spam line: removed as spam when injected alone into a genuine first post."""
    chinese, english = filler_pools()
    rng = random.Random(SEED)  # its own: the reply figures keep their draws
    out = []
    for n, text in enumerate(texts):
        filler = rng.sample(chinese if cjk_share(text) >= MODEL_MIN_CJK_SHARE else english, FILLER_LINES)
        filler.insert(rng.randrange(FILLER_LINES + 1), text)
        result = cleaner.clean(thread([filler, ["谢谢分享"]], 20000 + n))
        out.append(bool(text.strip()) and key(text) in removed_as_spam(result))
    return out


def line_outcomes(cleaner: Cleaner, texts: list[str]) -> tuple[list[bool], list[bool]]:
    """Per line: (removed as spam, removed for any reason), the lines 20 to a first post."""
    as_spam: list[bool] = []
    lost: list[bool] = []
    for start in range(0, len(texts), LINES_PER_PAGE):
        chunk = texts[start:start + LINES_PER_PAGE]
        result = cleaner.clean(thread([[t for t in chunk if t.strip()], ["谢谢分享"]], 1000 + start))
        spam, anything = removed_as_spam(result), removed_any(result)
        as_spam += [bool(t.strip()) and key(t) in spam for t in chunk]
        lost += [bool(t.strip()) and key(t) in anything for t in chunk]
    return as_spam, lost


def split_message(text: str, rng: random.Random) -> list[str]:
    """A message as the 2 to 6 lines a reply would hold: its sentences; a message of one
    sentence is cut at commas into two or three lines of at least MIN_LINE_CHARS, else in halves."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    if len(parts) < 2:
        pieces = [p for p in _COMMA.split(text) if p.strip()]
        parts = _merge(pieces, max(MIN_LINE_CHARS, len(text) // 3))
    if len(parts) < 2 and len(text) >= 2 * MIN_LINE_CHARS:
        cut = len(text) // 2 + rng.randrange(-3, 4)
        while 0 < cut < len(text) - 1 and _ASCII_WORD.match(text[cut - 1]) and _ASCII_WORD.match(text[cut]):
            cut += 1  # never inside a URL, a number or a word
        parts = [text[:cut], text[cut:]]
    return [p.strip() for p in parts[:MAX_REPLY_LINES] if p.strip()] or [text]


def _merge(pieces: list[str], min_chars: int) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        if out and len(out[-1]) < min_chars:
            out[-1] += piece
        else:
            out.append(piece)
    if len(out) > 1 and len(out[-1]) < min_chars:
        last = out.pop()
        out[-1] += last
    return out


def reply_mode(cleaner: Cleaner, spam: list[list[str]], genuine: list[list[str]], opening: list[str],
               rng: random.Random) -> tuple[int, int]:
    """(spam replies removed whole as spam, genuine replies of which no line was removed as spam)."""
    spam_ok, genuine_ok = reply_outcomes(cleaner, spam, genuine, opening, rng)
    return sum(spam_ok), sum(genuine_ok)


def reply_outcomes(cleaner: Cleaner, spam: list[list[str]], genuine: list[list[str]], opening: list[str],
                   rng: random.Random) -> tuple[list[bool], list[bool]]:
    """Per spam reply: removed whole as spam; per genuine reply: no line removed as spam
    (each list in the order given; the replies are shuffled onto pages)."""
    replies = [(True, n, r) for n, r in enumerate(spam)] + [(False, n, r) for n, r in enumerate(genuine)]
    rng.shuffle(replies)
    spam_ok, genuine_ok = [False] * len(spam), [False] * len(genuine)
    for start in range(0, len(replies), REPLIES_PER_PAGE):
        chunk = replies[start:start + REPLIES_PER_PAGE]
        page = thread([[rng.choice(opening)]] + [lines for _, _, lines in chunk], 5000 + start)
        result = cleaner.clean(page, replies=True)
        # by reply: the same short line ("!") in a spam reply and a genuine one is two lines
        spam_set = {(r.post, key(r.text)) for r in result.removed if r.kind == "spam"}
        for post, (is_spam, n, lines) in enumerate(chunk, start=1):
            if is_spam:
                spam_ok[n] = all((post, key(t)) in spam_set for t in lines)
            else:
                genuine_ok[n] = not any((post, key(t)) in spam_set for t in lines)
    return spam_ok, genuine_ok


def split_part(source: str, text: str) -> str:
    """"dev" or "locked": a message's fixed half (misses are studied on dev only)."""
    return _part(f"{source}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}")


def halves(flags: list[bool], parts: list[str], invert: bool = False) -> dict:
    """The share of True (or of False with invert) in each half: {"dev": pct, "locked": pct}."""
    out = {}
    for half in ("dev", "locked"):
        picked = [f for f, p in zip(flags, parts) if p == half]
        out[half] = pct(sum((not f) if invert else f for f in picked), len(picked))
    return out


def pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else float("nan")


def genuine_replies_zh() -> list[list[str]]:
    lines = (ROOT / "samples" / "templates" / "replies_zh.txt").read_text(encoding="utf-8").splitlines()
    return [[t] for t in lines if t.strip() and not t.startswith(("#", "["))]


def articles() -> dict[str, list[str]]:
    out = {}
    for path in sorted((ROOT.parent / "shared" / "data" / "articles").glob("*.jsonl")):
        out[path.stem] = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return out


def evaluate_source(name: str, workdir: Path, rng: random.Random, reuse: Path | None = None,
                    misses: Path | None = None) -> dict:
    held = read_rows(SOURCES[name])
    rest = [f for other, files in SOURCES.items() if other != name for f in files] + list(ALWAYS)
    model_path = workdir / f"without_{name}.skops"
    started = time.perf_counter()
    if reuse is not None and (reuse / model_path.name).is_file():
        model_path = reuse / model_path.name  # trained before with this same recipe (--reuse)
    else:
        train([LINES / f for f in rest], model_path, holdout=0, log=lambda *a: None)
    cleaner = Cleaner(model=model_path)
    spam = [r["text"] for r in held if r["label"] == "spam"]
    genuine = [r["text"] for r in held if r["label"] != "spam"]
    spam_flags = spam_line_outcomes(cleaner, spam)
    genuine_flags, genuine_any = line_outcomes(cleaner, genuine) if genuine else ([], [])
    spam_lines, genuine_lost, genuine_chrome = sum(spam_flags), sum(genuine_flags), sum(genuine_any)
    spam_replies = [split_message(t, rng) for t in spam]
    genuine_texts = genuine or [r[0] for r in genuine_replies_zh()]
    genuine_pool = [split_message(t, rng) for t in genuine] if genuine else genuine_replies_zh()
    opening = [t for t in genuine if len(t) > 20][:50] or ["这个问题我想了很久，大家有什么看法？"]
    spam_ok, genuine_ok = reply_outcomes(cleaner, spam_replies, genuine_pool, opening, rng)
    removed, kept = sum(spam_ok), sum(genuine_ok)
    spam_parts = [split_part(name, t) for t in spam]
    genuine_parts = [split_part(name, t) for t in genuine]
    pool_parts = [split_part(name, t) for t in genuine_texts]
    if misses is not None:
        write_misses(misses / f"misses_{name}.jsonl", [
            *({"what": "spam-line-kept", "text": t} for t, f, p in zip(spam, spam_flags, spam_parts) if not f and p == "dev"),
            *({"what": "genuine-line-removed", "text": t} for t, f, p in zip(genuine, genuine_flags, genuine_parts)
              if f and p == "dev"),
            *({"what": "spam-reply-kept", "lines": r} for r, f, p in zip(spam_replies, spam_ok, spam_parts)
              if not f and p == "dev"),
            *({"what": "genuine-reply-hit", "lines": r} for r, f, p in zip(genuine_pool, genuine_ok, pool_parts)
              if not f and p == "dev"),
        ])
    report = {
        "spam_lines": len(spam), "spam_lines_removed_pct": pct(spam_lines, len(spam)),
        "genuine_lines": len(genuine), "genuine_lines_kept_pct": pct(len(genuine) - genuine_lost, len(genuine)),
        "genuine_lines_removed_any_reason": genuine_chrome,
        "spam_replies": len(spam_replies), "spam_replies_removed_pct": pct(removed, len(spam_replies)),
        "genuine_replies": len(genuine_pool), "genuine_replies_kept_pct": pct(kept, len(genuine_pool)),
        "genuine_replies_from": "left-out source" if genuine else "samples/templates/replies_zh.txt",
        "threshold": round(cleaner.threshold, 4), "seconds": round(time.perf_counter() - started, 1),
        # the same figures on each fixed half (split_part): misses are studied on "dev" only
        "halves": {
            "spam_lines_removed_pct": halves(spam_flags, spam_parts),
            "genuine_lines_kept_pct": halves(genuine_flags, genuine_parts, invert=True),
            "spam_replies_removed_pct": halves(spam_ok, spam_parts),
            "genuine_replies_kept_pct": halves(genuine_ok, pool_parts),
        },
    }
    for label, texts in articles().items():
        flagged, _ = line_mode(cleaner, texts)
        report[f"fp_{label}_pct"] = pct(flagged, len(texts))
    # real genuine replies (2 lines and more among them) that no left-out model trained on
    report["fp_forum_gold_lines"] = forum_lines(cleaner)["removed_as_spam"]
    return report


def unseen_sms(cleaner: Cleaner) -> dict:
    """The cleaner on real spam SMS of campaigns the shipped model never trained on: each alone among
    genuine lines of a first post, and each split into a reply among the hand-written genuine replies."""
    rows = read_rows([UNSEEN_SMS])
    texts = [r["text"] for r in rows]
    lines = spam_line_outcomes(cleaner, texts)
    rng = random.Random(SEED)
    spam_ok, genuine_ok = reply_outcomes(cleaner, [split_message(t, rng) for t in texts], genuine_replies_zh(),
                                         ["这个问题我想了很久，大家有什么看法？"], rng)
    by_category: dict[str, list[bool]] = {}
    for row, flag in zip(rows, lines):
        by_category.setdefault(row["source"].split(":")[1], []).append(flag)
    return {"spam_lines": len(texts), "spam_lines_removed_pct": pct(sum(lines), len(lines)),
            "spam_replies_removed_pct": pct(sum(spam_ok), len(spam_ok)),
            "genuine_replies_kept_pct": pct(sum(genuine_ok), len(genuine_ok)),
            "lines_removed_pct_by_category": {c: [len(f), pct(sum(f), len(f))] for c, f in sorted(by_category.items())}}


def unseen_genuine(cleaner: Cleaner) -> dict:
    """The cleaner on genuine lines that read like ads (notices, sales, recruitment with a phone number)
    of templates no model trained on (the locked half of scripts/hard_negative_templates.py): kept (not
    removed as spam), each alone among genuine lines of a first post."""
    rows = read_rows([UNSEEN_GENUINE])
    removed = spam_line_outcomes(cleaner, [r["text"] for r in rows])
    return {"genuine_lines": len(rows), "templates": len({r["source"] for r in rows}),
            "kept_pct": pct(len(rows) - sum(removed), len(rows))}


def write_misses(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def forum_lines(cleaner: Cleaner) -> dict:
    """Gold lines of real forum pages removed as spam by the cleaner on their own page."""
    from cleaner.evaluate import iter_cases

    lost = total = 0
    pages = [(c.read_input(), c.expected_for(False)[0]) for c in iter_cases(ROOT / "samples" / "pages")
             if c.expected_for(False)[0] is not None and not c.meta().get("composed")]
    shared = ROOT.parent / "shared" / "data" / "forum_pages"
    for gold in sorted(shared.glob("*/*.gold.txt")):
        html = gold.with_name(gold.name.replace(".gold.txt", ".html"))
        if html.is_file():
            pages.append((html.read_bytes(), gold.read_text(encoding="utf-8")))
    for page, expected in pages:
        try:
            result = cleaner.clean(page, replies=True)
        except Exception:  # a page the cleaner refuses is not a spam false positive
            continue
        spam = removed_as_spam(result)
        lines = [key(t) for t in expected.splitlines() if t.strip()]
        total += len(lines)
        lost += sum(line in spam for line in lines)
    return {"pages": len(pages), "gold_lines": total, "removed_as_spam": lost, "removed_pct": pct(lost, total)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "spam_model.skops"))
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--skip-loso", action="store_true", help="only the shipped-model figures")
    parser.add_argument("--sources", default=",".join(SOURCES), help="left-out sources to run")
    parser.add_argument("--reuse", type=Path, default=None,
                        help="a folder of without_<source>.skops trained before with this recipe: use them, train none")
    parser.add_argument("--misses", type=Path, default=None,
                        help="write the development half's misses of each left-out source here (misses_<source>.jsonl)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the left-out models trained in this folder (for a later --reuse)")
    parser.add_argument("--card", type=Path, default=None,
                        help="write the figures into this model card (.md), between its spam-eval markers")
    args = parser.parse_args(argv)
    if args.card and args.skip_loso:
        parser.error("--card needs the leave-one-source-out figures: drop --skip-loso")
    rng = random.Random(SEED)
    model = Path(args.model).resolve()
    report: dict = {"model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model)}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.keep or Path(tmp)  # the left-out models are trained into it
        workdir.mkdir(parents=True, exist_ok=True)
        if not args.skip_loso:
            for name in args.sources.split(","):
                report[f"without_{name}"] = evaluate_source(name, workdir, rng, args.reuse, args.misses)
                print(name, json.dumps(report[f"without_{name}"], ensure_ascii=False), flush=True)
    cleaner = Cleaner(model=args.model)
    report["articles_fp"] = {}
    for label, texts in articles().items():
        flagged, _ = line_mode(cleaner, texts)
        report["articles_fp"][label] = {"lines": len(texts), "removed_as_spam": flagged, "pct": pct(flagged, len(texts))}
    report["forum_lines"] = forum_lines(cleaner)
    report["unseen_sms"] = unseen_sms(cleaner)
    report["unseen_genuine"] = unseen_genuine(cleaner)
    print("shipped", json.dumps({k: report[k] for k in ("articles_fp", "forum_lines", "unseen_sms", "unseen_genuine")}, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.card:
        write_card_section(args.card, report)
    return 0


CARD_BEGIN, CARD_END = "<!-- BEGIN spam-eval -->", "<!-- END spam-eval -->"
DATA_NOTE = """Real spam in the training data (`samples/SOURCES.md`): the FBS SMS dataset (Yiming Zhang, Baojun Liu,
Chaoyi Lu, Zhou Li, Haixin Duan, Shuang Hao, Mingxuan Liu, Ying Liu, Dong Wang, Qiang Li: "Lies in the Air:
Characterizing Fake-base-station Spam Ecosystem in China", ACM CCS 2020; research data,
https://github.com/Cypher-Z/FBS_SMS_Dataset) and the YouTube Spam Collection (Alberto, Lochter and Almeida,
ICMLA 2015, UCI Machine Learning Repository, CC BY 4.0)."""


CAVEATS = """How to read these figures:
- Spam lines are measured one at a time among genuine lines (until 2026-12-06 they were measured 20 to a
  post, where the post-level decision removed whole all-spam posts: SMS then read 81%, comments 50%).
- sms: no genuine messages in that set; its genuine replies are the 26 hand-written replies. A line alone
  must pass the model's threshold (0.98, set by the written hard negatives: notices, sales and recruitment
  posts with phone numbers) or a rule. The marketing-SMS registers of scripts/real_line_templates.py (loans,
  carrier plans, property, shop members, stock tips, fake notices, gambling, tutoring, travel) and the rule
  spam:unsubscribe-footer were written after studying the dev half's misses (44.9% before them): the
  locked half, never looked at, is the fairer figure. A message split into 2-6 lines is read whole as a
  reply (cleaner/model/replies.py) from even odds; the model trained without SMS still scores most missed
  messages under 0.5 even when whole.
- comments: the English self-promotion templates and the rule spam:self-promotion were written after seeing
  what the comment-less model missed on the dev half, so this row is optimistic (locked half alongside).
  A Western line needs 0.985 from the model (cleaner/model/scope.py WESTERN_MIN_SPAM_SCORE); Western
  replies are read whole only next to a line removed as spam by itself (a genuine reply recommending a
  shop reads like an ad when whole), and most comment spam has no such line.
- written: without the written lines no genuine line in training carries a phone number or an offer, grouped
  CV then picks a low threshold (0.12; 0.31 when the SMS set was 3,964 lines: the precision target is
  reached lower when more of the pool is easy spam) and the written hard negatives are lost: the model
  cannot learn that a notice with a phone number is genuine without such lines. The shipped model trains
  on them.
- hard negatives: with their development half in training (2026-12-06) the model left without SMS needs
  0.980 instead of 0.972 (held-out templates of them score high), and its SMS lines removed went 61.2%
  -> 57.3%; the shipped model keeps 66.1% -> 71.1% of the locked half, its unseen SMS removed unchanged.
- unseen SMS: other messages of the same FBS categories, so closer to the training data than a left-out
  source; a message that starts otherwise may still be a near copy of a campaign trained on. It is the
  figure for the spam that the shipped model's real training data stands for; the rows above are the
  figures for spam of a kind it never saw."""


def card_section(report: dict) -> str:
    rows = ["| left out | spam lines removed | genuine lines kept | spam replies removed | genuine replies kept "
            "| threshold | news FP (that model) | real forum gold lines removed (that model) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in SOURCES:
        r = report.get(f"without_{name}")
        if r:
            half = _halves_note(r)
            rows.append(f"| {name} | {r['spam_lines_removed_pct']}% of {r['spam_lines']}{half('spam_lines_removed_pct')} | "
                        f"{r['genuine_lines_kept_pct']}% of {r['genuine_lines']}{half('genuine_lines_kept_pct')} | "
                        f"{r['spam_replies_removed_pct']}% of {r['spam_replies']}{half('spam_replies_removed_pct')} | "
                        f"{r['genuine_replies_kept_pct']}% of {r['genuine_replies']}{half('genuine_replies_kept_pct')} "
                        f"({r['genuine_replies_from']}) | {r['threshold']} | {r['fp_news_paragraphs_from_gold_zh_pct']}% | "
                        f"{r.get('fp_forum_gold_lines', 'n/a')} |")
    fp = report["articles_fp"]
    forum = report["forum_lines"]
    unseen, hard = report["unseen_sms"], report["unseen_genuine"]
    return "\n".join([
        CARD_BEGIN, "## Real spam, leave one source out (`python bench/spam_eval.py --card ...`)", "", DATA_NOTE, "",
        "Each row: a model trained without that source (threshold from grouped CV on the rest), the whole cleaner "
        "(rules + model) on Discuz! X3 threads composed from the left-out lines: each spam line alone among "
        f"{FILLER_LINES} genuine lines of a first post, genuine lines 20 to a post; each spam message as a 2-6 line reply among genuine replies (`--replies`). In brackets, the same figure on "
        "each fixed half of the messages (`split_part`: ../shared/tools/locked_split.py on the source and the "
        "text's hash); misses were studied on the dev half only.", "", *rows, "",
        "With this model: article paragraphs removed as spam (as first-post lines): " + ", ".join(
            f"{k} {v['removed_as_spam']} of {v['lines']} ({v['pct']}%)" for k, v in fp.items())
        + f"; gold lines of {forum['pages']} real forum pages removed as spam: {forum['removed_as_spam']} of "
        f"{forum['gold_lines']} ({forum['removed_pct']}%).", "",
        f"With this model, real spam SMS of campaigns it never trained on ({unseen['spam_lines']} messages of "
        "samples/lines/unseen: FBS messages not sampled for training, none starting like a training message): "
        f"{unseen['spam_lines_removed_pct']}% removed as lines, {unseen['spam_replies_removed_pct']}% as replies "
        f"(genuine replies kept {unseen['genuine_replies_kept_pct']}%); by category (messages, % of lines): "
        + ", ".join(f"{c} {n}: {v}%" for c, (n, v) in unseen["lines_removed_pct_by_category"].items()) + ".", "",
        f"With this model, genuine lines that read like ads, of templates no model trained on ({hard['genuine_lines']} "
        f"lines of {hard['templates']} templates, samples/lines/unseen: the locked half of "
        "scripts/hard_negative_templates.py: notices, lost and found, recruitment, second-hand sales and rentals, "
        "shop and clinic owners, editorial contact lines, talk about service numbers), each alone among genuine "
        f"lines of a first post: {hard['kept_pct']}% kept.", "",
        CAVEATS, CARD_END, ""])


def _halves_note(r: dict):
    """" (dev a / locked b)" for one figure of a row, when the run measured both halves."""
    def note(figure: str) -> str:
        h = r.get("halves", {}).get(figure)
        return f" (dev {h['dev']} / locked {h['locked']})" if h and h["dev"] == h["dev"] else ""
    return note


def write_card_section(path: Path, report: dict) -> None:
    text = path.read_text(encoding="utf-8")
    if CARD_BEGIN in text:  # in place: the hand-written sections around it keep their order
        before, after = text[:text.index(CARD_BEGIN)], text[text.index(CARD_END) + len(CARD_END):].lstrip("\n")
        path.write_text(before + card_section(report) + ("\n" + after if after else ""), encoding="utf-8")
        return
    path.write_text(text.rstrip("\n") + "\n\n" + card_section(report), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
