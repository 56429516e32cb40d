#!/usr/bin/env python3
"""Build the labelled line corpus in samples/lines/ for the spam model (reproducible).

    python scripts/build_lines.py [--shared ../shared] [--out samples/lines]

Genuine lines: Chinese Wikipedia passages of CMRC 2018 (CC BY-SA 4.0, the only
article text in ../shared/data whose licence allows training), split into sentences and
short paragraphs; English prose paragraphs from the Python standard library's docstrings
(PSF licence; the forum pages in ../shared are (c) their sites); plus lines written for the project from the templates in
scripts/line_templates.py (forum chrome, forum replies in Chinese and English, and
"hard" genuine lines that mention hospitals, URLs, phone numbers or QQ in a non-ad way).
Spam lines: written for the project from the templates there over the MIT keyword
lists and blocked domains of ../shared/data/spam/ (copied to cleaner/data and
samples/lines/wordlists), with evasions and spam embedded in normal sentences, plus the
seed's spam line. Every line records its source: a passage title or a template id.
The held-out split is by source, so near-duplicates never straddle it.

The news paragraphs (text (c) the news sites) and all forum pages are NOT used here:
they are the false-positive evaluation sets.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import line_templates as T  # noqa: E402

SEED = 20240601
VARIANTS_PER_SPAM_TEMPLATE = 36
VARIANTS_PER_GENUINE_TEMPLATE = 12
SENTENCE_SPLIT = re.compile(r"(?<=[。！？；])")
MIN_SENTENCE_CHARS = 6
PARAGRAPH_CHARS = 300
FULLWIDTH_OFFSET = 0xFEE0
ZERO_WIDTH_CHARS = ("\u200b", "\u200c", "\u200d", "\ufeff")
CJK_HOMOGLYPHS = {"微": "薇", "信": "芯", "加": "+", "Q": "扣", "扣": "抠"}
LATIN_HOMOGLYPHS = {"a": "а", "o": "о", "e": "е", "c": "с", "p": "р", "x": "х"}


def wordlist(path: Path) -> list[str]:
    return [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]


# ---------------------------------------------------------------- fillers
def mobile(rng: random.Random) -> str:
    digits = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    style = rng.randrange(4)
    if style == 1:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if style == 2:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    return digits


def hotline(rng: random.Random) -> str:
    return f"{rng.choice(['400', '800'])}-{rng.randrange(1000):03d}-{rng.randrange(10000):04d}"


def qq(rng: random.Random) -> str:
    return str(rng.randrange(10**4, 10 ** rng.randint(5, 11)))


def wechat_id(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return mobile(rng).replace("-", "").replace(" ", "")
    letters = "abcdefghijklmnopqrstuvwxyz"
    head = "".join(rng.choice(letters) for _ in range(rng.randint(2, 6)))
    return head + rng.choice(["", "_", "-"]) + str(rng.randrange(10, 99999))


def new_domain(rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    name = "".join(rng.choice(letters) for _ in range(rng.randint(3, 8)))
    if rng.random() < 0.4:
        name += str(rng.randrange(1, 999))
    return f"{rng.choice(['www.', '', 'm.', 'vip.'])}{name}.{rng.choice(T.SPAM_TLDS)}"


def generic_domain(rng: random.Random) -> str:
    """A benign-looking host: what genuine posts link to (forums, wikis, shops, news)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    name = rng.choice(T.GENERIC_DOMAIN_WORDS) if rng.random() < 0.5 else "".join(rng.choice(letters) for _ in range(rng.randint(4, 10)))
    if rng.random() < 0.3:
        name += rng.choice(["-", ""]) + rng.choice(T.GENERIC_DOMAIN_WORDS)
    return f"{rng.choice(['www.', '', '', 'm.', 'forum.', 'en.', 'docs.'])}{name}.{rng.choice(T.GENERIC_TLDS)}"


def generic_url(rng: random.Random) -> str:
    path = rng.choice(T.GENERIC_PATHS).format(n=rng.randrange(1, 999999), year=rng.randint(2005, 2024),
                                              month=rng.randint(1, 12), day=rng.randint(1, 28))
    return rng.choice(["https://", "https://", "http://", ""]) + generic_domain(rng) + path


