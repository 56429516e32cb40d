"""Build samples/pages/en_forum from harvest_forum pages (one-off, needs /work/shared).

Expected text = the page's post-body lines (paragraphs as the page renders them, from the
engine table's body element) kept only where the line is part of that post's harvest gold
text (posts.json post_text, written by the harvest annotators). Quotes, signatures and edit
notices are left out (they are chrome here, the harvest gold keeps them). Every post reports
how much of its gold text the kept lines plus the quote/signature/edit lines cover, so a
post the segmenter misreads shows up as low coverage instead of silently shaping the gold.

    python bench/build_en_samples.py
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.segment.blocks import BODY  # noqa: E402
from cleaner.decode import decode  # noqa: E402
from cleaner.engines import ENGINES, compile_table, detect  # noqa: E402
from cleaner.segment.html import table_marks  # noqa: E402
from cleaner.segment.walk import walk_blocks  # noqa: E402

HARVEST = Path("/work/shared/data/forum_pages/harvest_forum")
OUT = ROOT / "samples" / "pages" / "en_forum"
LICENCE = "page content © original site; from harvest_forum dataset (see MANIFEST)"
SOURCE_REPO = "fhgr/harvest @ f778b0a4112259ad246c8ac57e9d51eb149ab9ef, corpus/goldDocuments (Apache-2.0 repo)"

# case id -> (harvest file stem, engine, note)
CASES = {
    "phpbb_videolan_92075": ("forum.videolan.org.viewtopic.php.92075", "phpbb", "prosilver 3.2"),
    "phpbb_openoffice_63160": ("forum.openoffice.org.en.forum.viewtopic.php.63160", "phpbb", "prosilver 3.0, signature"),
    "phpbb_nationstates_419": ("forum.nationstates.net.viewtopic.php.419", "phpbb", "prosilver-ns 3.0"),
    "phpbb_garten": ("forum.mein-schoener-garten.de.viewtopic.php", "phpbb", "prosilver 3.2, German"),
    "phpbb_maladiesrares_t2720": ("forums.maladiesraresinfo.org.credit-immobilier-maladie-rare-t2720.html", "phpbb", "prosilver custom, French"),
    "phpbb_airliners_1428699": ("www.airliners.net.forum.viewtopic.php.1428699", "phpbb", "custom theme, div.post without id, quotes, signatures"),
    "vbulletin4_msworld_143493": ("www.msworld.org.forum.showthread.php.143493", "vbulletin", "vB 4.2.2, quotes, signatures"),
    "vbulletin3_skyscraperpage": ("skyscraperpage.com.forum.showthread.php", "vbulletin", "vB 3.8.7 table layout"),
    "vbulletin4_worldofplayers_1553036": ("forum.worldofplayers.de.forum.threads.1553036-Wie-aufwendig-_7dc823b1", "vbulletin", "vB 4.2.2, German"),
    "vbulletin4_drwindows_167371": ("www.drwindows.de.windows-7-allgemein.167371-windows-7-dvd-is_e179ead1", "vbulletin", "vB 4.2.5, German, empty ad post_ li"),
    "vbulletin4_futura_12735": ("forums.futura-sciences.com.annonces-officielles.12735-latex-_733d94c2", "vbulletin", "vB 4, French, injected 'Publicité' pseudo-posts"),
    "xenforo2_statcounter_79812": ("forum.statcounter.com.threads.best-android-apps-in-uk-2019.79812.", "xenforo", "XF 2"),
    "xenforo2_macrumors_2183765": ("forums.macrumors.com.threads.x-vs-8.2183765.", "xenforo", "XF 2, quotes"),
    "xenforo2_computerbase_1940441": ("www.computerbase.de.forum.threads.ram-empfehlung-fuer-ryzen.1940441.", "xenforo", "XF 2, German"),
    "xenforo2_uhrforum_432114": ("uhrforum.de.threads.schachtel-fuer-mauthe-nr-50-322.432114.", "xenforo", "XF 2, German"),
    "xenforo2_wordreference_accent": ("forum.wordreference.com.threads.adding-accent-marks-accent-m_a0338f58", "xenforo", "XF 2"),
    "xenforo1_sherdog_4102395": ("forums.sherdog.com.threads.free-fight-nick-diaz-debut.4102395.", "xenforo", "XF 1"),
    "xenforo1_gtplanet_387294": ("www.gtplanet.net.forum.threads.historic-cars-in-f1-2018-feel-slugish.387294.", "xenforo", "XF 1, quotes"),
    "discourse_glamour_345148": ("forum.glamour.de.t.nebenwirkungen-aknenormin.345148.2", "discourse", "Discourse 2.5 crawler view inside <noscript>, German"),
    "discourse_blizzard_transfer": ("us.forums.blizzard.com.en.wow.t.can-i-transfer-back-to-locke_96323cb9", "discourse", "Discourse 2.5 crawler view inside <noscript>"),
    "smf1_bpdfamily": ("bpdfamily.com.message_board.index.php", "smf", "SMF 1.1 table layout, quotes, signatures"),
    "invision_utorrent_23012": ("forum.utorrent.com.topic.23012-check-on-startup.", "invision", "IPS 4"),
    "invision_neowin_1391546": ("www.neowin.net.forum.topic.1391546-hello-im-dion.", "invision", "IPS 4"),
}

_SPACE = re.compile(r"\s+")
_STRIP = ("script", "style", "template", "iframe", "object", "embed", "svg", "math")


_TAG_LIKE = re.compile(r"<[^<>]{0,80}>")


def squeeze(text: str) -> str:
    """Text with all whitespace removed (the gold collapsed whitespace differently) and with
    "<...>" runs removed (the harvest gold stripped them as if they were tags: "<Compose key>")."""
    return _SPACE.sub("", _TAG_LIKE.sub("", text))


def parse_keeping_noscript(text: str):
    """Like cleaner.segment.html.parse_html but keeping <noscript> (Discourse's crawler view lives there)."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(no_network=True, remove_comments=True))
    etree.strip_elements(root, *_STRIP, with_tail=False)
    return root


def post_lines(root, table):
    """Per post: (body lines, other in-post lines) from the table's marks."""
    ct = compile_table(table)
    marks, posts = table_marks(ct, root)
    walk = walk_blocks(root, marks)
    body = [[] for _ in posts]
    other = [[] for _ in posts]
    for block in walk.blocks:
        if block.post is None:
            continue
        if block.role == BODY and not (ct.chrome_line and ct.chrome_line.fullmatch(block.text)):
            body[block.post].append(block.text)
        else:
            other[block.post].append(block.text)
    return body, other


def align(gold: list[str], body: list[list[str]]) -> list[int | None]:
    """For each gold post, the segmented post whose lines it contains most (in order)."""
    result, start = [], 0
    for g in gold:
        gs = squeeze(g)
        best, best_hits = None, 0
        for i in range(start, len(body)):
            hits = sum(len(squeeze(line)) for line in body[i] if squeeze(line) and squeeze(line) in gs)
            if hits > best_hits:
                best, best_hits = i, hits
            if best is not None and i > best + 3:
                break
        result.append(best)
        if best is not None:
            start = best + 1
    return result


def build_case(case: str, stem: str, engine: str, note: str) -> str:
    src = HARVEST / f"{stem}.html"
    data = json.loads((HARVEST / f"{stem}.posts.json").read_text())
    root = parse_keeping_noscript(decode(src.read_bytes()).text)
    table = detect(root, data["url"]).table
    assert table is not None and table.name == engine, (case, table and table.name)
    candidates = [t for t in ENGINES if t.name == engine]
    table = max(candidates, key=lambda t: len(compile_table(t).post(root)))
    body, other = post_lines(root, table)
    gold = [_SPACE.sub(" ", p["post_text"]).strip() for p in data["posts"]]
    mapping = align(gold, body)
    thread, report = [], []
    for k, (g, idx) in enumerate(zip(gold, mapping)):
        gs = squeeze(g)
        kept = [] if idx is None else [line for line in body[idx] if squeeze(line) and squeeze(line) in gs]
        extra = [] if idx is None else [line for line in other[idx] if squeeze(line) and squeeze(line) in gs]
        covered = sum(len(squeeze(x)) for x in kept + extra)
        coverage = min(1.0, covered / len(gs)) if gs else 1.0
        report.append(f"{k}:{coverage:.2f}")
        thread.append(kept)
    first = thread[0] if thread else []
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, OUT / f"{case}.html")
    (OUT / f"{case}.expected.txt").write_text("\n".join(first) + "\n")
    (OUT / f"{case}.thread.expected.txt").write_text("\n".join(line for post in thread for line in post) + "\n")
    meta = {
        "engine": engine,
        "url": data["url"],
        "source": f"{SOURCE_REPO}; local copy forum_pages/harvest_forum/{stem}.html",
        "licence": LICENCE,
        "notes": f"{note}. Expected: post-body lines found in the harvest gold post text; quotes, "
        "signatures and edit notices excluded. Built by bench/build_en_samples.py.",
    }
    (OUT / f"{case}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
    low = [r for r in report if float(r.split(":")[1]) < 0.9]
    return f"{case}: gold posts {len(gold)}, segmented {len(body)}, first-post lines {len(first)}, low coverage {low}"


def main() -> None:
    for case, (stem, engine, note) in CASES.items():
        print(build_case(case, stem, engine, note))


if __name__ == "__main__":
    main()
