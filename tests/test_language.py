"""result.language comes from py3langid on the clean text: right on real text in languages the
old heuristic got wrong (German, French, Vietnamese as "en", Japanese as "zh", Russian and
Korean as ""), and the unpacked model is cached so a new process starts fast."""

from pathlib import Path

import pytest

import cleaner
from cleaner import language

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "samples" / "pages"


def _udhr() -> list[tuple[str, str]]:
    rows = (ROOT / "tests" / "data" / "udhr_article1.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(r.split("\t", 1)) for r in rows if r and not r.startswith("#")]


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path_factory.getbasetemp() / "langid-cache"))


@pytest.mark.parametrize("code, text", _udhr(), ids=[code for code, _ in _udhr()])
def test_real_text_gets_its_language(code, text):
    assert language.detect_language(text) == code


@pytest.mark.parametrize("code, text", _udhr(), ids=[code for code, _ in _udhr()])
def test_clean_sets_the_language_of_the_article(code, text):
    page = f"<html><head><title>t</title></head><body><article><p>{text}</p></article></body></html>"
    result = cleaner.clean(page.encode("utf-8"))
    assert result.text == text and result.language == code


@pytest.mark.parametrize("name, code", [
    ("en_forum/discourse_glamour_345148.html", "de"),
    ("en_forum/xenforo2_computerbase_1940441.html", "de"),
    ("en_forum/phpbb_maladiesrares_t2720.html", "fr"),
    ("en_forum/discourse_blizzard_transfer.html", "en"),
    ("zh_forum/dzx3_07.html", "zh"),
])
def test_real_forum_pages(name, code):
    assert cleaner.clean((PAGES / name).read_bytes()).language == code


@pytest.mark.parametrize("text", ["", "12345 67890", "--- *** ---"])
def test_no_letters_no_language(text):
    assert language.detect_language(text) == ""


def test_wu_label_reads_as_chinese():
    # py3langid ranks "wuu" a hair above "zh" on this standard Chinese news line
    line = ("中国地震台网正式测定：04月03日07时58分在台湾花莲县海域（北纬23.81度，东经121.74度）发生7.3级地震，"
            "震源深度12千米。此次震中位于…")
    assert language._identifier().classify(line)[0] == "wuu"
    assert language.detect_language(line) == "zh"


def test_the_unpacked_model_is_cached_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv(language.CACHE_ENV, str(tmp_path))
    language._identifier.cache_clear()
    try:
        assert language.detect_language("Все люди рождаются свободными и равными.") == "ru"
        [folder] = tmp_path.iterdir()
        assert folder.name.startswith("py3langid-")
        assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.npy" for n in language._ARRAYS)
        language._identifier.cache_clear()
        assert language._read_cache(folder) is not None
        assert language.detect_language("모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.") == "ko"
    finally:
        language._identifier.cache_clear()


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(language.CACHE_ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert language.cache_dir() is None
    language._identifier.cache_clear()
    try:
        assert language.detect_language("Alle Menschen sind frei und gleich an Würde und Rechten geboren.") == "de"
        assert list(tmp_path.iterdir()) == []
    finally:
        language._identifier.cache_clear()


def test_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(language.CACHE_ENV, str(blocker / "cache"))
    language._identifier.cache_clear()
    try:
        assert language.detect_language("Tous les êtres humains naissent libres et égaux en dignité.") == "fr"
    finally:
        language._identifier.cache_clear()