def spam_url(rng: random.Random, blocked: list[str]) -> str:
    domain = rng.choice(blocked) if rng.random() < 0.5 else new_domain(rng)
    path = rng.choice(["", "/", f"/{rng.randrange(1000, 99999)}.html", "/?id=" + str(rng.randrange(100, 9999)), "/reg"])
    return rng.choice(["http://", "https://", ""]) + domain + path


def fill(template: str, rng: random.Random, words: dict[str, list[str]], blocked: list[str]) -> str:
    """Replace {slot} markers; unknown slots come from the word tables."""
    generators = {
        "phone": lambda: mobile(rng), "hotline": lambda: hotline(rng), "qq": lambda: qq(rng),
        "wechat": lambda: wechat_id(rng), "url": lambda: spam_url(rng, blocked),
        "n": lambda: str(rng.choice([3, 5, 8, 10, 20, 50, 88, 100, 200, 300, 500, 1000, 5000])),
        "year": lambda: str(rng.randint(2008, 2024)), "month": lambda: str(rng.randint(1, 12)),
        "day": lambda: str(rng.randint(1, 28)), "time": lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        "intlphone": lambda: f"+{rng.choice(['1', '44', '234', '62', '91'])} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)} {rng.randrange(100, 9999)}",
        "email": lambda: f"{wechat_id(rng)}@{rng.choice(['gmail.com', 'outlook.com', 'qq.com', '163.com'])}",
        "landline": lambda: f"0{rng.choice(['10', '21', '731', '431', '571', '27', '28'])}-{rng.randrange(10**7, 10**8)}",
        "anydomain": lambda: generic_domain(rng), "anyurl": lambda: generic_url(rng),
    }

    def replace(match: re.Match) -> str:
        slot = match.group(1)
        if slot in generators:
            return generators[slot]()
        return rng.choice(words[slot])

    return re.sub(r"\{(\w+)\}", replace, template)


# ---------------------------------------------------------------- evasions
def evade(text: str, rng: random.Random) -> str:
    """Apply one evasion spammers use: full-width, spacing, zero-width, homoglyphs."""
    kind = rng.choice(["fullwidth", "spaced", "zero_width", "homoglyph", "dot", "none", "none"])
    if kind == "fullwidth":
        return "".join(chr(ord(c) + FULLWIDTH_OFFSET) if "!" <= c <= "~" and rng.random() < 0.8 else c for c in text)
    if kind == "spaced":
        return " ".join(text) if len(text) < 40 else re.sub(r"(\d)", r"\1 ", text)
    if kind == "zero_width":
        return "".join(c + (rng.choice(ZERO_WIDTH_CHARS) if rng.random() < 0.3 else "") for c in text)
    if kind == "homoglyph":
        out = text.replace("QQ", "扣扣") if rng.random() < 0.5 else text.replace("QQ", "Q Q")
        out = out.replace("微信", rng.choice(["薇信", "V信", "威信", "vx", "徽信", "wx"]))
        return "".join(LATIN_HOMOGLYPHS.get(c, c) if rng.random() < 0.5 else c for c in out)
    if kind == "dot":
        return re.sub(r"\.(com|cn|net)\b", lambda m: rng.choice(["点", "。", "[.]", " dot "]) + m.group(1), text)
    return text


# ---------------------------------------------------------------- builders
def python_doc_lines(max_per_module: int = 80) -> list[dict]:
    """English prose paragraphs from the docstrings of the running Python's standard
    library (PSF licence): real English text, so that English is not mistaken for spam.
    Byte-identical only on the same Python minor version (the corpus was built on 3.11)."""
    import importlib
    import inspect

    out, seen = [], set()
    for name in T.PYTHON_DOC_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        docs = [inspect.getdoc(module) or ""]
        for attr in sorted(vars(module)):
            obj = getattr(module, attr)
            if not attr.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj)) and getattr(obj, "__module__", "") == name:
                docs.append(inspect.getdoc(obj) or "")
        kept = 0
        for doc in docs:
            for paragraph in re.split(r"\n\s*\n", doc):
                if paragraph.startswith((" ", ">>>")) or "::" in paragraph:
                    continue
                rows = prose_rows(paragraph, f"pydoc:{name}", seen)
                if not rows:
                    continue
                out += rows
                kept += 1
                if kept >= max_per_module:
                    break
            if kept >= max_per_module:
                break
    return out



