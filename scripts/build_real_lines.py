#!/usr/bin/env python3
"""Build the real-spam line files of samples/lines/ (reproducible: fixed seed, sorted input).

    python scripts/build_real_lines.py [--shared ../shared] [--out samples/lines]

Writes:
- spam_fbs_sms.jsonl: real Chinese spam SMS (FBS SMS dataset, Zhang et al., CCS 2020), at most
  SMS_PER_CATEGORY messages per category (seeded sample), the categories "Other" (mostly
  genuine broadcast notices) and "Political_propaganda" left out. The published messages
  are word-segmented with contacts anonymised: spaces between Chinese words are removed and
  each placeholder (CELLPHONE, PHONE, URL..., WECHAT, QQ, NAME, PLACE, DIGIT, BANK) is filled
  from the same generators the written genuine lines use, so a contact form says nothing
  about the class by itself.
- unseen/fbs_sms_unseen.jsonl: the rest of those categories' messages, minus every campaign
  (first words) that a training message also starts with: real spam the shipped model never
  saw, on which bench/spam_eval.py measures the shipped cleaner. Never trained on (the
  training glob is samples/lines/*.jsonl).
- genuine_written_hard.jsonl / unseen/genuine_hard_unseen.jsonl: genuine lines that read most
  like ads (scripts/hard_negative_templates.py), by the fixed development/locked split of their
  templates (../shared/tools/locked_split.py): the development half is trained on, the locked
  half never, so that bench/spam_eval.py measures the cleaner on kinds of them it never saw.
- comments_youtube.jsonl: the 720 labelled YouTube comments (spam and ham, CC BY 4.0,
  Alberto, Lochter and Almeida 2015) as they are.
- spam_written_real.jsonl / genuine_written_real.jsonl: lines from
  scripts/real_line_templates.py (business prose, SEO, SMS, English reply spam; and the
  genuine hard negatives: recruitment, second-hand sales, notices with phone numbers, shop
  and clinic owners, chat, formal prose).
Every row's ``source`` starts with its dataset (fbs:, youtube:, written:), which is what the
leave-one-source-out evaluation (bench/spam_eval.py) splits on.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hard_negative_templates as H  # noqa: E402
import real_line_templates as T  # noqa: E402
from build_lines import write_jsonl  # noqa: E402

SEED = 20261206
SMS_PER_CATEGORY = 1500
# The first 450 of a category are drawn from the main generator, as when 450 was the cap, so the
# written lines drawn after them stay the same; the rest and the unseen messages have their own.
SMS_FIRST_DRAW = 450
SMS_CAMPAIGN_CHARS = 12  # messages that start alike are one campaign: one CV group, one side of unseen
VARIANTS_PER_TEMPLATE = 20
SMS_COMMA_RATE = 0.12
SMS_ENDINGS = ("", "", "。", "！", "。")
SMS_SKIPPED = ("other.txt", "il_political_propaganda.txt")
FULLWIDTH_OFFSET = 0xFEE0
# The published SMS lost their punctuation; written lines of both classes lose theirs at this
# rate too, so that a line without commas says nothing about its class.
UNPUNCTUATED_RATE = 0.25
_CJK_PUNCTUATION = re.compile(r"[，。！？：；、（）“”]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_END = re.compile(rf"[{_CJK}]$")
_CJK_START = re.compile(rf"[{_CJK}]")
_PLACEHOLDER = re.compile(r"(CELLPHONE|PHONE|HOTLINE|WECHAT|QQ|NAME|PLACE|DIGIT|BANK|URL[a-z]*)")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
SPAMMY_TLDS = ("com", "cn", "net", "cc", "top", "xyz", "vip", "info", "org", "me", "shop", "com.cn")
BENIGN_WORDS = ("forum", "bbs", "news", "shop", "club", "home", "tech", "life", "city", "travel", "study", "health")
BANKS = ("工商银行", "建设银行", "农业银行", "中国银行", "招商银行", "交通银行", "邮储银行")


# ---------------------------------------------------------------- one distribution for both classes
def mobile(rng: random.Random) -> str:
    digits = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    return rng.choice([digits, digits, f"{digits[:3]}-{digits[3:7]}-{digits[7:]}", f"{digits[:3]} {digits[3:7]} {digits[7:]}"])


def landline(rng: random.Random) -> str:
    area = rng.choice(["010", "021", "020", "0755", "0571", "027", "028", "0731", "025", "029", "0532", "0512"])
    number = str(rng.randrange(2 * 10**7, 9 * 10**7)) if len(area) == 3 else str(rng.randrange(2 * 10**6, 9 * 10**6) * 10 + rng.randrange(10))
    return rng.choice([f"{area}-{number}", f"{area}-{number}", f"({area}){number}", f"{area} {number[:4]} {number[4:]}"])


def spaced_landline(rng: random.Random) -> str:
    return " ".join(landline(rng).replace("-", "").replace(" ", ""))


def hotline(rng: random.Random) -> str:
    return f"{rng.choice(['400', '800'])}-{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"


def qq(rng: random.Random) -> str:
    return str(rng.randrange(10**5, 10 ** rng.randint(6, 10)))


def handle(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) + rng.choice(["", "_", ""]) + str(rng.randrange(1, 9999))


def wechat(rng: random.Random) -> str:
    return mobile(rng).replace("-", "").replace(" ", "") if rng.random() < 0.3 else handle(rng)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + FULLWIDTH_OFFSET) if "!" <= c <= "~" else c for c in text)


def domain(rng: random.Random) -> str:
    name = rng.choice(BENIGN_WORDS) if rng.random() < 0.4 else "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 9)))
    if rng.random() < 0.3:
        name += str(rng.randrange(1, 999))
    return f"{rng.choice(['www.', 'www.', '', 'm.', 'bbs.'])}{name}.{rng.choice(SPAMMY_TLDS)}"


def url(rng: random.Random) -> str:
    path = rng.choice(["", "/", f"/{rng.randrange(100, 99999)}.html", f"/?id={rng.randrange(10, 9999)}", "/index.php",
                       f"/thread-{rng.randrange(1, 99999)}-1-1.html", "/reg", f"/a/{rng.randrange(1, 999)}"])
    return rng.choice(["http://", "https://", ""]) + domain(rng) + path


def email(rng: random.Random) -> str:
    host = rng.choice(["qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com", domain(rng).removeprefix("www.")])
    return f"{handle(rng) if rng.random() < 0.7 else qq(rng)}@{host}"


def price(rng: random.Random) -> str:
    value = rng.choice([5, 9.9, 19, 38, 50, 88, 99, 120, 199, 260, 380, 500, 888, 1200, 2999])
    return rng.choice([f"{value}元", f"¥{value}", f"{value}块", f"{value}元/件", f"${value}"])


def generators(rng: random.Random) -> dict:
    return {
        "phone": lambda: mobile(rng), "landline": lambda: landline(rng), "spaced_landline": lambda: spaced_landline(rng),
        "hotline": lambda: hotline(rng), "qq": lambda: qq(rng), "wechat": lambda: wechat(rng),
        "wechat_fw": lambda: fullwidth(wechat(rng)), "tg": lambda: handle(rng), "url": lambda: url(rng),
        "domain": lambda: domain(rng), "email": lambda: email(rng), "price": lambda: price(rng),
        "n": lambda: str(rng.choice([2, 3, 5, 7, 10, 15, 20, 30, 50, 100, 200, 500])),
    }


def fill(template: str, rng: random.Random) -> str:
    made = generators(rng)

    def replace(match: re.Match) -> str:
        slot = match.group(1)
        return made[slot]() if slot in made else rng.choice(T.WORDS[slot])

    return re.sub(r"\{(\w+)\}", replace, template)


# ---------------------------------------------------------------- FBS SMS
def person(rng: random.Random) -> str:
    return rng.choice(T.WORDS["surname"]) + rng.choice(T.WORDS["title"])


def sms_placeholder(match: re.Match, rng: random.Random) -> str:
    token = match.group(1)
    made = generators(rng)
    if token.startswith("URL"):
        return made["url"]()
    return {
        "CELLPHONE": made["phone"], "PHONE": made["landline"], "HOTLINE": made["hotline"], "WECHAT": made["wechat"],
        "QQ": made["qq"], "NAME": lambda: person(rng), "PLACE": lambda: rng.choice(T.WORDS["city"]),
        "DIGIT": lambda: str(rng.choice([rng.randrange(1, 10), rng.randrange(10, 100), rng.randrange(100, 10000)])),
        "BANK": lambda: rng.choice(BANKS),
    }[token]()


def sms_text(raw: str, rng: random.Random) -> str:
    """A segmented, anonymised message back to running text with concrete contacts. The
    published text lost its punctuation: a comma goes back at some word boundaries and a
    full stop at some ends, so that punctuation is not what tells spam from genuine lines."""
    text = _PLACEHOLDER.sub(lambda m: " " + sms_placeholder(m, rng) + " ", raw.strip())
    tokens = text.split()
    out = tokens[:1]
    for before, after in zip(tokens, tokens[1:]):
        if _CJK_END.search(before) and _CJK_START.match(after):
            words = len(before) >= 2 and len(after) >= 2
            out.append("，" if words and rng.random() < SMS_COMMA_RATE else "")
        else:
            out.append(" ")
        out.append(after)
    return "".join(out) + rng.choice(SMS_ENDINGS)


def _messages(path: Path) -> list[str]:
    return sorted({line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) >= 8})


def _sms_row(raw: str, category: str, rng: random.Random) -> dict:
    return {"text": sms_text(raw, rng), "label": "spam", "source": f"fbs:{category}:{raw[:SMS_CAMPAIGN_CHARS]}"}


def fbs_rows(folder: Path, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """(training rows, unseen rows): up to SMS_PER_CATEGORY messages of each category to train on;
    the category's other messages of campaigns no training message belongs to, unseen."""
    more_rng, unseen_rng = random.Random(SEED + 1), random.Random(SEED + 2)
    rows, unseen = [], []
    for path in sorted(folder.glob("*.txt")):
        if path.name in SMS_SKIPPED:
            continue
        messages = _messages(path)
        first = rng.sample(messages, min(SMS_FIRST_DRAW, len(messages)))
        rows += [_sms_row(raw, path.stem, rng) for raw in first]
        rest = sorted(set(messages) - set(first))
        more = more_rng.sample(rest, min(SMS_PER_CATEGORY - len(first), len(rest)))
        rows += [_sms_row(raw, path.stem, more_rng) for raw in more]
        campaigns = {raw[:SMS_CAMPAIGN_CHARS] for raw in (*first, *more)}
        unseen += [_sms_row(raw, path.stem, unseen_rng) for raw in sorted(set(rest) - set(more))
                   if raw[:SMS_CAMPAIGN_CHARS] not in campaigns]
    return rows, unseen


