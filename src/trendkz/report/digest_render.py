"""Renderings of a digest frame: Markdown, LaTeX (booktabs) and an HTML fragment.

Each groups the items by entity and document pair, in the frame's order, and prints every
item's headline, kind, score and citations (document, section heading, character span and
quote). Output depends only on the frame: the same frame gives the same bytes.
"""

from __future__ import annotations

import html

import pandas as pd

from .._core import schema
from .timeaxis import pair_label

__all__ = ["latex_escape", "to_html", "to_latex", "to_markdown"]

_LATEX = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_MD = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


#: the columns that name a pair of documents: the digest frame's order less its rank
PAIR_KEYS = schema.FRAMES["digest"][1][:-1]


def latex_escape(text) -> str:
    """``text`` with LaTeX's special characters escaped."""
    return "".join(_LATEX.get(ch, ch) for ch in str(text))


def _groups(frame: pd.DataFrame):
    keys = [k for k in PAIR_KEYS if k in frame.columns]
    if frame.empty:
        return
    seen = frame[keys].drop_duplicates()
    for k in seen.itertuples(index=False):
        part = frame[(frame["doc_from"] == k.doc_from) & (frame["doc_to"] == k.doc_to)]
        yield k, part


def _cites(r) -> list[tuple[str, str, str, int, int, str]]:
    out = []
    for side, year, doc in (("from", r.year_from, r.doc_from), ("to", r.year_to, r.doc_to)):
        if not schema.is_missing(getattr(r, f"start_{side}")):
            out.append(
                (
                    str(year),
                    str(doc),
                    str(getattr(r, f"heading_{side}") or ""),
                    int(getattr(r, f"start_{side}")),
                    int(getattr(r, f"end_{side}")),
                    str(getattr(r, f"quote_{side}")),
                )
            )
    return out


def to_markdown(frame: pd.DataFrame) -> str:
    """Markdown: ``#`` title, ``##`` per pair, a numbered item per change."""
    lines = ["# What changed", ""]
    if frame.empty:
        return "# What changed\n\nNo document pairs to compare.\n"
    for k, part in _groups(frame):
        lines += [f"## {k.entity}: {pair_label(k._asdict())}", ""]
        lines += [f"*{k.series}*: `{k.doc_from}` → `{k.doc_to}`", ""]
        for r in part.itertuples(index=False):
            lines.append(
                f"{r.rank}. **{str(r.headline).translate(_MD)}** "
                f"({r.kind}; score {r.score:.2f} = {str(r.score_detail).translate(_MD)})"
            )
            for year, _doc, head, s, e, quote in _cites(r):
                where = f"“{head.translate(_MD)}”, " if head else ""
                lines.append(f"   - {year}, {where}chars {s}–{e}: > {quote.translate(_MD)}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_latex(frame: pd.DataFrame) -> str:
    """One ``table`` per pair (booktabs rules, ``\\small``), ready for ``\\input``.

    Needs ``\\usepackage{booktabs}`` in the preamble. Text is escaped; quotes keep their
    typographic marks (use a UTF-8 engine or ``inputenc``).
    """
    out = ["% trendkz digest: \\usepackage{booktabs} required"]
    if frame.empty:
        return out[0] + "\n% no document pairs to compare\n"
    for k, part in _groups(frame):
        cap = latex_escape(f"{k.entity}: what changed from {pair_label(k._asdict(), ' to ')}")
        out += [
            "\\begin{table}[htbp]",
            "\\centering\\small",
            f"\\caption{{{cap}}}",
            "\\begin{tabular}{@{}r p{0.36\\linewidth} p{0.50\\linewidth}@{}}",
            "\\toprule",
            "\\# & Change & Citation \\\\",
            "\\midrule",
        ]
        for r in part.itertuples(index=False):
            cites = " \\newline ".join(
                f"{latex_escape(year)}, {latex_escape(head) + ', ' if head else ''}"
                f"{s}--{e}: ``{latex_escape(quote)}''"
                for year, doc, head, s, e, quote in _cites(r)
            )
            out.append(
                f"{r.rank} & {latex_escape(r.headline)} \\newline "
                f"\\emph{{{latex_escape(r.kind)}, {r.score:.2f}}} & {cites} \\\\"
            )
        out += ["\\bottomrule", "\\end{tabular}", "\\end{table}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_html(frame: pd.DataFrame, entity: str | None = None) -> str:
    """An HTML fragment: a heading and a table per pair (for one entity, or all)."""
    if entity is not None:
        frame = frame[frame["entity"] == entity]
    if frame.empty:
        return "<p class='note'>No changes to digest.</p>"
    e = html.escape
    parts = []
    for k, part in _groups(frame):
        parts.append(
            f"<h3>{e(str(k.entity))}: {e(pair_label(k._asdict()))}</h3>"
            "<table class='digest'><thead><tr><th>#</th><th>change</th><th>kind</th>"
            "<th>score</th><th>citations</th></tr></thead><tbody>"
        )
        for r in part.itertuples(index=False):
            cites = "<br>".join(
                f"{e(year)}, {('“' + e(head) + '”, ') if head else ''}{s}–{e_}: <q>{e(quote)}</q>"
                for year, doc, head, s, e_, quote in _cites(r)
            )
            parts.append(
                f"<tr><td>{r.rank}</td><td>{e(str(r.headline))}</td><td>{e(str(r.kind))}</td>"
                f"<td title='{e(str(r.score_detail))}'>{r.score:.2f}</td><td>{cites}</td></tr>"
            )
        parts.append("</tbody></table>")
    return "\n".join(parts)
