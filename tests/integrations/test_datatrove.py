"""ForumCleaner as a datatrove step: a local datatrove pipeline (JsonlReader -> ForumCleaner ->
JsonlWriter) on real sample pages; the audit lands in each document's metadata."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.integrations.datatrove import ForumCleaner  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEED_INPUT = REPO / "samples" / "seed" / "input.txt"
SEED_EXPECTED = REPO / "samples" / "seed" / "expected.txt"
GERMAN = REPO / "samples" / "pages" / "en_forum" / "discourse_glamour_345148.html"
EMPTY_PAGE = "<html><head><title>nothing</title></head><body><div>  </div></body></html>"


def _input(folder: Path) -> None:
    folder.mkdir()
    rows = [
        {"id": "seed", "text": SEED_INPUT.read_text(encoding="utf-8"), "url": "http://forum.example/seed"},
        {"id": "german", "text": GERMAN.read_text(encoding="utf-8"), "url": "http://forum.example/de"},
        {"id": "empty", "text": EMPTY_PAGE, "url": "http://forum.example/empty"},
        {"id": "binary", "text": "\x00\x01\x02\x03" * 300, "url": "http://forum.example/bin"},
    ]
    (folder / "pages.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                        encoding="utf-8")


def _output(folder: Path) -> dict[str, dict]:
    docs = {}
    for path in folder.glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.update({d["id"]: d for d in map(json.loads, f)})
    return docs


def test_local_pipeline_cleans_and_writes_the_audit(tmp_path):
    _input(tmp_path / "in")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), ForumCleaner(), JsonlWriter(str(tmp_path / "out"))],
        tasks=1, workers=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = _output(tmp_path / "out")
    assert sorted(docs) == ["german", "seed"]  # the empty page and the binary one are dropped
    seed = docs["seed"]
    assert seed["text"] + "\n" == SEED_EXPECTED.read_text(encoding="utf-8")
    meta = seed["metadata"]
    assert (meta["language"], meta["title"], meta["url"]) == ("zh", "强省会聚合力雨花作为更优高质量",
                                                              "http://forum.example/seed")
    spam = [r for r in meta["removed"] if r["kind"] == "spam"]
    assert any("白癜风" in r["text"] for r in spam)
    assert all(set(r) == {"text", "kind", "rule", "score", "post", "position"} for r in meta["removed"])
    assert docs["german"]["metadata"]["language"] == "de"
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    step = next(s for s in stats if s["name"].endswith(ForumCleaner.name))["stats"]
    assert (step["total"], step["cleaned"], step["empty"], step["error/binary"]) == (4, 2, 1, 1)


def test_kept_errors_say_why():
    step = ForumCleaner(model=None, keep_errors=True, keep_empty=True)
    docs = [Document(text="\x00\x01\x02\x03" * 300, id="bin"), Document(text=EMPTY_PAGE, id="empty")]
    out = {d.id: d for d in step.run(iter(docs))}
    assert out["bin"].text == "" and out["bin"].metadata["clean_error"].startswith("binary: input looks binary")
    assert out["empty"].text == "" and out["empty"].metadata["removed"] == []


def test_audit_can_be_left_out():
    step = ForumCleaner(model=None, audit_key=None)
    [doc] = step.run(iter([Document(text=SEED_INPUT.read_text(encoding="utf-8"), id="seed")]))
    assert "removed" not in doc.metadata and doc.metadata["engine"]
