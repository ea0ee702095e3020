"""End to end: compare, save, verify, byte-identical reruns, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import trendkz
from trendkz.report.cli import main
from trendkz.report.comparison import FRAME_NAMES
from trendkz.report.verify import verify_report


@pytest.fixture(scope="module")
def comparison(kz):
    return trendkz.compare(kz)


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory, comparison):
    out = tmp_path_factory.mktemp("rep") / "report"
    comparison.save(out)
    return out


def test_compare_holds_every_frame(comparison, kz):
    for name in FRAME_NAMES:
        frame = getattr(comparison, name)
        assert isinstance(frame, pd.DataFrame) and isinstance(frame.index, pd.RangeIndex)
    assert len(comparison.documents) == len(kz)
    assert [i["sha256"] for i in comparison.inputs] == comparison.documents["sha256"].tolist()
    html = comparison._repr_html_()
    assert "trendkz Comparison" in html and len(html) < 20000


def test_compare_rejects_unknown_options(kz):
    with pytest.raises(trendkz.OptionError, match="unknown option"):
        trendkz.compare(kz, colour="red")


def test_saved_layout(report_dir):
    names = {p.relative_to(report_dir).as_posix() for p in report_dir.rglob("*") if p.is_file()}
    assert {"index.html", "manifest.json"} <= names
    assert {f"tables/{n}.csv" for n in FRAME_NAMES} <= names
    for fig in ("terms", "similarity", "coverage", "facts"):
        assert {f"figures/{fig}.svg", f"figures/{fig}.png"} <= names
    manifest = json.loads((report_dir / "manifest.json").read_text())
    assert set(manifest["outputs"]) == names - {"manifest.json"}
    assert manifest["source"] == "bundled:kazakhstan"
    assert str(report_dir) not in (report_dir / "manifest.json").read_text()
    page = (report_dir / "index.html").read_text()
    assert page.count("<svg") >= 4 and "<table" in page and 'src="http' not in page


def test_verify_passes_then_fails_on_one_byte(report_dir, tmp_path):
    assert verify_report(report_dir) == []
    import shutil

    for name in ("tables/facts.csv", "figures/terms.png", "index.html"):
        copy = tmp_path / name.replace("/", "_")
        shutil.copytree(report_dir, copy)
        target = copy / name
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 1
        target.write_bytes(bytes(data))
        diffs = verify_report(copy, rerun=False)
        assert [d.file for d in diffs] == [name]


def test_verify_names_changed_csv_rows(report_dir, tmp_path):
    import shutil

    copy = tmp_path / "rows"
    shutil.copytree(report_dir, copy)
    path = copy / "tables" / "documents.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace("report", "analysis", 1)
    path.write_text("".join(lines))
    diffs = verify_report(copy)
    rerun = [d for d in diffs if d.problem == "differs from a fresh run"]
    assert rerun and rerun[0].file == "tables/documents.csv" and rerun[0].rows == [2]


def test_verify_refuses_a_folder_without_manifest(tmp_path):
    with pytest.raises(trendkz.VerifyError, match="no manifest.json"):
        verify_report(tmp_path)


def test_interrupted_save_leaves_no_accepted_folder(comparison, tmp_path, monkeypatch):
    target = tmp_path / "out"
    comparison.save(target)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    real = Path.write_bytes
    calls = {"n": 0}

    def flaky(self, data):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-write
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    with pytest.raises(KeyboardInterrupt):
        comparison.save(target)
    monkeypatch.undo()
    # the previous complete report is untouched and no partial folder is left behind
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert verify_report(target, rerun=False) == []


def _run_report(out: Path, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run(
        [sys.executable, "-m", "trendkz", "report", "--out", str(out), "--quiet"],
        check=True,
        env=env,
        capture_output=True,
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_byte_identical_reruns_across_processes(tmp_path):
    a = _run_report(tmp_path / "a" / "report", "1")
    b = _run_report(tmp_path / "b" / "report", "4242")
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []


def test_cli_report_and_verify(tmp_path, capsys):
    out = tmp_path / "r"
    assert main(["report", "--out", str(out), "--quiet"]) == 0
    assert main(["verify", str(out)]) == 0
    assert "identical" in capsys.readouterr().out
    (out / "tables" / "terms.csv").write_text("changed\n")
    assert main(["verify", str(out)]) == 1
    assert "tables/terms.csv" in capsys.readouterr().out


def test_cli_error_is_clear(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
