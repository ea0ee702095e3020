"""Writing a report folder safely: never delete or overwrite what trendkz did not write.

A folder may be written when it does not exist, is empty, or is a trendkz report whose files
are all listed in its ``manifest.json``. Anything else is refused unless ``force=True``, which
writes trendkz's files into the folder and keeps every other file. A new or replaced report
is built in a temporary sibling and moved into place at the end, under a lock on the parent
folder, so an interrupted run leaves the previous report as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .._core.errors import OutputError

__all__ = ["check_folder", "report_files", "write_folder"]

MANIFEST = "manifest.json"


def report_files(folder: Path) -> set[str] | None:
    """The files a trendkz report folder lists (with its manifest), or None if it is not one."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        listed = manifest["outputs"]
        if "trendkz" not in manifest or not isinstance(listed, dict):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {str(name) for name in listed} | {MANIFEST}


def _present(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()
    }


def _check_target(target: Path, force: bool) -> str:
    """How to write ``target``: ``new``, ``replace`` or ``into``; raise when refused."""
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputError(
                f"cannot write a report to {target}: {parent} is a file, "
                "not a folder; choose another --out"
            )
    if not target.exists() and not target.is_symlink():
        return "new"
    if target.is_symlink() or not target.is_dir():
        raise OutputError(
            f"cannot write a report to {target}: it is a file, not a folder; "
            "choose another --out (nothing was changed)"
        )
    present = _present(target)
    if not present and not any(target.iterdir()):
        return "replace"
    ours = report_files(target)
    if ours is not None:
        foreign = sorted(present - ours)
        if not foreign:
            return "replace"
        what = f"holds {len(foreign)} file(s) that trendkz did not write ({_some(foreign)})"
    else:
        listing = _some(sorted(present))
        what = f"exists and is not a trendkz report ({len(present)} file(s): {listing})"
    if force:
        return "into"
    raise OutputError(
        f"refusing to write a report to {target}: it {what}. Choose a new "
        "folder, or pass --force (force=True) to write the report's files "
        "into it; trendkz never deletes files it did not write."
    )


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:3])
    return shown + (", …" if len(names) > 3 else "")


@contextlib.contextmanager
def _locked(folder: Path):
    """An exclusive lock on ``folder`` (waits for another run writing beside it)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _check_early(target: Path, force: bool) -> None:
    """Refuse before anything is created. A refusal is checked again under the lock: another
    run may have been swapping its report in (the folder half gone) while this one looked."""
    try:
        _check_target(target, force)
    except (OSError, OutputError):
        if not target.parent.is_dir():
            raise
        with _locked(target.parent):
            _check_target(target, force)


@contextlib.contextmanager
def _errors(target: Path):
    """OS errors as :class:`OutputError` saying which folder and what to do."""
    try:
        yield
    except PermissionError as exc:
        raise OutputError(
            f"cannot write a report to {target}: permission denied "
            f"({exc.filename}); choose a folder you can write to"
        ) from None
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(
            f"cannot write a report to {target}: {exc.strerror or exc} "
            f"({exc.filename or target}); nothing was replaced"
        ) from None


def check_folder(path, *, force: bool = False) -> Path:
    """Raise :class:`OutputError` now if a report could not be written to ``path`` (so a
    long run is not lost at the end); return the absolute folder."""
    target = Path(os.path.abspath(path))
    if target.parent == target:
        raise OutputError(f"cannot write a report to the root folder {target}")
    with _errors(target):
        _check_early(target, force)
    return target


def write_folder(path, outputs, *, force: bool = False) -> Path:
    """Write ``outputs`` (relative name → bytes, or an iterable of byte chunks) as the
    report folder ``path``; return it. A mapping with ``stream_items()`` is written from
    that (each file made as it is written)."""
    target = check_folder(path, force=force)  # early, before anything is created
    with _errors(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent):
            how = _check_target(target, force)  # again: another run may have written it
            if how == "into":
                _write_into(target, outputs)
            else:
                _swap_in(target, outputs)
    return target


def _items(outputs):
    return outputs.stream_items() if hasattr(outputs, "stream_items") else outputs.items()


def _put(fh, data) -> None:
    if isinstance(data, (bytes, bytearray, memoryview)):
        fh.write(data)
    else:  # a file made piece by piece
        for chunk in data:
            fh.write(chunk)


def _write_files(folder: Path, outputs) -> None:
    for name, data in _items(outputs):
        dest = folder / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            dest.write_bytes(data)
        else:
            with open(dest, "wb") as fh:
                _put(fh, data)


def _swap_in(target: Path, outputs) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    old = None
    try:
        _write_files(tmp, outputs)
        os.chmod(tmp, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.rmdir(old)
            target.rename(old)
        tmp.rename(target)
    except BaseException:
        if old is not None and not target.exists():
            old.rename(target)  # put the previous report back
            old = None
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _write_into(target: Path, outputs) -> None:
    """``force``: write our files in place (each atomically), delete only files an earlier
    trendkz report here listed and this one does not, keep everything else."""
    before = report_files(target) or set()
    written = set()
    for name, data in _items(outputs):
        written.add(name)
        dest = target / name
        if dest.is_dir():
            raise OutputError(f"cannot write {dest}: a folder of that name is in the way")
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                _put(fh, data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    for name in sorted(before - written):
        with contextlib.suppress(OSError):
            (target / name).unlink()
