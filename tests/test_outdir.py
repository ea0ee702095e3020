"""Report folders are safe: trendkz never deletes or overwrites a file it did not write."""

from __future__ import annotations

import os
import threading

import pytest

import trendkz
from trendkz.report import outdir
from trendkz.report.cli import main
from trendkz.report.outdir import write_folder
from trendkz.report.verify import verify_report

OUT = {"index.html": b"<p>new</p>", "tables/a.csv": b"x\n1\n"}


def _manifest(files):
    import json

    return json.dumps({"trendkz": "0", "outputs": {f: "0" for f in files}}).encode()


def _tree(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_refuses_a_folder_that_is_not_a_report(tmp_path):
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "thesis.tex").write_text("my thesis")
    with pytest.raises(trendkz.OutputError, match="not a trendkz report.*thesis.tex.*--force"):
        write_folder(tmp_path / "thesis", OUT)
    assert _tree(tmp_path / "thesis") == {"thesis.tex": b"my thesis"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]  # no temp left


def test_force_writes_into_and_keeps_other_files(tmp_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "thesis.tex").write_text("my thesis")
    write_folder(target, OUT, force=True)
    assert _tree(target) == {"thesis.tex": b"my thesis", **OUT}


def test_replaces_an_earlier_report_whole(tmp_path):
    target = tmp_path / "rep"
    write_folder(target, {"old.csv": b"1", "manifest.json": _manifest(["old.csv"])})
    write_folder(target, OUT)
    assert _tree(target) == OUT


def test_report_with_a_foreign_file_is_refused_then_kept_with_force(tmp_path):
    target = tmp_path / "rep"
    write_folder(target, {"old.csv": b"1", "manifest.json": _manifest(["old.csv"])})
    (target / "notes.md").write_text("my notes")
    with pytest.raises(trendkz.OutputError, match="did not write.*notes.md"):
        write_folder(target, OUT)
    new = {**OUT, "manifest.json": _manifest(OUT)}
    write_folder(target, new, force=True)
    assert _tree(target) == {**new, "notes.md": b"my notes"}  # old.csv was ours: gone


def test_empty_folder_and_new_nested_path(tmp_path):
    (tmp_path / "empty").mkdir()
    write_folder(tmp_path / "empty", OUT)
    write_folder(tmp_path / "a" / "b" / "c", OUT)
    assert _tree(tmp_path / "empty") == OUT == _tree(tmp_path / "a" / "b" / "c")


def test_dot_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data.csv").write_text("keep")
    with pytest.raises(trendkz.OutputError, match="not a trendkz report"):
        write_folder(".", OUT)
    write_folder(".", OUT, force=True)
    assert _tree(tmp_path) == {"data.csv": b"keep", **OUT}


def test_a_file_or_a_path_under_a_file(tmp_path):
    (tmp_path / "f").write_text("keep")
    with pytest.raises(trendkz.OutputError, match="is a file"):
        write_folder(tmp_path / "f", OUT)
    with pytest.raises(trendkz.OutputError, match="is a file, not a folder"):
        write_folder(tmp_path / "f" / "out", OUT)
    assert (tmp_path / "f").read_text() == "keep"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_place(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        with pytest.raises(trendkz.OutputError, match="permission denied"):
            write_folder(ro / "out", OUT)
    finally:
        ro.chmod(0o755)


def test_two_runs_into_one_folder(tmp_path):
    target = tmp_path / "rep"
    errors = []

    def run(i):
        try:
            write_folder(target, {f"{i}.csv": b"x", "manifest.json": _manifest([f"{i}.csv"])})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(_tree(target)) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]


@pytest.mark.parametrize("seen", ["vanished", "mixed"])
def test_a_report_swapped_in_while_looking_is_no_error(tmp_path, monkeypatch, seen):
    """Another run may move its report into place while this one looks (outside the lock):
    the folder vanishes mid-listing, or the listing mixes the old report's files with the new
    manifest. Either is checked again under the lock, never an error (8 threads into one
    folder failed in 3 of 40 rounds before)."""
    target = tmp_path / "rep"
    write_folder(target, {"a.csv": b"x", "manifest.json": _manifest(["a.csv"])})
    real, calls = outdir._present, []

    def vanishing(folder):
        calls.append(folder)
        if len(calls) == 1 and seen == "vanished":
            raise FileNotFoundError(2, "No such file or directory", str(folder))
        if len(calls) == 1:
            return real(folder) | {"old.csv"}
        return real(folder)

    monkeypatch.setattr(outdir, "_present", vanishing)
    write_folder(target, {"b.csv": b"y", "manifest.json": _manifest(["b.csv"])})
    assert sorted(_tree(target)) == ["b.csv", "manifest.json"]
    assert len(calls) >= 2


def test_cli_refuses_then_forces(tmp_path, capsys):
    target = tmp_path / "thesis"
    target.mkdir()
    (target / "thesis.tex").write_text("my thesis")
    assert main(["report", "--out", str(target), "--quiet"]) == 2
    assert "not a trendkz report" in capsys.readouterr().err
    assert main(["report", "--out", str(target), "--quiet", "--force"]) == 0
    assert (target / "thesis.tex").read_text() == "my thesis"
    assert (target / "index.html").is_file()
    # the report is verifiable but the foreign file is named
    assert [d.file for d in verify_report(target, rerun=False)] == ["thesis.tex"]


def test_cli_exit_codes(tmp_path, capsys, monkeypatch):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "trendkz" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["report", "--no-such-flag"])
    assert exc.value.code == 2

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(trendkz.report.save, "report_corpus", boom)
    assert main(["report", "--out", str(tmp_path / "o"), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert "unexpected error: RuntimeError: disk on fire" in err and "Traceback" not in err


def test_permission_denied_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(trendkz.OutputError, match="permission denied"):
        write_folder(tmp_path / "out", OUT)
