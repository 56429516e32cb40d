"""Quality of forum-cleaner next to trafilatura and magic-html on the same pages, in one run.

    python bench/quality.py [--sets samples,magic_html_forum,harvest_forum,nonforum_zh] [--limit N]

Every extractor's output is scored by cleaner.evaluate (retention, precision, F1, spam leaked).
Sets: samples/pages/* (first-post mode against <id>.expected.txt, and thread mode where
<id>.thread.expected.txt exists), and from the shared data folder: magic_html_forum (whole-thread
gold, replies mode; scored as published and "[no-title]": the thread-title line (when the
<title> holds it) and "[复制链接]" removed from the gold in memory, on all pages and on the
Chinese ones apart, and "[in-page]": gold lines whose text is nowhere in the page source cut
out, and "[visible]": also the lines found only in hidden elements, see strip_absent_lines,
and "[other pages]": the published gold without the GOLD_OUTLIERS pages, which are also scored),
harvest_forum (gold = post texts, replies mode) and nonforum_zh (articles). Every set (as published)
is also reported per part of the fixed split by site, "{dev}" and "{locked}" (shared/tools/
locked_split.py; "{no-url}": sample pages written for the project), in the same run.

trafilatura's plain-text output puts a layout-table row on one line (a whole Discuz! post
becomes one "| cell | cell |" line), so it is scored as is ("trafilatura-txt") and from its XML
output split into one line per block ("trafilatura-xml"), which is the fair comparison.
Plain-text inputs (zh_text) are skipped for the HTML extractors. Results: bench/out/quality.json.
Caveat: the harvest gold holds one line per post (its paragraphs joined), so any difference
inside a post (a quote, an emoji's alt text) makes the whole post count as lost by the line
metric. Every column is therefore also scored by char retention (share of gold characters the
output covers, cleaner.evaluate) and F1 on it; and the harvest gold keeps the quoted text of
earlier posts inside posts, which is chrome for us, so harvest is scored as published and
"[no-quotes]": with the text of the page's quote elements (blockquote, class *quote*) cut out
of the gold lines in memory. The gold files are never edited.
Bench-only dependencies (trafilatura, magic-html) are imported here and nowhere in the package.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cleaner.evaluate import aggregate, gram_size, iter_cases, normalize, normalized_lines, score_case  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"
ALL_SETS = ("samples", "magic_html_forum", "harvest_forum", "nonforum_zh")
XML_BLOCKS = {"p", "head", "item", "quote", "cell", "row", "list", "table", "code", "lb", "comments", "main", "doc"}
HTML_BLOCKS = {"p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br",
               "blockquote", "pre", "section", "article", "dd", "dt", "dl", "header", "footer", "body", "hr"}


@dataclass
class BenchCase:
    set_name: str  # reported set, e.g. "samples/zh_forum" or "magic_html_forum[no-title]"
    case_id: str
    page: bytes
    expected: str
    spam: list[str]
    replies: bool
    url: str | None = None
    headers: dict | None = None
    is_text: bool = False


# ------------------------------------------------------------------ turning extractor output into lines


def tree_to_lines(root, block_tags: set[str]) -> str:
    """Text of a tree with a line break at every block element (and <br>/<lb>)."""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in block_tags
        if block:
            parts.append("\n")
        if el.text and tag.lower() not in ("script", "style"):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return "\n".join(line.strip() for line in "".join(parts).splitlines() if line.strip())


def decode_page(page: bytes, headers: dict | None) -> str:
    """Plain decoding for extractors that need str: header, <meta>, UTF-8, GB18030, detection."""
    declared = None
    for value in (headers or {}).values():
        m = re.search(r"charset=([\w-]+)", str(value), re.I)
        declared = declared or (m.group(1) if m else None)
    m = re.search(rb"charset=[\"']?([\w-]+)", page[:4096], re.I)
    candidates = [declared, m.group(1).decode("ascii", "replace") if m else None, "utf-8", "gb18030"]
    for enc in filter(None, candidates):
        enc = "gb18030" if enc.lower() in ("gb2312", "gbk") else enc
        try:
            return page.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(page).best()
    return str(best) if best else page.decode("utf-8", "replace")


# ------------------------------------------------------------------ extractors


def make_extractors(wanted: set[str] | None) -> dict[str, Callable[[BenchCase], str]]:
    extractors: dict[str, Callable[[BenchCase], str]] = {}
    try:
        from cleaner import Cleaner
        from cleaner.errors import ModelLoadError

        try:
            forum_cleaner, label = Cleaner(), "forum-cleaner"
        except ModelLoadError as exc:
            print(f"forum-cleaner: default model not loadable ({exc}); measuring rules only")
            forum_cleaner, label = Cleaner(model=None), "forum-cleaner(rules-only)"
        extractors[label] = lambda c: forum_cleaner.clean(c.page, url=c.url, headers=c.headers, replies=c.replies).text
    except Exception as exc:  # the pipeline may not have landed yet
        print(f"forum-cleaner: not available ({type(exc).__name__}: {exc})")
    try:
        import trafilatura
        from lxml import etree

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # per-page warnings drown the table

        def traf_xml(c: BenchCase, **options) -> str:
            xml = trafilatura.extract(c.page, url=c.url, output_format="xml", **options)
            return tree_to_lines(etree.fromstring(xml.encode("utf-8")), XML_BLOCKS) if xml else ""

        extractors["trafilatura-txt"] = lambda c: trafilatura.extract(c.page, url=c.url) or ""
        extractors["trafilatura-xml"] = traf_xml
        extractors["trafilatura-recall"] = lambda c: traf_xml(c, favor_recall=True, include_comments=True)
    except ImportError:
        print("trafilatura: not installed")
    try:
        from lxml import html as lxml_html
        from magic_html import GeneralExtractor

        magic = GeneralExtractor()

        def magic_forum(c: BenchCase) -> str:
            out = magic.extract(decode_page(c.page, c.headers), base_url=c.url or "", html_type="forum")
            body = (out or {}).get("html") or ""
            return tree_to_lines(lxml_html.fromstring(body), HTML_BLOCKS) if body.strip() else ""

        extractors["magic-html"] = magic_forum
    except ImportError:
        print("magic-html: not installed")
    if wanted:
        extractors = {k: v for k, v in extractors.items() if k in wanted}
    return extractors


# ------------------------------------------------------------------ case loading


def sample_cases(samples: Path, limit: int | None) -> list[BenchCase]:
    cases = []
    per_set: dict[str, int] = {}
    for case in iter_cases(samples):
        if limit and per_set.get(case.set_name, 0) >= limit:
            continue
        per_set[case.set_name] = per_set.get(case.set_name, 0) + 1
        meta, page, spam = case.meta(), case.read_input(), case.spam()
        is_text = case.input_path.suffix == ".txt"
        for replies in (False, True):
            expected, source = case.expected_for(replies)
            if expected is None or (replies and source != "thread"):
                continue
            name = f"samples/{case.set_name}" + ("[thread]" if replies else "")
            cases.append(BenchCase(name, case.case_id, page, expected, spam, replies, meta.get("url"), meta.get("headers"), is_text))
    return cases


def _index(shared: Path) -> dict[str, dict]:
    path = shared / "data" / "forum_pages" / "index.jsonl"
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def strip_title_lines(gold: str, page: bytes) -> str:
    """The magic-html gold keeps the thread title and "[复制链接]": both are chrome for us."""
    m = re.search(rb"<title[^>]*>(.*?)</title>", page, re.S | re.I)
    title = normalize(m.group(1).decode("utf-8", "replace")) if m else ""
    lines = [x for x in gold.splitlines() if x.strip()]
    kept = [x for x in lines if normalize(x) != "[复制链接]"]
    if kept and title and normalize(kept[0]) and normalize(kept[0]) in title:
        kept = kept[1:]
    return "\n".join(kept) + "\n"


# Pages whose published gold is mostly what no reader of the stored page sees as its thread: scored
# as published like every page, and once more in "[other pages]" sets without them, so that the
# rest of the set is seen apart. The gold files are not edited.
GOLD_OUTLIERS = {
    "009ca1a442c9e256": "Quora: ~38k gold characters of answers a browser loaded later (in no byte of the page)",
    "bc87ae6202bd353c": "markdown editor: the gold holds the editor's markdown and HTML source next to the article",
}

IN_PAGE_MIN_SHARE = 0.5  # a gold line is in the page when this share of its n-grams occurs in the source
_TAG = re.compile(r"<[^>]*>")


def page_source_texts(page: bytes, headers: dict | None = None) -> tuple[str, str]:
    """Every text the page's source holds (scripts, textareas, attributes included), entities
    decoded, with tags read as a space and as nothing (inline tags split words either way)."""
    import html

    source = decode_page(page, headers)
    return tuple(normalize(html.unescape(_TAG.sub(sep, source))) for sep in (" ", ""))


_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def visible_texts(page: bytes, headers: dict | None = None) -> tuple[str, ...]:
    """The text a reader sees: scripts, styles, form fields and elements hidden by an inline
    style or the hidden attribute left out (classes are not resolved: no CSS is applied)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(decode_page(page, headers))
    except Exception:
        return ()
    hidden = [el for el in root.iter() if isinstance(el.tag, str) and (
        el.tag in ("script", "style", "template", "textarea", "head")
        or el.get("hidden") is not None or _INVISIBLE_STYLE.search(el.get("style") or ""))]
    for el in hidden:
        if el.getparent() is not None:
            el.drop_tree()
    return (normalize(" ".join(root.itertext())), normalize("".join(root.itertext())))


