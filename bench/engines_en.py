"""Engine detection accuracy and first-post / thread body quality on English-engine pages.

    python bench/engines_en.py [--harvest DIR] [--samples DIR]

Detection: every harvest_forum page whose engine we identified by hand (HARVEST_ENGINES; the
rest must not be claimed by a Western engine table). Quality: each samples/pages/en_forum case,
BODY blocks of post 0 (first-post mode) and of every post (thread mode) scored with
cleaner.evaluate's retention/precision against <id>.expected.txt / <id>.thread.expected.txt
(those files were built from the same body markup filtered by the harvest gold, so the
gold-word table, which compares with the raw annotator text, is the independent figure).
Needs the shared data folder for the detection part only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.segment.blocks import BODY, QUOTE  # noqa: E402
from cleaner.decode import decode  # noqa: E402
from cleaner.engines import detect  # noqa: E402
from cleaner.segment.html import segment_html  # noqa: E402
from cleaner.segment.parse import parse_html  # noqa: E402

HARVEST = Path("/work/shared/data/forum_pages/harvest_forum")
SAMPLES = ROOT / "samples" / "pages" / "en_forum"
WESTERN = {"phpbb", "vbulletin", "xenforo", "discourse", "smf", "mybb", "invision", "nodebb"}

# Hand labels (markup + footer + generator checked page by page); prefix of the file name -> engine.
HARVEST_ENGINES = {
    "forum.videolan.org": "phpbb", "forum.openoffice.org": "phpbb", "forum.nationstates.net": "phpbb",
    "forum.mein-schoener-garten.de": "phpbb", "forums.maladiesraresinfo.org": "phpbb",
    "www.airliners.net": "phpbb", "forum.ebaumsworld.com": "phpbb",
    "forum.worldofplayers.de": "vbulletin", "forums.futura-sciences.com": "vbulletin",
    "www.drwindows.de": "vbulletin", "www.msworld.org": "vbulletin", "skyscraperpage.com": "vbulletin",
    "forum.digitalfernsehen.de": "xenforo", "forum.statcounter.com": "xenforo",
    "forum.wordreference.com": "xenforo", "forums.macrumors.com": "xenforo", "forums.sherdog.com": "xenforo",
    "kiwifarms.net": "xenforo", "uhrforum.de": "xenforo", "www.android-hilfe.de": "xenforo",
    "www.computerbase.de": "xenforo", "www.gtplanet.net": "xenforo", "www.juraforum.de": "xenforo",
    "www.musiker-board.de": "xenforo",
    "forum.glamour.de": "discourse", "us.forums.blizzard.com": "discourse",
    "bpdfamily.com": "smf",
    "forum.utorrent.com": "invision", "www.neowin.net": "invision",
}


def page_engine(name: str) -> str:
    for prefix, engine in HARVEST_ENGINES.items():
        if name.startswith(prefix):
            return engine
    return "other"  # FluxBB, Vanilla, Phorum, bbPress, Kunena, inSided, custom sites


def load_root(path: Path):
    return parse_html(decode(path.read_bytes()).text)


def detection_table(harvest: Path) -> None:
    rows = defaultdict(lambda: [0, 0, 0])  # engine -> pages, detected right, posts found
    wrong = []
    for path in sorted(harvest.glob("*.html")):
        truth = page_engine(path.name)
        url = json.loads(path.with_name(path.name[:-5] + ".posts.json").read_text()).get("url")
        root = load_root(path)
        got = detect(root, url).name
        seg = segment_html(root, url=url)
        row = rows[truth]
        row[0] += 1
        ok = got == truth if truth != "other" else got not in WESTERN
        row[1] += ok
        row[2] += bool(seg.posts) and seg.engine == truth
        if not ok:
            wrong.append(f"  {path.name[:60]}: truth={truth} detected={got}")
    print("| engine | pages | detected correctly | segmented with its table |")
    print("|---|---|---|---|")
    for engine in sorted(rows):
        pages, right, seg = rows[engine]
        print(f"| {engine} | {pages} | {right} | {seg if engine != 'other' else '-'} |")
    print("\n".join(wrong))


def _word_overlap(output: str, gold: str) -> tuple[float, float]:
    """(recall, precision) of the output's words against the gold's, as multisets."""
    out, ref = Counter(re.findall(r"\w+", output.lower())), Counter(re.findall(r"\w+", gold.lower()))
    if not out and not ref:
        return 1.0, 1.0  # an image-only post: nothing to find, nothing wrongly found
    common = sum((out & ref).values())
    return common / max(1, sum(ref.values())), common / max(1, sum(out.values()))


def gold_word_table(harvest: Path) -> None:
    """Independent check against the raw harvest gold (which keeps quotes): BODY+QUOTE words."""
    rows = defaultdict(lambda: [[], [], [], []])
    for path in sorted(harvest.glob("*.html")):
        engine = page_engine(path.name)
        if engine == "other":
            continue
        data = json.loads(path.with_name(path.name[:-5] + ".posts.json").read_text())
        seg = segment_html(load_root(path), url=data["url"])
        kept = [b for b in seg.blocks if b.role in (BODY, QUOTE)]
        gold = [p["post_text"] for p in data["posts"]]
        first = _word_overlap(" ".join(b.text for b in kept if b.post == 0), gold[0] if gold else "")
        thread = _word_overlap(" ".join(b.text for b in kept), " ".join(gold))
        for slot, value in zip(rows[engine], (*first, *thread)):
            slot.append(value)
    print("\n| engine | pages | first-post word recall | precision | thread word recall | precision |")
    print("|---|---|---|---|---|---|")
    for engine, cols in sorted(rows.items()):
        print(f"| {engine} | {len(cols[0])} | " + " | ".join(f"{sum(c) / len(c):.3f}" for c in cols) + " |")


def body_text(seg, post: int | None) -> str:
    return "\n".join(b.text for b in seg.blocks if b.role == BODY and (post is None or b.post == post))


def quality_table(samples: Path) -> None:
    from cleaner.evaluate import score_case  # the shared metric

    totals = {"first": [], "thread": []}
    print("| case | engine | first R | first P | thread R | thread P |")
    print("|---|---|---|---|---|---|")
    for html_path in sorted(samples.glob("*.html")):
        case = html_path.name[:-5]
        meta = json.loads((samples / f"{case}.meta.json").read_text())
        seg = segment_html(load_root(html_path), url=meta.get("url"))
        cells = []
        for mode, post, suffix in (("first", 0, ".expected.txt"), ("thread", None, ".thread.expected.txt")):
            expected = samples / f"{case}{suffix}"
            if not expected.exists():
                cells += ["-", "-"]
                continue
            score = score_case(body_text(seg, post), expected.read_text())
            totals[mode].append(score)
            cells += [f"{score.retention:.3f}", f"{score.precision:.3f}"]
        print(f"| {case} | {seg.engine} | " + " | ".join(cells) + " |")
    for mode, scores in totals.items():
        if scores:
            r = sum(s.retention for s in scores) / len(scores)
            p = sum(s.precision for s in scores) / len(scores)
            print(f"mean {mode}: retention {r:.3f} precision {p:.3f} over {len(scores)} cases")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--harvest", type=Path, default=HARVEST)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    args = parser.parse_args()
    if args.harvest.is_dir():
        detection_table(args.harvest)
        gold_word_table(args.harvest)
    if args.samples.is_dir():
        quality_table(args.samples)


if __name__ == "__main__":
    main()