ENGLISH_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MIN_ENGLISH_SENTENCE_CHARS = 20
MAX_TOPIC_PARAGRAPHS = 40


MIN_PROSE_CHARS = 30
MIN_PROSE_LETTER_SHARE = 0.85


def prose_rows(paragraph: str, source: str, seen: set[str]) -> list[dict]:
    """A documentation paragraph that reads as prose (long enough, mostly letters, not seen
    before) as a genuine line, followed by its sentences; [] for anything else."""
    text = " ".join(paragraph.split())
    letters = sum(c.isalpha() or c == " " for c in text)
    if len(text) < MIN_PROSE_CHARS or " " not in text or letters < MIN_PROSE_LETTER_SHARE * len(text) or text in seen:
        return []
    seen.add(text)
    return [{"text": text, "label": "genuine", "source": source}, *english_sentences(text, source, seen)]


def english_sentences(paragraph: str, source: str, seen: set[str]) -> list[dict]:
    """The sentences of an English paragraph as their own short lines (forum lines are short)."""
    rows = []
    parts = ENGLISH_SENTENCE_END.split(paragraph)
    if len(parts) < 2:
        return rows
    for sentence in parts:
        if len(sentence) >= MIN_ENGLISH_SENTENCE_CHARS and sentence not in seen:
            seen.add(sentence)
            rows.append({"text": sentence, "label": "genuine", "source": source})
    return rows


def python_topic_lines() -> list[dict]:
    """Prose paragraphs and sentences of the Python language reference shipped with
    CPython as pydoc_data.topics (PSF licence): narrative English, not only docstrings."""
    from pydoc_data.topics import topics

    out, seen = [], set()
    for name in sorted(topics):
        kept = 0
        for paragraph in re.split(r"\n\s*\n", topics[name]):
            if paragraph.startswith((" ", ">>>", "*", "=")) or "::" in paragraph or "***" in paragraph:
                continue
            rows = prose_rows(paragraph, f"pytopics:{name}", seen)
            if not rows:
                continue
            out += rows
            kept += 1
            if kept >= MAX_TOPIC_PARAGRAPHS:
                break
    return out


def page_spam_keys(path: Path) -> list[str]:
    """Normalised lines of samples/templates/page_spam_lines.txt: the page-level test spam,
    which must never be trained on."""
    sys.path.insert(0, str(path.resolve().parents[2]))
    from cleaner.model.textforms import normalize_many

    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines()]
    return [k for k in normalize_many([l for l in lines if l and not l.startswith(("#", "["))]) if k]


def without_page_spam(rows: list[dict], keys: list[str]) -> list[dict]:
    """Drop every row whose normalised text contains a page-spam line."""
    from cleaner.model.textforms import normalize_many

    normalized = normalize_many([r["text"] for r in rows])
    return [r for r, n in zip(rows, normalized) if not any(k in n for k in keys)]


def cmrc_lines(path: Path) -> list[dict]:
    """Sentences and short paragraphs of each CMRC 2018 passage; source = passage title."""
    rows = []
    seen = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text, title = item["text"].strip(), item["title"].strip()
        sentences = [s.strip() for s in SENTENCE_SPLIT.split(text) if len(s.strip()) >= MIN_SENTENCE_CHARS]
        paragraph = ""
        for sentence in sentences:
            rows.append((sentence, title))
            paragraph += sentence
            if len(paragraph) >= PARAGRAPH_CHARS:
                rows.append((paragraph, title))
                paragraph = ""
        rows.append((title, title))
    out = []
    for text, title in rows:
        if text not in seen:
            seen.add(text)
            out.append({"text": text, "label": "genuine", "source": f"cmrc2018:{title}"})
    return out


