"""Scoring cleaned text against expected output, and the ``evaluate`` CLI subcommand.

Metrics (see samples/README.md for the case layout):

* retention: share of expected characters whose line is found in the output. A line counts
  as found when its normalised text is a substring of the normalised output (lines joined
  with a space). Losing article text is the worst failure, so this is the headline figure.
* precision: share of output characters that belong to expected content. An output line
  equal to an expected line counts fully; otherwise a character counts when some character
  n-gram of the output covering it also occurs in the expected text (n = 4 on CJK lines,
  8 on other lines, grams may span line joins so re-split paragraphs still match). Linear
  in the page size, so 200 KB pages score in milliseconds, and short chrome such as "回复"
  or "1#" never matches by accident.
* spam leaked: number of spam lines whose normalised text appears in the output.
* char retention (reported next to retention, not instead of it): share of expected characters
  covered by the output, measured like precision the other way round (exact line, else shared
  character n-grams). Line retention counts a whole expected line as lost when any part of it
  differs; that is right for one-paragraph-per-line samples, but gold sets that hold a whole
  post per line (harvest_forum) or code with reflowed whitespace need the finer view.

Characters are counted without whitespace, so CJK and Latin text weigh the same way and
a reflowed paragraph scores like the original.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Protocol

CJK_GRAM = 4  # n-gram size for lines that are mostly CJK
LATIN_GRAM = 8  # n-gram size for other lines
CJK_LINE_SHARE = 0.3  # a line with at least this share of CJK characters uses CJK_GRAM
INPUT_SUFFIXES = (".html", ".htm", ".txt")
SIDE_FILE_SUFFIXES = (".expected.txt", ".spam.txt", ".meta.json", ".gold.txt")

_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def normalize(text: str) -> str:
    """NFKC, zero-width characters dropped, whitespace collapsed to one space, stripped."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return _WHITESPACE.sub(" ", text).strip()


def normalized_lines(text: str) -> list[str]:
    """Non-empty normalised lines of a text."""
    return [line for line in (normalize(raw) for raw in text.splitlines()) if line]


def char_weight(text: str) -> int:
    """Characters that count: everything but whitespace."""
    return sum(1 for ch in text if not ch.isspace())


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2FFFF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF
        or 0xAC00 <= code <= 0xD7AF
    )


def gram_size(line: str, *, cjk_share: float = CJK_LINE_SHARE) -> int:
    """The n-gram size used to match a line: short grams for CJK, longer for alphabets."""
    visible = [ch for ch in line if not ch.isspace()]
    if not visible:
        return LATIN_GRAM
    share = sum(1 for ch in visible if _is_cjk(ch)) / len(visible)
    return CJK_GRAM if share >= cjk_share else LATIN_GRAM


@dataclass(slots=True)
class CaseScore:
    """Scores of one page; the *_chars fields let sets be micro-averaged."""

    retention: float
    precision: float
    f1: float
    spam_leaked: int
    expected_chars: int
    output_chars: int
    retained_chars: int = 0
    precise_chars: int = 0
    spam_lines: int = 0
    leaked_lines: list[str] = field(default_factory=list)
    char_retention: float = 0.0
    char_f1: float = 0.0
    covered_chars: int = 0  # expected characters covered by the output (char retention)


def f1_score(precision: float, retention: float) -> float:
    total = precision + retention
    return 2 * precision * retention / total if total else 0.0


def _retained(expected_lines: list[str], output_joined: str) -> int:
    return sum(char_weight(line) for line in expected_lines if line in output_joined)


def _precise(output_lines: list[str], expected_lines: list[str], whole: str | None = None) -> int:
    """Output characters covered by expected content (exact line or shared n-gram).

    With the roles swapped (and ``whole`` = the joined output) it gives the expected characters
    covered by the output: a line found whole counts fully, others by shared n-grams."""
    expected_set = set(expected_lines)
    expected_joined = " ".join(expected_lines)
    grams: dict[int, set[str]] = {}
    joined = " ".join(output_lines)
    covered = 0
    start = 0
    for line in output_lines:
        end = start + len(line)
        if line in expected_set or (whole is not None and line in whole):
            covered += char_weight(line)
        else:
            size = gram_size(line)
            if size not in grams:
                grams[size] = {expected_joined[i : i + size] for i in range(len(expected_joined) - size + 1)}
            covered += _gram_cover(joined, start, end, size, grams[size])
        start = end + 1
    return covered