def strip_absent_lines(gold: str, page: bytes, *, min_share: float = IN_PAGE_MIN_SHARE, visible: bool = False) -> str:
    """Gold lines whose text is not in the page source at all: no extractor can produce them.
    (The magic-html gold of a Quora page holds ~38k characters of answers that a browser loaded
    later: they are in no byte of the stored HTML.) With ``visible``, also lines found only in
    what a reader does not see (display:none copies of the post's HTML source, an editor's
    hidden toolbar). A line stays when at least ``min_share`` of its character n-grams (the
    evaluator's sizes) occur in that text."""
    texts = visible_texts(page) if visible else page_source_texts(page)
    grams: dict[int, set[str]] = {}
    kept = []
    for line in normalized_lines(gold):
        size = gram_size(line)
        if len(line) <= size:
            found = any(line in text for text in texts)
        else:
            if size not in grams:
                grams[size] = {t[i : i + size] for t in texts for i in range(len(t) - size + 1)}
            windows = len(line) - size + 1
            found = sum(line[i : i + size] in grams[size] for i in range(windows)) >= min_share * windows
        if found:
            kept.append(line)
    return "\n".join(kept) + "\n"


_QUOTE_CLASS = re.compile(r"quote", re.I)
_NOT_QUOTE_CLASS = re.compile(r"select|icon|link|button|action|control|expand|toquote|fa-|multi", re.I)


