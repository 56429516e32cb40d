"""The shipped Unicode fold (cleaner/data/fold_table.npz) is what Unicode gives on this Python."""

from __future__ import annotations

import unicodedata

import numpy as np

from cleaner.model import textforms


def test_the_shipped_fold_is_the_computed_one(tmp_path):
    with np.load(textforms.FOLD_TABLE_FILE, allow_pickle=False) as shipped:
        assert str(shipped["unidata"]) == unicodedata.unidata_version
        source, target = textforms.unicode_fold_pairs()
        assert np.array_equal(shipped["source"], source) and np.array_equal(shipped["target"], target)
    assert np.array_equal(textforms._fold_table(), textforms._fold_table(tmp_path / "missing.npz"))


def test_the_fold_undoes_full_width_case_and_zero_width():
    folded = textforms.FOLD_TABLE[[ord(c) for c in "ＶＸ\u200b１３８\u3000"]]
    assert "".join(map(chr, folded[folded > 0])) == "vx138 "