def _gram_cover(joined: str, start: int, end: int, size: int, grams: set[str]) -> int:
    """Non-space characters of joined[start:end] inside some size-gram found in grams."""
    hit = bytearray(end - start)
    first = max(0, start - size + 1)
    last = min(end, len(joined) - size + 1)
    for i in range(first, last):
        if joined[i : i + size] in grams:
            lo, hi = max(i, start), min(i + size, end)
            hit[lo - start : hi - start] = b"\x01" * (hi - lo)
    return sum(1 for offset, flag in enumerate(hit) if flag and not joined[start + offset].isspace())


def score_case(output: str, expected: str, spam_lines: Iterable[str] = ()) -> CaseScore:
    """Retention, precision, F1 and leaked spam of one output against its expected text."""
    output_lines = normalized_lines(output)
    expected_lines = normalized_lines(expected)
    output_joined = " ".join(output_lines)
    expected_chars = sum(map(char_weight, expected_lines))
    output_chars = sum(map(char_weight, output_lines))
    retained = _retained(expected_lines, output_joined)
    precise = _precise(output_lines, expected_lines) if output_lines else 0
    retention = retained / expected_chars if expected_chars else 1.0
    precision = precise / output_chars if output_chars else (1.0 if not expected_chars else 0.0)
    covered = _precise(expected_lines, output_lines, output_joined) if expected_lines and output_lines else 0
    char_retention = covered / expected_chars if expected_chars else 1.0
    spam = [line for line in (normalize(s) for s in spam_lines) if line]
    leaked = [line for line in spam if line in output_joined]
    return CaseScore(
        retention=retention,
        precision=precision,
        f1=f1_score(precision, retention),
        spam_leaked=len(leaked),
        expected_chars=expected_chars,
        output_chars=output_chars,
        retained_chars=retained,
        precise_chars=precise,
        spam_lines=len(spam),
        leaked_lines=leaked,
        char_retention=char_retention,
        char_f1=f1_score(precision, char_retention),
        covered_chars=covered,
    )


# ---------------------------------------------------------------- cases on disk


@dataclass(slots=True)
class Case:
    """One sample page and the files that say what cleaning it should give."""

    set_name: str
    case_id: str
    input_path: Path
    expected_path: Path | None = None
    thread_expected_path: Path | None = None
    spam_path: Path | None = None
    meta_path: Path | None = None

    def read_input(self) -> bytes:
        return self.input_path.read_bytes()

    def meta(self) -> dict:
        if self.meta_path is None:
            return {}
        return json.loads(self.meta_path.read_text(encoding="utf-8"))

    def spam(self) -> list[str]:
        if self.spam_path is None:
            return []
        return self.spam_path.read_text(encoding="utf-8").splitlines()

    def expected_for(self, replies: bool) -> tuple[str | None, str]:
        """Expected text for the mode and which file gave it ("first", "thread", "fallback")."""
        if replies and self.thread_expected_path is not None:
            return self.thread_expected_path.read_text(encoding="utf-8"), "thread"
        if self.expected_path is None:
            return None, "missing"
        source = "fallback" if replies else "first"
        return self.expected_path.read_text(encoding="utf-8"), source


def _optional(path: Path) -> Path | None:
    return path if path.is_file() else None


def _is_input(path: Path) -> bool:
    name = path.name
    return path.suffix in INPUT_SUFFIXES and not name.endswith(SIDE_FILE_SUFFIXES)


def _cases_in(directory: Path, set_name: str) -> Iterator[Case]:
    for path in sorted(directory.iterdir()):
        if not path.is_file() or not _is_input(path):
            continue
        stem = path.name[: -len(path.suffix)]
        base = directory / stem
        expected = _optional(Path(f"{base}.expected.txt"))
        thread = _optional(Path(f"{base}.thread.expected.txt"))
        if expected is None and thread is None:
            continue
        yield Case(
            set_name=set_name,
            case_id=stem,
            input_path=path,
            expected_path=expected,
            thread_expected_path=thread,
            spam_path=_optional(Path(f"{base}.spam.txt")),
            meta_path=_optional(Path(f"{base}.meta.json")),
        )


