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
from .dates import parse_date
from .identities import settle_entities
from .ids import assign_ids, fill_from_siblings, warn_doubts
from .manifest import manifest_beside, read_manifest, rows_for_files
from .metadata import infer_metadata
from .origin import origin_of, records_of
from .paths import check_source, corpus_files, inside
from .text import SUFFIXES, prepare, read_document, warn_unread, without_scans
from .years import check_year

__all__ = ["Corpus", "Document", "load_corpus"]

MANIFEST_FIELDS = ("date", "year", "title", "kind", "entity", "series", "publisher")
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
    date: str
    date_source: str
    n_words: int = -1  # counted from the body when not given

    def __post_init__(self) -> None:
        if self.n_words < 0:
            self.n_words = count_words(self.body)

    def __repr__(self) -> str:
        return (
            f"Document({self.doc_id!r}, date={self.date!r}, kind={self.kind!r}, "
            f"entity={self.entity!r}, n_words={self.n_words})"
        )


class Corpus:
    """An ordered collection of documents (by year and date, then entity, series, kind).

    ``corpus.documents`` is the documents frame; ``corpus.chrome`` lists every span of text
    set aside as page chrome, so nothing is lost.
    """

    def __init__(self, documents: Sequence[Document], *, origin: dict | None = None):
        docs = sorted(
            documents,
            key=lambda d: (d.year, d.date, d.entity or "", d.series or "", d.kind, d.doc_id),
        )
        self._docs = docs
        self._by_id = {d.doc_id: d for d in docs}
        #: how the corpus was made, enough to load it again (``None`` when unknown): one of
        #: ``{"path": folder or file, "manifest": ...}``, ``{"files": [...], "manifest":
        #: ...}`` or ``{"frame": [records]}``, plus ``"doc_ids"`` for a subset. Paths are
        #: absolute; a manifest is a path or its rows as records.
        self.origin = origin

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
        origin = None if self.origin is None else {**self.origin, "doc_ids": list(doc_ids)}
        return Corpus([self[d] for d in doc_ids], origin=origin)

    def by_entity(self) -> list[Corpus]:
        """One corpus per entity, sorted by entity (documents without one together, first)."""
        parts: dict[str, list[Document]] = {}
        for doc in self._docs:
            parts.setdefault(doc.entity or "", []).append(doc)
        return [Corpus(parts[k]) for k in sorted(parts)]

    @property
    def documents(self) -> pd.DataFrame:
        """One row per document.

        Columns: ``doc_id, entity, series, year, date`` (ISO: ``YYYY-MM-DD``, ``YYYY-MM``,
        ``YYYY``, or a fiscal quarter ``YYYY-Qn``), ``kind, title, publisher, n_words,
        n_chrome`` (characters set aside), ``sha256`` (of the raw bytes), ``source`` (file
        name as given, relative to the folder), ``date_source`` (``manifest``, ``title``,
        ``dateline``, ``period``, ``heading`` or ``mentions``).
        """
        rows = [
            {
                "doc_id": d.doc_id,
                "entity": d.entity,
                "series": d.series,
                "year": d.year,
                "date": d.date,
                "kind": d.kind,
                "title": d.title,
                "publisher": d.publisher,
                "n_words": d.n_words,
                "n_chrome": sum(len(c.text) for c in d.chrome),
                "sha256": d.sha256,
                "source": d.source,
                "date_source": d.date_source,
            }
            for d in self._docs
        ]
        return schema.conform(
            pd.DataFrame(rows, columns=schema.FRAMES["documents"][0]), "documents"
        )

    @property
    def chrome(self) -> pd.DataFrame:
        """Every span set aside: ``doc_id, year, date, rule, start, end, text`` (offsets into
        the document's normalized text, ``Document.text``)."""
        rows = [
            {
                "doc_id": d.doc_id,
                "year": d.year,
                "date": d.date,
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
            f"  {d.doc_id:<40} {d.date:<10} {d.kind:<9} {d.n_words:>7} words"
            for d in self._docs[:12]
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


def _files(source: str | Path | Sequence) -> tuple[list[tuple[Path, str]], Path | None]:
    if isinstance(source, (str, Path)):
        root = Path(source)
        if not root.exists():
            raise CorpusError(f"{root}: no such file or folder")
        if root.is_file():
            return [(root, root.name)], None
        found, unread = corpus_files(root, SUFFIXES)  # no hidden folders, no reports
        warn_unread(root, unread)
        if not found:
            raise CorpusError(
                f"{root}: no documents found (looked for {', '.join(SUFFIXES)} "
                "files); point to the folder that holds the reports"
            )
        return found, root
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
    meta = infer_metadata(body, chrome, over, Path(where).name)
    fields = {k: getattr(meta, k) for k in ("title", "publisher", "series", "kind", "entity")}
    for k, v in over.items():
        if k in MANIFEST_FIELDS and k not in ("date", "year") and str(v).strip():
            fields[k] = str(v).strip()
    if meta.year is None:
        raise CorpusError(
            f"{where}: no date found in the text (no title, dateline, period, heading or "
            "year names one); give it in a manifest CSV with columns file,date"
        )
    line = over.get("_line")
    return dict(
        fields,
        year=meta.year,
        date=meta.date,
        date_source=meta.date_source,
        entity_source=meta.entity_source,
        _names=meta.entity_names,
        _against=[(s, d, line) for s, d in meta.date_others],
        _doubt=meta.date_doubt,
        text=text,
        body=body,
        chrome=chrome,
        source=where,
        sha256=hashlib.sha256(raw).hexdigest(),
        n_words=count_words(body),
    )


def _corpus(items: list[dict], *, origin: dict | None = None) -> Corpus:
    settle_entities(items)
    fill_from_siblings(items)
    items = assign_ids(items)
    warn_doubts(items)
    keep = set(Document.__dataclass_fields__)
    docs = [Document(**{k: v for k, v in it.items() if k in keep}) for it in items]
    return Corpus(docs, origin=origin)


def _read_one(job: tuple[Path, str, dict]) -> dict:
    path, name, over = job
    try:
        text, raw = read_document(path, name)
    except NoTextError as exc:  # a scan: the folder loads without it, and says so
        return {"no_text": str(exc)}
    folder = path.parent.name or path.absolute().parent.name
    return dict(_document(text, raw, name, over), _folder=folder)


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
        any of ``date, year, title, kind, entity, series, publisher``, which override
        inference.
    manifest : path, DataFrame or False, optional
        CSV with a ``file`` column (relative to the folder) and any of ``date`` (ISO),
        ``year`` (optional with ``date``), ``title, kind, entity, series, publisher``; its
        values override what is inferred (a text that says otherwise is warned about). With
        a folder only the files it lists are loaded; with a list of files the rows naming
        them are used and the others ignored. Without one, a ``manifest.csv`` inside the
        folder (or beside the listed files) is used when present; ``False`` uses none.
    progress : bool
        Show a progress bar while reading.
    workers : int or None
        Processes reading files at once (``None`` = all cores); the result is the same.

    Returns
    -------
    Corpus
        Ordered by year and date, then entity and series. See :attr:`Corpus.documents`.

    Raises
    ------
    TrendkzError
        For empty, binary or undecodable files, a folder with no documents, a bad
        manifest (a date or year that does not parse, with its line), and a document whose
        date cannot be found anywhere.

    Warns
    -----
    TrendkzWarning
        Once, listing the documents dated from weak evidence (mentions, a file name),
        dated against other evidence or their manifest, or sharing a date with another
        document of their series (see :mod:`trendkz.load.ids`).

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
    man: pd.DataFrame | None = None
    beside: Path | None = None
    if manifest is False:
        pass
    elif manifest is not None:
        man = read_manifest(manifest)
    elif root is not None and (root / "manifest.csv").is_file():
        man = read_manifest(root / "manifest.csv")
    elif root is None and (beside := manifest_beside([p for p, _ in files])) is not None:
        man = read_manifest(beside)
    overrides: dict[str, dict] = {}
    if man is not None and root is not None:  # a folder: the files its manifest lists
        by_name = {name: path for path, name in files}
        chosen = []
        for i, row in enumerate(man.to_dict("records")):
            name = str(row["file"]).strip()
            where = f"{man.attrs['where']}:{i + 2}"
            path = by_name.get(name) or inside(root, name, allow_outside=allow_outside, where=where)
            if not path.is_file():
                raise ManifestError(
                    f"{where}: names {name!r}, which does not exist; fix the name or drop the row"
                )
            chosen.append((path, name))
            overrides[name] = {**row, "_line": where}
        files = chosen
    elif man is not None:  # a list of files: the rows naming them
        given = None if isinstance(manifest, pd.DataFrame) else manifest or beside
        base = None if given is None else Path(given).parent  # given: the manifest's file
        overrides = rows_for_files(man, files, base)
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
    return _corpus(items, origin=origin_of(source, manifest, allow_outside))


def _frame_date(value, name: str) -> str:
    if hasattr(value, "strftime"):  # a Timestamp, datetime or date
        value = value.strftime("%Y-%m-%d")
    if parse_date(str(value)) is None:
        raise ManifestError(
            f"{name}: bad date {value!r}; give an ISO date (2021-09-30, 2021-09, 2021 or a "
            "fiscal quarter 2022-Q1), a Timestamp, or leave it empty"
        )
    return str(value).strip()


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
        if "date" in over:
            over["date"] = _frame_date(over["date"], name)
        items.append(_document(text, text.encode("utf-8"), name, over))
    kept = [c for c in df.columns if c in ("file", "text", *MANIFEST_FIELDS)]
    return _corpus(items, origin={"frame": records_of(df, kept)})
