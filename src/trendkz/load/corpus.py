"""Loading a report series: ``load_corpus`` and the :class:`Corpus` it returns."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .._core import schema
from .._core.errors import CorpusError, InputError, ManifestError, NoTextError, check_option
from .chrome import Chrome, split_chrome
from .metadata import infer_metadata
from .paths import check_regular, check_source, corpus_files, inside
from .text import SUFFIXES, prepare, read_document, warn_unread, without_scans
from .years import check_year

__all__ = ["Corpus", "Document", "load_corpus"]

MANIFEST_FIELDS = ("year", "title", "kind", "entity", "series", "publisher")
_WORDS = re.compile(r"\w+(?:[’'.-]\w+)*")


def count_words(text: str) -> int:
    """Number of words as trendkz counts them everywhere (letters/digits runs)."""
    return len(_WORDS.findall(text))


@dataclass
class Document:
    """One document: its normalized text, body, the chrome set aside, and metadata."""

    doc_id: str
    text: str
    body: str
    chrome: list[Chrome]
    year: int
    kind: str
    entity: str | None
    series: str | None
    title: str | None
    publisher: str | None
    source: str
    sha256: str
    year_source: str
    n_words: int = -1  # counted from the body when not given

    def __post_init__(self) -> None:
        if self.n_words < 0:
            self.n_words = count_words(self.body)

    def __repr__(self) -> str:
        return (
            f"Document({self.doc_id!r}, year={self.year}, kind={self.kind!r}, "
            f"entity={self.entity!r}, n_words={self.n_words})"
        )


class Corpus:
    """An ordered collection of documents (by year, then entity, series, kind).

    ``corpus.documents`` is the documents frame; ``corpus.chrome`` lists every span of text
    set aside as page chrome, so nothing is lost.
    """

    def __init__(self, documents: Sequence[Document]):
        docs = sorted(
            documents, key=lambda d: (d.year, d.entity or "", d.series or "", d.kind, d.doc_id)
        )
        self._docs = docs
        self._by_id = {d.doc_id: d for d in docs}

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r}; known: {', '.join(self._by_id)}") from None

    def subset(self, doc_ids: Sequence[str]) -> Corpus:
        """A corpus of the named documents only."""
        return Corpus([self[d] for d in doc_ids])

    def by_entity(self) -> list[Corpus]:
        """One corpus per entity, sorted by entity (documents without one together, first)."""
        parts: dict[str, list[Document]] = {}
        for doc in self._docs:
            parts.setdefault(doc.entity or "", []).append(doc)
        return [Corpus(parts[k]) for k in sorted(parts)]

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document.

        Columns: ``doc_id, entity, series, year, kind, title, publisher, n_words, n_chrome``
        (characters set aside), ``sha256`` (of the raw bytes), ``source`` (file name as given,
        relative to the folder), ``year_source`` (``manifest``, ``title``, ``heading`` or
        ``mentions``).
        """
        rows = [
            {
                "doc_id": d.doc_id,
                "entity": d.entity,
                "series": d.series,
                "year": d.year,
                "kind": d.kind,
                "title": d.title,
                "publisher": d.publisher,
                "n_words": d.n_words,
                "n_chrome": sum(len(c.text) for c in d.chrome),
                "sha256": d.sha256,
                "source": d.source,
                "year_source": d.year_source,
            }
            for d in self._docs
        ]
        return schema.conform(
            pd.DataFrame(rows, columns=schema.FRAMES["documents"][0]), "documents"
        )

    @property
    def chrome(self) -> pd.DataFrame:
        """Every span set aside: ``doc_id, year, rule, start, end, text`` (offsets into the
        document's normalized text, ``Document.text``)."""
        rows = [
            {
                "doc_id": d.doc_id,
                "year": d.year,
                "rule": c.rule,
                "start": c.start,
                "end": c.end,
                "text": c.text,
            }
            for d in self._docs
            for c in d.chrome
        ]
        return schema.conform(pd.DataFrame(rows, columns=schema.FRAMES["chrome"][0]), "chrome")

    def __repr__(self) -> str:
        if not self._docs:
            return "Corpus(0 documents)"
        years = sorted({d.year for d in self._docs})
        ents = sorted({d.entity or "?" for d in self._docs})
        head = (
            f"Corpus({len(self)} documents, {len(ents)} "
            f"{'entity' if len(ents) == 1 else 'entities'}, years {years[0]}–{years[-1]})"
        )
        lines = [
            f"  {d.doc_id:<40} {d.year} {d.kind:<9} {d.n_words:>7} words" for d in self._docs[:12]
        ]
        if len(self) > 12:
            lines.append(f"  … {len(self) - 12} more")
        return "\n".join([head, *lines])

    def _repr_html_(self) -> str:
        df = self.documents[["doc_id", "entity", "year", "kind", "title", "n_words"]]
        more = f"<p>… {len(df) - 20} more documents</p>" if len(df) > 20 else ""
        return (
            f"<p><b>trendkz Corpus</b>: {len(self)} documents</p>"
            + df.head(20).to_html(index=False, na_rep="", escape=True)
            + more
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _read_manifest(manifest: str | Path | pd.DataFrame) -> pd.DataFrame:
    where = "manifest" if isinstance(manifest, pd.DataFrame) else str(manifest)
    if isinstance(manifest, pd.DataFrame):
        df = manifest.copy()
    else:
        try:
            check_regular(Path(manifest), where)
            df = pd.read_csv(manifest, dtype=str, keep_default_na=False)
        except (InputError, FileNotFoundError):
            raise ManifestError(f"{where}: manifest file not found or not a file") from None
        except (OSError, ValueError) as exc:  # empty, not CSV, not UTF-8
            raise ManifestError(f"{where}: not a readable CSV file ({exc})") from None
    if "file" not in df.columns:
        raise ManifestError(
            f"{where}: the manifest needs a 'file' column; it has {', '.join(map(str, df.columns))}"
        )
    if "year" in df.columns:
        for i, y in enumerate(df["year"]):
            check_year(y, f"{where}:{i + 2}", str(df["file"].iloc[i]))
    return df


def _files(source: str | Path | Sequence) -> tuple[list[tuple[Path, str]], Path | None]:
    if isinstance(source, (str, Path)):
        root = Path(source)
        if not root.exists():
            raise CorpusError(f"{root}: no such file or folder")
        if root.is_file():
            return [(root, root.name)], None
        found = corpus_files(root, SUFFIXES)  # no hidden folders, no trendkz reports
        warn_unread(root, found)
        if not found:
            raise CorpusError(
                f"{root}: no documents found (looked for {', '.join(SUFFIXES)} "
                "files); point to the folder that holds the reports"
            )
        return [(p, p.relative_to(root).as_posix()) for p in found], root
    paths = [Path(p) for p in source]
    if not paths:
        raise CorpusError("an empty list of files was given; name at least one document")
    return [(p, p.name) for p in paths], None


def _document(text: str, raw: bytes, where: str, over: dict) -> dict:
    if "year" in over:  # one year rule for manifests, DataFrames and text
        year = check_year(over["year"], where)
        over = {k: v for k, v in over.items() if k != "year"} | ({"year": year} if year else {})
    body, chrome = split_chrome(text)
    if not body.strip():
        raise InputError(
            f"{where}: nothing is left once page chrome is set aside "
            f"({len(chrome)} chrome spans); is this a report?"
        )
    meta = infer_metadata(body, chrome, over)
    fields = {
        k: getattr(meta, k) for k in ("year", "title", "publisher", "series", "kind", "entity")
    }
    year_source = meta.year_source
    for k, v in over.items():
        if k in MANIFEST_FIELDS and v is not None and str(v).strip():
            fields[k] = v if k == "year" else str(v).strip()
            if k == "year":
                year_source = "manifest"
    if fields["year"] is None:
        raise CorpusError(
            f"{where}: no year found in the text (no title, heading or date "
            "names one); give it in a manifest CSV with columns file,year"
        )
    return dict(
        fields,
        text=text,
        body=body,
        chrome=chrome,
        source=where,
        sha256=hashlib.sha256(raw).hexdigest(),
        year_source=year_source,
        n_words=count_words(body),
    )


def _fill_from_siblings(items: list[dict]) -> None:
    """Fill a missing series from the other documents of the same entity and kind."""
    for it in items:
        if it["series"]:
            continue
        known = {
            o["series"]
            for o in items
            if o is not it
            and o["series"]
            and o["entity"] == it["entity"]
            and o["kind"] == it["kind"]
        }
        if len(known) == 1:
            it["series"] = known.pop()


def _assign_ids(items: list[dict]) -> list[Document]:
    seen: dict[tuple, str] = {}
    for it in items:
        key = (it["entity"], it["series"], it["kind"], it["year"])
        if key in seen:
            raise CorpusError(
                f"{it['source']} and {seen[key]} both claim {it['entity'] or 'an unknown entity'}"
                f", {it['year']} ({it['kind']}); remove one, or tell them apart in a manifest "
                "(columns file,year,entity,series)"
            )
        seen[key] = it["source"]
    ids: dict[str, int] = {}
    docs = []
    for it in sorted(
        items,
        key=lambda i: (i["entity"] or "", i["series"] or "", i["year"], i["kind"], i["source"]),
    ):
        base = "-".join(filter(None, [_slug(it["entity"] or "doc"), str(it["year"]), it["kind"]]))
        ids[base] = ids.get(base, 0) + 1
        doc_id = base if ids[base] == 1 else f"{base}-{ids[base]}"
        docs.append(Document(doc_id=doc_id, **{k: v for k, v in it.items()}))
    return docs


def _read_one(job: tuple[Path, str, dict]) -> dict:
    path, name, over = job
    try:
        text, raw = read_document(path, name)
    except NoTextError as exc:  # a scan: the folder loads without it, and says so
        return {"no_text": str(exc)}
    return _document(text, raw, name, over)


def load_corpus(
    source,
    *,
    manifest=None,
    progress: bool = False,
    workers: int | None = 1,
    allow_outside: bool = False,
) -> Corpus:
    """Load a report series.

    Parameters
    ----------
    source : folder, file, list of files, or DataFrame
        A folder is searched recursively for ``.txt``, ``.md``, ``.html``, ``.pdf`` and
        ``.docx`` files (other files are named in one warning; a scanned PDF too). A
        DataFrame needs a ``text`` column and may carry ``file`` (a name for messages) and
        any of ``year, title, kind, entity, series, publisher``, which override inference.
    manifest : path or DataFrame, optional
        CSV with a ``file`` column (relative to the folder) and any of ``year, title, kind,
        entity, series, publisher``; its values override what is inferred, and with a
        manifest only the files it lists are loaded. Without one, a ``manifest.csv`` inside
        the folder is used when present. Its files stay inside the folder (hidden
        folders and trendkz report folders are never read: see :mod:`trendkz.load.paths`).
    allow_outside : bool
        Let a manifest name files outside the folder (``../x.txt``, absolute paths).
    progress : bool
        Show a progress bar while reading.
    workers : int or None
        Processes reading files at once (``None`` = all cores); the result is the same.

    Returns
    -------
    Corpus
        Ordered by year, then entity and series. See :attr:`Corpus.documents`.

    Raises
    ------
    TrendkzError
        For empty, binary or undecodable files, a folder with no documents, a bad
        manifest, a document whose year cannot be found, and duplicate entity/year claims.

    Examples
    --------
    >>> import trendkz
    >>> corpus = trendkz.load_corpus(trendkz.datasets.kazakhstan_path())
    >>> corpus.documents[["year", "kind"]].values.tolist()[:2]
    [[2009, 'report'], [2012, 'report']]
    """
    if isinstance(source, pd.DataFrame):
        return _from_frame(source)
    check_source(source)
    check_option("allow_outside", allow_outside, (False, True))
    files, root = _files(source)
    man = None
    if manifest is not None:
        man = _read_manifest(manifest)
    elif root is not None and (root / "manifest.csv").is_file():
        man = _read_manifest(root / "manifest.csv")
    overrides: dict[str, dict] = {}
    if man is not None:
        by_name = {name: path for path, name in files}
        base = root if root is not None else Path(".")
        chosen = []
        label = manifest if isinstance(manifest, (str, Path)) else "manifest"
        label = label if manifest is not None else root / "manifest.csv"
        for i, row in enumerate(man.to_dict("records")):
            name = str(row["file"]).strip()
            where = f"{label}:{i + 2}"
            path = by_name.get(name) or inside(base, name, allow_outside=allow_outside, where=where)
            if not path.is_file():
                raise ManifestError(
                    f"{where}: names {name!r}, which does not exist; fix the name or drop the row"
                )
            chosen.append((path, name))
            overrides[name] = row
        files = chosen
    from .._core.parallel import map_parts

    jobs = [(path, name, overrides.get(name, {})) for path, name in files]
    backend = "serial" if workers == 1 or len(jobs) < 64 else "processes"
    items = map_parts(
        _read_one,
        jobs,
        workers=workers,
        backend=backend,
        progress=progress,
        units=("reading", "file"),
    )
    items = without_scans(items)
    _fill_from_siblings(items)
    return Corpus(_assign_ids(items))


def _from_frame(df: pd.DataFrame) -> Corpus:
    if "text" not in df.columns:
        raise CorpusError(
            "the DataFrame needs a 'text' column holding each document's text; "
            f"it has {', '.join(map(str, df.columns))}"
        )
    if df.empty:
        raise CorpusError("the DataFrame has no rows; give at least one document")
    items = []
    for i, row in enumerate(df.to_dict("records")):
        name = str(row.get("file") or f"row {i}")
        text = row["text"]
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{name}: the text is empty or not a string")
        text = prepare(text, name)  # as for files: controls, HTML, references
        over = {k: row.get(k) for k in MANIFEST_FIELDS if k in row and pd.notna(row.get(k))}
        items.append(_document(text, text.encode("utf-8"), name, over))
    _fill_from_siblings(items)
    return Corpus(_assign_ids(items))