def iter_cases(root: str | Path) -> list[Case]:
    """Cases under root: either a folder of sets (samples/pages) or one set folder."""
    root = Path(root)
    direct = list(_cases_in(root, root.name))
    nested = [case for sub in sorted(p for p in root.iterdir() if p.is_dir()) for case in _cases_in(sub, sub.name)]
    return direct + nested


# ---------------------------------------------------------------- running a cleaner


class CleanerLike(Protocol):
    def clean(self, page, *, url=None, headers=None, replies=False): ...


@dataclass(slots=True)
class CaseResult:
    set_name: str
    case_id: str
    expected_source: str
    score: CaseScore | None
    error: str = ""


@dataclass(slots=True)
class Aggregate:
    """Micro (character-weighted) and macro (mean of pages) averages over some cases."""

    cases: int
    errors: int
    retention: float
    precision: float
    f1: float
    macro_retention: float
    macro_precision: float
    macro_f1: float
    spam_leaked: int
    spam_lines: int
    min_retention: float
    char_retention: float = 0.0
    char_f1: float = 0.0


def aggregate(scores: list[CaseScore], errors: int = 0) -> Aggregate:
    expected = sum(s.expected_chars for s in scores)
    output = sum(s.output_chars for s in scores)
    retention = sum(s.retained_chars for s in scores) / expected if expected else 1.0
    precision = sum(s.precise_chars for s in scores) / output if output else 1.0
    count = len(scores) or 1
    return Aggregate(
        cases=len(scores),
        errors=errors,
        retention=retention,
        precision=precision,
        f1=f1_score(precision, retention),
        macro_retention=sum(s.retention for s in scores) / count,
        macro_precision=sum(s.precision for s in scores) / count,
        macro_f1=sum(s.f1 for s in scores) / count,
        spam_leaked=sum(s.spam_leaked for s in scores),
        spam_lines=sum(s.spam_lines for s in scores),
        min_retention=min((s.retention for s in scores), default=1.0),
        char_retention=(char := sum(s.covered_chars for s in scores) / expected if expected else 1.0),
        char_f1=f1_score(precision, char),
    )


@dataclass(slots=True)
class Report:
    results: list[CaseResult]
    sets: dict[str, Aggregate]
    overall: Aggregate
    replies: bool

    def to_dict(self) -> dict:
        return asdict(self)


def evaluate_case(case: Case, cleaner: CleanerLike, *, replies: bool = False) -> CaseResult:
    """Clean one case with the public API and score it; a CleanError scores as empty output."""
    from cleaner.errors import CleanError

    expected, source = case.expected_for(replies)
    if expected is None:
        return CaseResult(case.set_name, case.case_id, source, None, "no expected file")
    meta = case.meta()
    error = ""
    try:
        result = cleaner.clean(case.read_input(), url=meta.get("url"), headers=meta.get("headers"), replies=replies)
        output = result.text
    except CleanError as exc:
        output, error = "", f"{type(exc).__name__}: {exc}"
    return CaseResult(case.set_name, case.case_id, source, score_case(output, expected, case.spam()), error)


def build_report(results: list[CaseResult], replies: bool) -> Report:
    by_set: dict[str, list[CaseResult]] = {}
    for result in results:
        by_set.setdefault(result.set_name, []).append(result)

    def agg(items: list[CaseResult]) -> Aggregate:
        return aggregate([r.score for r in items if r.score], errors=sum(1 for r in items if r.error))

    return Report(results, {name: agg(items) for name, items in by_set.items()}, agg(results), replies)


def evaluate_dir(root: str | Path, cleaner: CleanerLike, replies: bool = False, sets: Iterable[str] | None = None) -> Report:
    """Clean and score every case under root; per-case, per-set and overall figures."""
    wanted = set(sets) if sets else None
    cases = [c for c in iter_cases(root) if wanted is None or c.set_name in wanted]
    return build_report([evaluate_case(c, cleaner, replies=replies) for c in cases], replies)


# ---------------------------------------------------------------- reporting and CLI


