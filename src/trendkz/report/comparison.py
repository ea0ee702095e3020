"""The whole chain in one call: ``compare(corpus) -> Comparison``.

files → corpus → sections → alignment → {sentences, changes, terms, facts} →
{fact_changes, corroboration}. The :class:`Comparison` holds every frame, the options used
and the SHA-256 of every input document, and renders a compact summary in notebooks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

from .._core.errors import OptionError
from .._core.vocab import CHANGED, DOWN, QUALIFIER_CHANGED, REWRITTEN, UP
from ..load.corpus import Corpus

__all__ = ["FRAME_NAMES", "Comparison", "compare", "recorded_options"]

from .chain import _OPTIONS, _chain, _check_options, recorded_options  # noqa: F401 - re-exported
from .frames import FRAME_NAMES


@dataclass
class Comparison:
    """Every frame of a comparison, with the options used and the input hashes."""

    documents: pd.DataFrame
    chrome: pd.DataFrame
    sections: pd.DataFrame
    alignment: pd.DataFrame
    sentences: pd.DataFrame
    changes: pd.DataFrame
    terms: pd.DataFrame
    facts: pd.DataFrame
    fact_changes: pd.DataFrame
    corroboration: pd.DataFrame
    options: dict = field(default_factory=dict)
    #: how the corpus was made (:attr:`trendkz.Corpus.origin`), so a saved report can run again
    origin: dict | None = field(default=None, repr=False)

    @property
    def frames(self) -> dict[str, pd.DataFrame]:
        """Name → frame, in :data:`FRAME_NAMES` order."""
        return {name: getattr(self, name) for name in FRAME_NAMES}

    @property
    def inputs(self) -> list[dict]:
        """``source`` and ``sha256`` of every input document, in corpus order."""
        return [
            {"doc_id": r.doc_id, "source": r.source, "sha256": r.sha256}
            for r in self.documents.itertuples(index=False)
        ]

    def alignment_table(self) -> pd.DataFrame:
        """Groups × years, headings or "—" where absent (see :func:`trendkz.alignment_table`)."""
        from ..align.sections import alignment_table

        return alignment_table(self.alignment)

    def save(self, path, *, force: bool = False, progress: bool = False, **settings):
        """Write every frame, figure, page, ``index.html`` and ``manifest.json`` atomically.

        An existing folder is replaced only when it is an earlier trendkz report; any other
        is refused unless ``force=True``. ``settings``: ``tables``, ``compress``,
        ``entities``, ``pngs`` and ``source`` (see :func:`trendkz.report.save.save_comparison`).
        """
        from .save import save_comparison

        return save_comparison(self, path, progress=progress, force=force, **settings)

    def digest(self, **options):
        """The ranked changes per entity and document pair (see :func:`trendkz.digest`)."""
        from .digest import digest

        return digest(self, **options)

    def summary(self) -> dict[str, pd.DataFrame]:
        """Small frames for a glance: most changed sections, framing shift, facts that moved."""
        ch = self.changes
        most = (
            ch[ch["status"].isin([CHANGED, REWRITTEN])]
            .sort_values(["similarity", "entity", "group", "year_from"], kind="mergesort")
            .head(5)[["entity", "label", "year_from", "year_to", "similarity", "status"]]
        )
        t = self.terms
        framing = pd.DataFrame()
        if len(t):  # quoted / all hits of the three most frequent terms, by year
            top = (
                t.groupby("term")["count"]
                .sum()
                .sort_values(ascending=False, kind="mergesort")
                .head(3)
                .index
            )
            g = (
                t[t["term"].isin(top)]
                .groupby(["term", "year"], sort=True)[["count", "quoted"]]
                .sum()
            )
            cells = g["quoted"].astype(str) + "/" + g["count"].astype(str)
            framing = (
                cells.unstack("year")
                .fillna("")
                .rename_axis(columns=None)
                .reset_index()
                .rename(columns={"term": "quoted/all"})
            )
            framing.columns = [str(c) for c in framing.columns]
        fc = self.fact_changes
        moved = fc[fc["status"].isin([UP, DOWN, QUALIFIER_CHANGED])].head(5)
        cols = [
            c
            for c in (
                "entity",
                "measure",
                "year_from",
                "year_to",
                "value_from",
                "value_to",
                "status",
            )
            if c in fc.columns
        ]
        return {
            "most changed sections": most.reset_index(drop=True),
            "framing (hits in quotes / all hits)": framing,
            "facts that moved": moved[cols].reset_index(drop=True),
        }

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.frames.items())
        return f"Comparison({sizes})"

    def _repr_html_(self) -> str:
        docs = self.documents
        years = sorted(docs["year"].dropna().unique().tolist())
        head = (
            f"<p><b>trendkz Comparison</b>: {len(docs)} documents, "
            f"{docs['entity'].nunique()} entities, years "
            f"{html.escape(', '.join(map(str, years[:12])))}"
            f"{' …' if len(years) > 12 else ''}; "
            f"{self.alignment['group'].nunique() if len(self.alignment) else 0} section "
            f"groups, {len(self.facts)} facts.</p>"
        )
        parts = [head]
        for title, frame in self.summary().items():
            if len(frame):
                parts.append(f"<p><i>{html.escape(title)}</i></p>")
                parts.append(frame.to_html(index=False, na_rep="", float_format="{:.2f}".format))
        return "\n".join(parts)


def _combine(parts: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The frames of all parts (one per entity, in entity order) as one frame each."""
    from .._core import schema

    out = {}
    for name in FRAME_NAMES:
        frames = [p[name] for p in parts if len(p[name])] or [parts[0][name]]
        for p in parts[1:]:  # the parts' rows are let go as soon as they are combined:
            del p[name]  # memory holds the parts plus one combined frame, not twice all
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        del frames
        declared = schema.FRAMES[name][0]
        extra = tuple(c for c in df.columns if c not in declared)
        out[name] = schema.conform(df, name, extra=extra)
    return out


def compare(
    corpus: Corpus, *, workers: int | None = 1, backend="auto", progress: bool = False, **options
) -> Comparison:
    """Run the whole chain on ``corpus``, entity by entity.

    Options (keyword-only): ``lexicon`` (a :class:`trendkz.Lexicon`, a dict, a path, or
    ``None`` for the built-in counter-terrorism lexicon), ``min_similarity`` (alignment
    threshold; ``None`` = the aligner's default), ``terms_by`` (``"doc"``, ``"section"``
    or ``"group"``). ``workers`` (``None`` = all cores) and ``backend`` (``"auto"``,
    ``"serial"``, ``"processes"``, ``"dask"`` or a ``dask.distributed.Client``) spread the
    entities; the frames are identical whatever the workers and backend.

    Returns
    -------
    Comparison
        With frames ``documents, chrome, sections, alignment, sentences, changes, terms,
        facts, fact_changes, corroboration`` (each documented with its compute function),
        all carrying ``entity`` where it applies.
    """
    from .._core.parallel import map_parts

    opts = _check_options(options)
    from .._core.schema import require_corpus

    require_corpus(corpus, fn="compare")
    if len(corpus) == 0:
        raise OptionError("compare: the corpus is empty")
    parts = corpus.by_entity()
    results = map_parts(
        _chain,
        parts,
        workers=workers,
        backend=backend,
        progress=progress and len(parts) > 1,
        opts=opts,
    )
    frames = _combine(results)
    recorded = recorded_options(opts)
    return Comparison(options=recorded, origin=corpus.origin, **frames)
