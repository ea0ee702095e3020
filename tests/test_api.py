from __future__ import annotations

import subprocess
import sys

import trendkz


def test_all_is_sorted_and_complete():
    assert trendkz.__all__ == sorted(trendkz.__all__)
    for name in trendkz.__all__:
        assert hasattr(trendkz, name), name


def test_errors_share_one_base():
    for name in trendkz.__all__:
        obj = getattr(trendkz, name)
        if isinstance(obj, type) and issubclass(obj, Warning):
            assert issubclass(obj, trendkz.TrendkzWarning) and issubclass(obj, UserWarning)
        elif isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, trendkz.TrendkzError)


def test_import_has_no_side_effects():
    code = "import sys, matplotlib; import trendkz; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