def format_report(report: Report, *, per_case: bool = True) -> str:
    lines = []
    if per_case:
        lines.append(f"{'set':<12} {'case':<44} {'ret':>6} {'prec':>6} {'f1':>6} {'spam':>5}  note")
        for r in report.results:
            if r.score is None:
                lines.append(f"{r.set_name:<12} {r.case_id[:44]:<44} {'-':>6} {'-':>6} {'-':>6} {'-':>5}  {r.error}")
                continue
            s = r.score
            note = " ".join(x for x in (r.expected_source if r.expected_source != "first" else "", r.error) if x)
            lines.append(
                f"{r.set_name:<12} {r.case_id[:44]:<44} {s.retention:6.3f} {s.precision:6.3f} {s.f1:6.3f} "
                f"{s.spam_leaked:>2}/{s.spam_lines:<2}  {note}"
            )
        lines.append("")
    lines.append(f"{'set':<14} {'cases':>5} {'ret':>6} {'prec':>6} {'f1':>6} {'mRet':>6} {'mPrec':>6} {'minRet':>6} {'spam':>7} {'err':>4}")
    rows = list(report.sets.items()) + [("ALL", report.overall)]
    for name, a in rows:
        lines.append(
            f"{name:<14} {a.cases:>5} {a.retention:6.3f} {a.precision:6.3f} {a.f1:6.3f} {a.macro_retention:6.3f} "
            f"{a.macro_precision:6.3f} {a.min_retention:6.3f} {a.spam_leaked:>3}/{a.spam_lines:<3} {a.errors:>4}"
        )
    mode = "replies (thread.expected.txt, else expected.txt as fallback)" if report.replies else "first post (expected.txt)"
    lines.append(f"mode: {mode}; ret/prec/f1 are character-weighted, mRet/mPrec are page means")
    return "\n".join(lines)


def threshold_failures(report: Report, *, min_retention=None, min_precision=None, max_spam_leaked=None) -> list[str]:
    """Human-readable reasons the overall figures miss the requested bars."""
    a = report.overall
    failures = []
    if min_retention is not None and a.retention < min_retention:
        failures.append(f"retention {a.retention:.3f} < {min_retention}")
    if min_precision is not None and a.precision < min_precision:
        failures.append(f"precision {a.precision:.3f} < {min_precision}")
    if max_spam_leaked is not None and a.spam_leaked > max_spam_leaked:
        failures.append(f"spam leaked {a.spam_leaked} > {max_spam_leaked}")
    return failures


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("evaluate", help="score the cleaner on sample pages with expected output")
    parser.add_argument("cases_dir", help="samples/pages or one set folder such as samples/pages/zh_forum")
    parser.add_argument("--replies", action="store_true", help="thread mode: score against <id>.thread.expected.txt")
    parser.add_argument("--sets", help="comma-separated set names to include")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--summary", action="store_true", help="per-set table only")
    parser.add_argument("--model", default="default", help='spam model: "default", a model file, or "none" (rules only)')
    parser.add_argument("--min-retention", type=float, help="exit 1 when overall retention is lower")
    parser.add_argument("--min-precision", type=float, help="exit 1 when overall precision is lower")
    parser.add_argument("--max-spam-leaked", type=int, help="exit 1 when more spam lines leak")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cleaner import Cleaner
    from cleaner.errors import CleanError

    if not Path(args.cases_dir).is_dir():
        print(f"evaluate: not a directory: {args.cases_dir}", file=sys.stderr)
        return 2
    try:
        cleaner = Cleaner(model=None if args.model == "none" else args.model)
    except CleanError as exc:  # e.g. the spam model cannot load
        print(f"evaluate: cannot build the cleaner: {exc}", file=sys.stderr)
        return 2
    sets = [s for s in (args.sets or "").split(",") if s] or None
    report = evaluate_dir(args.cases_dir, cleaner, replies=args.replies, sets=sets)
    if not report.results:
        print(f"evaluate: no cases found under {args.cases_dir}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report, per_case=not args.summary))
    failures = threshold_failures(
        report, min_retention=args.min_retention, min_precision=args.min_precision, max_spam_leaked=args.max_spam_leaked
    )
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0