def templated(templates: dict[str, list[str]], label: str, prefix: str, variants: int, rng: random.Random,
              words: dict[str, list[str]], blocked: list[str], evasions: bool) -> list[dict]:
    rows, seen = [], set()
    for category in sorted(templates):
        for index, template in enumerate(templates[category]):
            source = f"{prefix}:{category}:{index:02d}"
            count = variants if "{" in template else 1
            for _ in range(count):
                text = fill(template, rng, words, blocked)
                if evasions and rng.random() < 0.45:
                    text = evade(text, rng)
                if evasions and rng.random() < 0.2:
                    carrier = fill(rng.choice(T.CARRIER_SENTENCES), rng, words, blocked)
                    text = rng.choice([carrier + text, text + carrier, carrier[: len(carrier) // 2] + text + carrier[len(carrier) // 2:]])
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "label": label, "source": source})
    return rows


def keyword_spam(rng: random.Random, words: dict[str, list[str]], blocked: list[str], keywords: list[str], name: str) -> list[dict]:
    """Short ad lines around each listed keyword with a contact: covers the whole MIT list."""
    rows = []
    for index, keyword in enumerate(keywords):
        template = rng.choice(T.KEYWORD_FRAMES)
        text = fill(template.replace("{kw}", keyword), rng, words, blocked)
        rows.append({"text": text, "label": "spam", "source": f"spam:keywords_{name}:{index // 25:02d}"})
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=repo.parent / "shared")
    parser.add_argument("--out", type=Path, default=repo / "samples" / "lines")
    args = parser.parse_args(argv)
    data = args.shared / "data"
    args.out.mkdir(parents=True, exist_ok=True)
    wordlists = args.out / "wordlists"
    wordlists.mkdir(exist_ok=True)
    lists = {}
    for name in ("ad_keywords_zh", "porn_keywords_zh", "x_spam_keywords_zh"):
        source = data / "spam" / "wordlists" / f"{name}.txt"
        target = wordlists / f"{name}.txt"
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        lists[name] = wordlist(target)
    blocked = sorted(wordlist(repo / "cleaner" / "data" / "blocked_domains.txt"))
    words = {k: list(v) for k, v in T.WORDS.items()}
    words["porn_kw"] = [w for w in lists["porn_keywords_zh"] if len(w) >= 2]
    words["xspam_kw"] = [w for w in lists["x_spam_keywords_zh"] if len(w) >= 2 and " " not in w]

    rng = random.Random(SEED)
    genuine = cmrc_lines(data / "articles" / "cmrc2018_wiki_paragraphs.jsonl")
    python_docs = python_doc_lines()
    python_docs += python_topic_lines()
    written = templated(T.GENUINE_TEMPLATES, "genuine", "genuine", VARIANTS_PER_GENUINE_TEMPLATE, rng, words, blocked, False)
    written += templated(T.WESTERN_GENUINE_TEMPLATES, "genuine", "genuine", VARIANTS_PER_GENUINE_TEMPLATE, rng, words,
                         blocked, False)
    spam = templated(T.SPAM_TEMPLATES, "spam", "spam", VARIANTS_PER_SPAM_TEMPLATE, rng, words, blocked, True)
    spam += keyword_spam(rng, words, blocked, lists["ad_keywords_zh"], "ad")
    spam += keyword_spam(rng, words, blocked, words["xspam_kw"], "xspam")
    seed_spam = (repo / "samples" / "seed" / "spam.txt")
    if not seed_spam.exists():
        seed_spam = args.shared / "seed" / "spam.txt"
    spam += [{"text": t, "label": "spam", "source": "seed"} for t in wordlist(seed_spam)]

    keys = page_spam_keys(repo / "samples" / "templates" / "page_spam_lines.txt")
    before = len(genuine) + len(python_docs) + len(written) + len(spam)
    genuine, python_docs, written, spam = (without_page_spam(rows, keys) for rows in (genuine, python_docs, written, spam))
    dropped = before - (len(genuine) + len(python_docs) + len(written) + len(spam))
    write_jsonl(args.out / "genuine_cmrc2018.jsonl", genuine)
    write_jsonl(args.out / "genuine_written.jsonl", written)
    write_jsonl(args.out / "genuine_python_docs.jsonl", python_docs)
    write_jsonl(args.out / "spam_written.jsonl", spam)
    print(f"genuine cmrc2018 {len(genuine)}, genuine python docs {len(python_docs)}, genuine written {len(written)}, "
          f"spam {len(spam)}, dropped {dropped} containing a page-spam line -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
