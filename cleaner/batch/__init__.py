"""Batch cleaning: every input accounted for, in parallel, resumable.

    readers.py  inputs: files, folders, globs, JSONL, WARC, stdin -> pages
    run.py      the parallel map (worker processes, time and size limits), resume, summary
    writers.py  outputs: JSONL, one text file per page, error records; atomic writes
    cluster.py  the same records on a Dask cluster (alias: ``cleaner.distributed``)
"""