def is_quote_element(el) -> bool:
    """<blockquote>, or a class token naming a quote (not a "quote this" button or icon)."""
    if el.tag == "blockquote":
        return True
    return any(_QUOTE_CLASS.search(t) and not _NOT_QUOTE_CLASS.search(t) for t in (el.get("class") or "").split())
QUOTE_LINE_MIN_CHARS = 8  # shorter pieces of a quote could match genuine text by chance
QUOTE_MAX_LINE_SHARE = 0.9  # a "quote" as long as a whole gold post is a post container


def quote_texts(page: bytes, headers: dict | None = None) -> list[tuple[str, bool]]:
    """Normalised texts of the page's quote elements, longest first: (text, is whole element)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(decode_page(page, headers))
    except Exception:
        return []
    found: dict[str, bool] = {}
    for el in (e for e in root.iter() if isinstance(e.tag, str) and is_quote_element(e)):
        whole = normalize(" ".join(el.itertext()))
        if len(whole) >= QUOTE_LINE_MIN_CHARS:
            found[whole] = True
        for piece in (normalize(x) for x in tree_to_lines(el, HTML_BLOCKS).splitlines()):
            if len(piece) >= QUOTE_LINE_MIN_CHARS:
                found.setdefault(piece, False)
    return sorted(found.items(), key=lambda item: -len(item[0]))


def strip_quotes(gold: str, quotes: list[tuple[str, bool]], *, max_share: float = QUOTE_MAX_LINE_SHARE) -> str:
    """Gold lines with the quoted text of earlier posts cut out.

    A quote repeats an earlier post, so the first gold line holding the text is the original
    and keeps it; later lines lose it. A whole quote element found in one line only (its
    header "X said:" makes it unique, or the original is on another page) is cut there; a
    piece of a quote found once is the original's text and stays. A "quote" as long as a whole
    gold line is a post container (vBulletin's blockquote.postcontent), not a quote."""
    original = [normalize(raw) for raw in gold.splitlines()]
    lines = list(original)
    for quote, whole in quotes:
        holders = [i for i, line in enumerate(original) if quote in line and len(quote) < max_share * len(line)]
        if len(holders) >= 2:
            holders = holders[1:]
        elif not whole:
            holders = []
        for i in holders:
            lines[i] = normalize(lines[i].replace(quote, " "))
    return "\n".join(line for line in lines if line) + "\n"


def shared_cases(shared: Path, set_name: str, limit: int | None) -> list[BenchCase]:
    base = shared / "data" / "forum_pages"
    index = _index(shared)
    cases = []
    folders = [base / "nonforum_zh" / "magic_html_article", base / "nonforum_zh" / "cwced"] if set_name == "nonforum_zh" else [base / set_name]
    for folder in folders:
        for path in sorted(folder.glob("*.html"))[: limit or None]:
            case_id = path.name[: -len(".html")]
            gold_path = folder / f"{case_id}.gold.txt"
            if not gold_path.exists():
                continue
            page, gold = path.read_bytes(), gold_path.read_text(encoding="utf-8")
            row = index.get(case_id, {})
            url = row.get("url") or None
            replies = set_name != "nonforum_zh"
            cases.append(BenchCase(set_name, case_id, page, gold, [], replies, url))
            if set_name == "harvest_forum":
                cases.append(BenchCase("harvest_forum[no-quotes]", case_id, page, strip_quotes(gold, quote_texts(page)), [], True, url))
            if set_name == "magic_html_forum":
                cases.append(BenchCase("magic_html_forum[no-title]", case_id, page, strip_title_lines(gold, page), [], True, url))
                cases.append(BenchCase("magic_html_forum[in-page]", case_id, page, strip_absent_lines(gold, page), [], True, url))
                cases.append(BenchCase("magic_html_forum[visible]", case_id, page,
                                       strip_absent_lines(gold, page, visible=True), [], True, url))
                if case_id not in GOLD_OUTLIERS:
                    cases.append(BenchCase("magic_html_forum[other pages]", case_id, page, gold, [], True, url))
            if set_name == "magic_html_forum" and row.get("lang") == "zh":
                cases.append(BenchCase("magic_html_forum_zh[no-title]", case_id, page, strip_title_lines(gold, page), [], True, url))
                cases.append(BenchCase("magic_html_forum_zh[as-published]", case_id, page, gold, [], True, url))
                if case_id not in GOLD_OUTLIERS:
                    cases.append(BenchCase("magic_html_forum_zh[other pages]", case_id, page, gold, [], True, url))
    return cases


# ------------------------------------------------------------------ running and reporting


def load_part(shared: Path) -> Callable[[str], str] | None:
    """The fixed development/locked split of the real pages, by site (shared/tools/locked_split.py):
    every set is also reported per part, so a gain seen only on the pages looked at shows."""
    path = shared / "tools" / "locked_split.py"
    if not path.is_file():
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("locked_split", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.part


def part_set(case: BenchCase, part: Callable[[str], str] | None) -> str | None:
    """"<set> {dev}" / "{locked}" / "{no-url}" (pages written for the project) for the published
    scoring of a set; None for the in-memory variants ("[in-page]" ...) and without the split."""
    if part is None or ("[" in case.set_name and not case.set_name.endswith("[thread]")):
        return None
    return f"{case.set_name} {{{part(case.url) if case.url else 'no-url'}}}"


def run_bench(cases: list[BenchCase], extractors: dict, part: Callable[[str], str] | None = None) -> dict:
    results: dict[str, dict[str, list]] = {}
    seconds: dict[str, float] = {name: 0.0 for name in extractors}
    for case in cases:
        for name, extract in extractors.items():
            if case.is_text and not name.startswith("forum-cleaner"):
                continue
            started = time.perf_counter()
            try:
                output, error = extract(case), ""
            except Exception as exc:  # one failing page must not stop the comparison
                output, error = "", f"{type(exc).__name__}: {exc}"[:200]
            seconds[name] += time.perf_counter() - started
            score = score_case(output, case.expected, case.spam)
            for set_name in filter(None, (case.set_name, part_set(case, part))):
                results.setdefault(set_name, {}).setdefault(name, []).append((case.case_id, score, error))
    return {"results": results, "seconds": seconds}


def markdown(report: dict) -> str:
    lines = ["| set | extractor | pages | retention | precision | F1 | char ret | char F1 | spam leaked | errors |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for set_name, by_extractor in sorted(report["results"].items()):
        for name, rows in by_extractor.items():
            a = aggregate([s for _id, s, _e in rows], errors=sum(1 for *_x, e in rows if e))
            lines.append(f"| {set_name} | {name} | {a.cases} | {a.retention:.3f} | {a.precision:.3f} | {a.f1:.3f} "
                         f"| {a.char_retention:.3f} | {a.char_f1:.3f} | {a.spam_leaked}/{a.spam_lines} | {a.errors} |")
    lines.append("")
    lines.append("retention (whole gold line found) / precision / F1 and char ret (gold characters covered) / char F1 "
                 "are character-weighted over the set (cleaner.evaluate). Seconds spent: "
                 + ", ".join(f"{k} {v:.1f}" for k, v in report["seconds"].items()))
    return "\n".join(lines)


def to_json(report: dict) -> dict:
    out: dict = {"seconds": report["seconds"], "sets": {}}
    for set_name, by_extractor in report["results"].items():
        out["sets"][set_name] = {}
        for name, rows in by_extractor.items():
            a = aggregate([s for _id, s, _e in rows], errors=sum(1 for *_x, e in rows if e))
            out["sets"][set_name][name] = {
                "aggregate": a.__dict__ if hasattr(a, "__dict__") else {f: getattr(a, f) for f in a.__slots__},
                "pages": [{"id": i, "retention": s.retention, "precision": s.precision, "f1": s.f1, "char_retention": s.char_retention,
                           "spam_leaked": s.spam_leaked, "error": e} for i, s, e in rows],
            }
    return out


def worst_pages(report: dict, extractor: str = "forum-cleaner", count: int = 10) -> str:
    """The pages of each set where the extractor loses the most gold characters (line-level lost
    first, char-level beside it): where to look next."""
    lines = []
    for set_name, by_extractor in report["results"].items():
        rows = by_extractor.get(extractor) or next((v for k, v in by_extractor.items() if k.startswith(extractor)), [])
        lost = sorted(rows, key=lambda row: -(row[1].expected_chars - row[1].retained_chars))[:count]
        if not lost:
            continue
        lines.append(f"{set_name}: pages losing the most gold characters ({extractor})")
        for case_id, score, error in lost:
            lines.append(f"  {case_id[:60]:60} ret {score.retention:.3f} char ret {score.char_retention:.3f} "
                         f"prec {score.precision:.3f} gold {score.expected_chars}{'  ' + error if error else ''}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="forum-cleaner vs trafilatura vs magic-html quality")
    parser.add_argument("--sets", default=",".join(ALL_SETS), help=f"comma-separated: {', '.join(ALL_SETS)}")
    parser.add_argument("--limit", type=int, help="at most N pages per set (per sample set)")
    parser.add_argument("--extractors", help="comma-separated subset of extractor names")
    parser.add_argument("--shared", default=str(DEFAULT_SHARED), help="folder holding data/forum_pages")
    parser.add_argument("--samples", default=str(REPO / "samples" / "pages"))
    parser.add_argument("--out", default=str(REPO / "bench" / "out" / "quality.json"))
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages per set where forum-cleaner loses most")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    cases: list[BenchCase] = []
    for set_name in sets:
        if set_name == "samples":
            cases += sample_cases(Path(args.samples), args.limit)
        elif (Path(args.shared) / "data" / "forum_pages").is_dir():
            cases += shared_cases(Path(args.shared), set_name, args.limit)
        else:
            print(f"{set_name}: shared data not found under {args.shared}; skipped")
    extractors = make_extractors(set(args.extractors.split(",")) if args.extractors else None)
    report = run_bench(cases, extractors, load_part(Path(args.shared)))
    print(markdown(report))
    if args.worst:
        print(worst_pages(report, count=args.worst))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(to_json(report), ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