def youtube_rows(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        video = Path(item["source"]).stem
        key = re.sub(r"\W+", "", item["text"].lower())[:16]
        rows.append({"text": item["text"], "label": item["label"], "source": f"youtube:{video}:{key}"})
    return rows


def written_rows(templates: dict[str, tuple[str, ...]], label: str, rng: random.Random) -> list[dict]:
    rows, seen = [], set()
    for group in sorted(templates):
        for number, template in enumerate(templates[group]):
            for _ in range(VARIANTS_PER_TEMPLATE):
                text = fill(template, rng)
                if rng.random() < UNPUNCTUATED_RATE:
                    text = _CJK_PUNCTUATION.sub(" ", text).strip() if rng.random() < 0.5 else _CJK_PUNCTUATION.sub("", text)
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "label": label, "source": f"written:{label}:{group}:{number:02d}"})
    return rows


def template_parts(tools: Path, rows: list[dict]) -> list[str]:
    """"dev" or "locked" per row, by its template (its source): the project's fixed split."""
    sys.path.insert(0, str(tools))
    from locked_split import part

    return [part(row["source"]) for row in rows]


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=repo.parent / "shared")
    parser.add_argument("--out", type=Path, default=repo / "samples" / "lines")
    args = parser.parse_args(argv)
    spam_dir = args.shared / "data" / "spam"
    rng = random.Random(SEED)
    sms, unseen_sms = fbs_rows(spam_dir / "fbs_sms_zh", rng)
    outputs = {
        "spam_fbs_sms.jsonl": sms,
        "unseen/fbs_sms_unseen.jsonl": unseen_sms,
        "comments_youtube.jsonl": youtube_rows(spam_dir / "youtube_comments_en" / "comments.jsonl"),
        "spam_written_real.jsonl": written_rows(T.SPAM_TEMPLATES, "spam", rng),
        "genuine_written_real.jsonl": written_rows(T.GENUINE_TEMPLATES, "genuine", rng),
    }
    hard = written_rows(H.GENUINE_HARD_TEMPLATES, "genuine", random.Random(SEED + 3))
    locked = template_parts(args.shared / "tools", hard)
    outputs["genuine_written_hard.jsonl"] = [row for row, part in zip(hard, locked) if part == "dev"]
    outputs["unseen/genuine_hard_unseen.jsonl"] = [row for row, part in zip(hard, locked) if part == "locked"]
    for name, rows in outputs.items():
        (args.out / name).parent.mkdir(parents=True, exist_ok=True)
        write_jsonl(args.out / name, rows)
        print(f"{name}: {len(rows)} lines ({sum(r['label'] == 'spam' for r in rows)} spam)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
