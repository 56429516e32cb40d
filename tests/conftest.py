"""Tests mirror the package: tests/<stage>/ holds the tests of cleaner/<stage>/; the ones here
are about the whole cleaner (API, CLI, quality gate, layout, speed paths). This file's folder is
on sys.path (pytest's rootdir conftest), so every test can import ``fixture_pages``."""
