"""Build a mixed batch input with a known number of inputs, to check that a batch accounts for all.

One folder holding: ``mix.jsonl`` (good pages, empty pages, junk, oversized pages, broken JSON
lines), ``crawl.warc.gz`` (response records, one of them corrupt, plus request records that are
not inputs) and ``files/`` (good pages, an empty file, a file of random bytes). Used by
tests/batch/test_run.py (small mix), tests/batch/test_cluster.py and bench/accounting.py (10,000).
"""

from __future__ import annotations

import io
import json
import os
import random
from collections import Counter
from pathlib import Path

KINDS_CYCLE = ("good",) * 14 + ("empty", "blank_html", "junk", "oversized", "broken_json")
WARC_SHARE = 0.02
FILES_SHARE = 0.01
OVERSIZE_FACTOR = 1.5


def decode_page(data: bytes) -> str:
    """Good pages go into JSONL as text; real pages may be GBK, so try UTF-8 then GB18030."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def junk_text(rng: random.Random, size: int = 4000) -> str:
    """Control characters and random code points: not a page in any sense."""
    return "".join(chr(rng.choice([rng.randrange(0, 32), rng.randrange(0xE000, 0xF8FF)])) for _ in range(size))


def write_warc(path: str | Path, pages: list[tuple[str, bytes]], *, corrupt: set[int] = frozenset()) -> int:
    """A gzipped WARC of response records (+ a request record each); flip bytes inside the
    gzip members of the records listed in ``corrupt``. Returns the number of response records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    members: list[bytes] = []
    for i, (url, body) in enumerate(pages):
        for rec_type in ("request", "response"):
            buf = io.BytesIO()
            writer = WARCWriter(buf, gzip=True)
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "forum.example")], is_http_request=True)
                record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http)
            else:
                charset = "gbk" if _is_gbk(body) else "utf-8"
                http = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")],
                                        protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            writer.write_record(record)
            member = bytearray(buf.getvalue())
            if rec_type == "response" and i in corrupt:
                mid = len(member) // 2
                member[mid:mid + 16] = bytes(b ^ 0x5A for b in member[mid:mid + 16])
            members.append(bytes(member))
    Path(path).write_bytes(b"".join(members))
    return len(pages)


def _is_gbk(body: bytes) -> bool:
    try:
        body.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def build_mixed_input(folder: str | Path, page_files: list[Path], n_inputs: int, *, max_bytes: int,
                      seed: int = 7) -> Counter:
    """Write ``n_inputs`` inputs of every kind under ``folder``; return the count of each kind.

    ``sum(counts.values()) == n_inputs``: a correct batch writes exactly that many records.
    """
    rng = random.Random(seed)
    folder = Path(folder)
    (folder / "files").mkdir(parents=True, exist_ok=True)
    pages = [(p, p.read_bytes()) for p in sorted(page_files)]
    counts: Counter = Counter()
    n_warc = max(3, int(n_inputs * WARC_SHARE))
    n_files = max(3, int(n_inputs * FILES_SHARE))
    n_jsonl = n_inputs - n_warc - n_files

    warc_pages = [(f"http://forum.example/thread-{i}.html", pages[i % len(pages)][1]) for i in range(n_warc)]
    write_warc(folder / "crawl.warc.gz", warc_pages, corrupt={n_warc // 2})
    counts["warc_good"] += n_warc - 1
    counts["warc_corrupt"] += 1

    for i in range(n_files):
        target = folder / "files" / f"page{i:05d}.html"
        if i == 0:
            target.write_bytes(b"")
            counts["file_empty"] += 1
        elif i == 1:
            target.write_bytes(rng.randbytes(5000))
            counts["file_junk"] += 1
        else:
            target.write_bytes(pages[i % len(pages)][1])
            counts["file_good"] += 1

    oversized = "<html><body>" + "<p>" + "长" * (int(max_bytes * OVERSIZE_FACTOR) // 3) + "</p></body></html>"
    with open(folder / "mix.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n_jsonl):
            kind = KINDS_CYCLE[i % len(KINDS_CYCLE)]
            counts[kind] += 1
            rec_id = f"rec-{i:06d}"
            if kind == "broken_json":
                fh.write('{"id": "%s", "html": "<p>cut off\n' % rec_id)
                continue
            html = {"good": lambda: decode_page(pages[i % len(pages)][1]), "empty": lambda: "",
                    "blank_html": lambda: "<html><body><div> </div></body></html>",
                    "junk": lambda: junk_text(rng), "oversized": lambda: oversized}[kind]()
            fh.write(json.dumps({"id": rec_id, "url": f"http://forum.example/{rec_id}", "html": html},
                                ensure_ascii=False) + "\n")
    assert sum(counts.values()) == n_inputs
    return counts


def default_page_files(repo: str | Path) -> list[Path]:
    """Real pages: samples/pages if present, plus the batch test fixtures."""
    repo = Path(repo)
    found = [p for p in (repo / "samples" / "pages").rglob("*") if p.is_file()
             and p.suffix in (".html", ".txt") and ".expected" not in p.name and not p.name.endswith(".spam.txt")]
    found += [p for p in (repo / "tests" / "data" / "batch" / "pages").rglob("*") if p.is_file()]
    return sorted(found)


if __name__ == "__main__":  # pragma: no cover
    import sys

    out, n = sys.argv[1], int(sys.argv[2])
    print(build_mixed_input(out, default_page_files(os.path.dirname(os.path.dirname(__file__))), n,
                            max_bytes=1 << 20))
