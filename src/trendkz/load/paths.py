"""The path policy of loading: which files a folder offers, and where a manifest may point.

- In a folder, hidden files and everything under a hidden folder (a name starting with
  ``.``: ``.git/``, ``.ipynb_checkpoints/``) are not documents, nor is anything under a
  trendkz report folder (one whose ``manifest.json`` trendkz wrote): a report saved inside
  its source folder is never read back as input on the next run.
- A manifest names files relative to the corpus folder, and they stay inside it: a name
  that climbs out (``../x.txt``) or is absolute is refused with :class:`ManifestError`
  unless ``allow_outside=True`` is passed. The check is on the names as written (a
  symbolic link inside the folder is the folder owner's choice).
- A path that is not a regular file (a folder, a FIFO, a device) is never opened as a
  document: reading a FIFO would block forever.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from .._core.errors import CorpusError, InputError, ManifestError

__all__ = [
    "check_regular",
    "check_source",
    "corpus_files",
    "inside",
    "is_report_folder",
    "read_regular",
]

REPORT_MANIFEST = "manifest.json"


def is_report_folder(folder: Path) -> bool:
    """``folder`` holds a report trendkz wrote: a ``manifest.json`` with trendkz's version
    and its list of outputs."""
    path = folder / REPORT_MANIFEST
    try:
        if path.stat().st_size > 50_000_000 or not path.is_file():
            return False
        manifest = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(manifest, dict) and "trendkz" in manifest and "outputs" in manifest


def corpus_files(root: Path, suffixes: tuple[str, ...]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The document files under ``root`` as ``(path, name)`` (``name`` relative to ``root``,
    with ``/``), sorted by name, and the names of the other files left unread (manifests
    aside). Regular files with one of ``suffixes``, not hidden, not under a hidden folder or
    a trendkz report folder. Symbolic links to folders are not followed (a link loop would
    never end). One walk of the folder, no stat call for a regular file."""
    found: list[tuple[tuple[str, ...], Path]] = []
    unread: list[tuple[str, ...]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(os.fspath(root), ())]
    while stack:
        top, parts = stack.pop()
        try:
            with os.scandir(top) as it:
                entries = [e for e in it if not e.name.startswith(".")]
        except OSError:  # an unreadable folder is skipped, as os.walk does
            continue
        if any(e.name == REPORT_MANIFEST for e in entries):
            if is_report_folder(Path(top)):
                continue
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                stack.append((e.path, (*parts, e.name)))
            elif e.is_file():
                key = (*parts, e.name)
                if os.path.splitext(e.name)[1].lower() in suffixes:
                    found.append((key, Path(e.path)))
                elif not _is_manifest(e.path):
                    unread.append(key)
    found.sort(key=lambda kp: kp[0])
    return [(p, "/".join(k)) for k, p in found], ["/".join(k) for k in sorted(unread)]


def _is_manifest(path: str) -> bool:
    """A CSV whose first column is ``file``: a manifest, not a document."""
    if not path.lower().endswith(".csv"):
        return False
    try:
        with open(path, "rb") as f:
            head = f.readline(200).decode("utf-8-sig", "replace").strip().lower()
    except OSError:
        return False
    return head == "file" or head.startswith(("file,", '"file",'))


def read_regular(path: Path, where: str) -> bytes:
    """The bytes of ``path``; :class:`InputError` unless it is a regular file (a folder,
    FIFO, socket or device is refused before a byte is read: opened without blocking, then
    checked)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.isdir(path):
            raise InputError(f"{where}: is a folder; name a document file instead") from None
        raise InputError(f"{where}: cannot read the file ({exc.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = (
                "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe or device)"
            )
            raise InputError(f"{where}: is {kind}; name a document file instead")
        chunks = [os.read(fd, st.st_size + 1)]  # one call for a file that does not grow
        while chunks[-1]:
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"{where}: cannot read the file ({exc.strerror})") from None
    finally:
        os.close(fd)


def inside(base: Path, name: str, *, allow_outside: bool, where: str) -> Path:
    """The path a manifest's ``name`` means, relative to ``base``; :class:`ManifestError`
    when it leaves ``base`` (``..`` or an absolute path) and ``allow_outside`` is false."""
    if "\x00" in name:
        raise ManifestError(f"{where}: the file name {name!r} holds a NUL character")
    absolute = PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute()
    parts = PurePosixPath(name.replace("\\", "/")).parts
    climbs = False
    depth = 0
    for part in parts:
        depth += -1 if part == ".." else 0 if part in (".", "/") else 1
        climbs = climbs or depth < 0
    if (absolute or climbs or PureWindowsPath(name).drive) and not allow_outside:
        raise ManifestError(
            f"{where}: names {name!r}, which is outside the corpus folder {base}; "
            "move the file into the folder, or pass allow_outside=True to read it anyway"
        )
    return base / name


def check_regular(path: Path, where: str) -> None:
    """Raise :class:`InputError` unless ``path`` is a regular file (a folder, FIFO, socket
    or device is refused before it is opened)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise InputError(f"{where}: cannot read the file ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe or device)"
        raise InputError(f"{where}: is {kind}; name a document file instead")


def check_source(source: object) -> None:
    """Raise :class:`CorpusError` unless ``source`` is a folder or file path, or a list of
    file paths (a DataFrame is handled before)."""
    if isinstance(source, (str, os.PathLike)):
        if not str(source).strip():
            raise CorpusError("the source is an empty path; name a folder or a file")
        return
    if isinstance(source, (list, tuple)):
        bad = [p for p in source if not isinstance(p, (str, os.PathLike)) or not str(p).strip()]
        if bad:
            raise CorpusError(
                f"the list of files holds {bad[0]!r}, which is not a file path; "
                "give paths (str or pathlib.Path)"
            )
        return
    raise CorpusError(
        f"cannot load a corpus from {type(source).__name__} {str(source)[:60]!r}; give a "
        "folder, a file, a list of files or a DataFrame with a 'text' column"
    )
