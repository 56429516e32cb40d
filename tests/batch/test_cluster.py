"""Dask: a real LocalCluster (2 worker processes) gives the same records as the local run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

from cleaner.batch.run import CleanOptions, run_batch  # noqa: E402
from cleaner.batch.readers import iter_pages, resolve_inputs  # noqa: E402
from cleaner.batch.writers import JsonlFileWriter  # noqa: E402
from cleaner.batch.cluster import clean_bag, clean_files, plan_tasks  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from bench.mixed_input import build_mixed_input  # noqa: E402

PAGES = REPO / "tests" / "data" / "batch" / "pages"
OPTIONS = CleanOptions(max_bytes=200_000)  # the shipped model: workers must load it themselves


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    pages = sorted(p for p in PAGES.rglob("*") if p.is_file())
    counts = build_mixed_input(folder, pages, 80, max_bytes=OPTIONS.max_bytes)
    return folder, sum(counts.values())


def local_records(folder: Path, tmp_path: Path) -> dict[str, dict]:
    out = tmp_path / "local.jsonl"
    pages = iter_pages(resolve_inputs([str(folder)]), max_bytes=OPTIONS.max_bytes)
    run_batch(pages, JsonlFileWriter(str(out)), OPTIONS, jobs=2)
    return {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


def test_clean_files_on_a_cluster_equals_the_local_run(client, mixed, tmp_path):
    folder, n_inputs = mixed
    local = local_records(folder, tmp_path)
    remote = list(clean_files([str(folder)], client=client, options=OPTIONS))
    assert len(remote) == len(local) == n_inputs
    assert {r["id"]: r for r in remote} == local
    assert sum(r["status"] == "ok" for r in remote) > n_inputs // 2


def test_big_jsonl_is_split_across_tasks(mixed):
    folder, _ = mixed
    tasks = plan_tasks(resolve_inputs([str(folder)]), split_bytes=64 * 1024)
    assert sum(t[0] == "jsonl" for t in tasks) > 2


def test_clean_bag_matches_local_records(client):
    files = sorted(p for p in PAGES.rglob("*") if p.is_file())
    items = [{"id": p.name, "html": p.read_bytes(), "url": f"http://forum.example/{p.name}"} for p in files]
    records = clean_bag(db.from_sequence(items, npartitions=3), OPTIONS).compute()
    from cleaner.batch.run import clean_serial
    from cleaner.batch.readers import PageInput

    local = list(clean_serial([PageInput(i["id"], "", payload=i["html"], url=i["url"]) for i in items], OPTIONS))
    assert records == local and [r["status"] for r in records] == ["ok"] * len(files)
