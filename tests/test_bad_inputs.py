"""The table of bad inputs: every public entry point answers careless or hostile input with
one TrendkzError subclass saying what and where, never a raw Python error or a hang."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import trendkz
from trendkz import CorpusError, InputError, Lexicon, ManifestError, OptionError

GOOD = "Annual report 2019\n\nIn 2019, the ministry opened 40 new schools.\n"


def _folder(tmp):
    src = tmp / "src"
    src.mkdir(exist_ok=True)
    (src / "r.txt").write_text(GOOD)
    return src


def _file(tmp, name, data: bytes):
    path = tmp / name
    path.write_bytes(data)
    return path


def _fifo(tmp):
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


def _frame(**cols):
    return pd.DataFrame({"text": [GOOD], **{k: [v] for k, v in cols.items()}})


# kind of input -> (call, expected error, words the message holds)
TABLE = {
    "load_corpus(None)": (lambda t: trendkz.load_corpus(None), CorpusError, "cannot load"),
    "load_corpus(123)": (lambda t: trendkz.load_corpus(123), CorpusError, "cannot load"),
    "load_corpus(bytes)": (lambda t: trendkz.load_corpus(b"text"), CorpusError, "cannot load"),
    "load_corpus('')": (lambda t: trendkz.load_corpus(""), CorpusError, "empty path"),
    "load_corpus([None])": (lambda t: trendkz.load_corpus([None]), CorpusError, "not a file path"),
    "missing folder": (lambda t: trendkz.load_corpus(t / "nope"), CorpusError, "no such"),
    "empty list": (lambda t: trendkz.load_corpus([]), CorpusError, "empty list"),
    "0-byte file": (lambda t: trendkz.load_corpus([_file(t, "e.txt", b"")]), InputError, "empty"),
    "binary file": (
        lambda t: trendkz.load_corpus([_file(t, "b.txt", b"\x00\x01" * 100)]),
        InputError,
        "binary",
    ),
    "control characters": (
        lambda t: trendkz.load_corpus([_file(t, "c.txt", b"\x01\x02\x03" * 10)]),
        InputError,
        "binary",
    ),
    "FIFO as a file": (lambda t: trendkz.load_corpus([_fifo(t)]), InputError, "regular file"),
    "folder as a file": (lambda t: trendkz.load_corpus([_folder(t)]), InputError, "unsupported"),
    "unsupported suffix": (
        lambda t: trendkz.load_corpus([_file(t, "x.exe", b"MZ")]),
        InputError,
        "unsupported",
    ),
    "folder with only a report": (
        lambda t: (
            trendkz.compare(trendkz.load_corpus(_folder(t))).save(t / "src" / "out"),
            (t / "src" / "r.txt").unlink(),
            trendkz.load_corpus(t / "src"),
        ),
        CorpusError,
        "no documents",
    ),
    "0-byte manifest": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=_file(t, "m.csv", b"")),
        ManifestError,
        "m.csv",
    ),
    "manifest is a folder": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=_folder(t)),
        ManifestError,
        "not a file",
    ),
    "manifest is a FIFO": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=_fifo(t)),
        ManifestError,
        "not a file",
    ),
    "manifest not UTF-8": (
        lambda t: trendkz.load_corpus(
            _folder(t),
            manifest=_file(t, "m.csv", "file,year\nr.txt,2019\n\xe9,\n".encode("cp1252")),
        ),
        ManifestError,
        "readable",
    ),
    "manifest without file column": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=pd.DataFrame({"x": [1]})),
        ManifestError,
        "'file' column",
    ),
    "manifest names a missing file": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=pd.DataFrame({"file": ["no.txt"]})),
        ManifestError,
        "does not exist",
    ),
    "manifest names ../x.txt": (
        lambda t: trendkz.load_corpus(_folder(t), manifest=pd.DataFrame({"file": ["../x.txt"]})),
        ManifestError,
        "outside the corpus folder",
    ),
    "manifest names an absolute path": (
        lambda t: trendkz.load_corpus(
            _folder(t), manifest=pd.DataFrame({"file": [str(_file(t, "x.txt", GOOD.encode()))]})
        ),
        ManifestError,
        "allow_outside=True",
    ),
    "manifest year 0000": (
        lambda t: trendkz.load_corpus(
            _folder(t), manifest=pd.DataFrame({"file": ["r.txt"], "year": ["0000"]})
        ),
        ManifestError,
        "bad year",
    ),
    "manifest year 9999": (
        lambda t: trendkz.load_corpus(
            _folder(t), manifest=pd.DataFrame({"file": ["r.txt"], "year": ["9999"]})
        ),
        ManifestError,
        "bad year",
    ),
    "frame year 2010.7": (
        lambda t: trendkz.load_corpus(_frame(year=2010.7)),
        ManifestError,
        "bad year",
    ),
    "frame year -5": (lambda t: trendkz.load_corpus(_frame(year=-5)), ManifestError, "bad year"),
    "frame year True": (
        lambda t: trendkz.load_corpus(_frame(year=True)),
        ManifestError,
        "bad year",
    ),
    "frame year 'abc'": (
        lambda t: trendkz.load_corpus(_frame(year="abc")),
        ManifestError,
        "bad year",
    ),
    "frame year inf": (
        lambda t: trendkz.load_corpus(_frame(year=float("inf"))),
        ManifestError,
        "bad year",
    ),
    "frame year Timestamp": (
        lambda t: trendkz.load_corpus(_frame(year=pd.Timestamp("2019-01-01"))),
        ManifestError,
        "bad year",
    ),
    "frame text None": (
        lambda t: trendkz.load_corpus(pd.DataFrame({"text": [None]})),
        InputError,
        "empty or not a string",
    ),
    "frame without text": (
        lambda t: trendkz.load_corpus(pd.DataFrame({"x": [1]})),
        CorpusError,
        "'text' column",
    ),
    "allow_outside='yes'": (
        lambda t: trendkz.load_corpus(_folder(t), allow_outside="yes"),
        OptionError,
        "allow_outside",
    ),
    "lexicon file not UTF-8": (
        lambda t: Lexicon.from_file(_file(t, "l.txt", "террор*\n".encode("cp1251"))),
        InputError,
        "not UTF-8",
    ),
    "lexicon file is a FIFO": (lambda t: Lexicon.from_file(_fifo(t)), InputError, "regular file"),
    "lexicon file is a folder": (
        lambda t: Lexicon.from_file(_folder(t)),
        InputError,
        "regular file",
    ),
    "lexicon file missing": (lambda t: Lexicon.from_file(t / "no.txt"), InputError, "cannot read"),
    "lexicon pattern '*'": (lambda t: Lexicon(["*"]), InputError, "has no letter"),
    "lexicon pattern '-'": (lambda t: Lexicon({"t": "-"}), InputError, "has no letter"),
    "lexicon pattern ''": (lambda t: Lexicon({"t": ""}), InputError, "empty pattern"),
    "lexicon of one string": (lambda t: Lexicon("terror*"), OptionError, "not one string"),
    "compare(None)": (lambda t: trendkz.compare(None), InputError, "Corpus"),
    "compare(DataFrame)": (lambda t: trendkz.compare(pd.DataFrame()), InputError, "Corpus"),
    "split_sections('text')": (lambda t: trendkz.split_sections("text"), InputError, "Corpus"),
    "split_sentences(None)": (lambda t: trendkz.split_sentences(None), InputError, "DataFrame"),
    "section_tree(frame without columns)": (
        lambda t: trendkz.section_tree(pd.DataFrame({"x": [1]})),
        InputError,
        "lacks columns",
    ),
    "extract_facts(None)": (lambda t: trendkz.extract_facts(None), InputError, "DataFrame"),
    "count_terms(None)": (lambda t: trendkz.count_terms(None), InputError, "sections frame"),
    "plot_terms(None)": (lambda t: trendkz.plot_terms(None), OptionError, "DataFrame"),
    "diff_text(123, str)": (lambda t: trendkz.diff_text(123, "a"), InputError, "two strings"),
}


@pytest.mark.parametrize("kind", list(TABLE))
def test_bad_input_gives_one_clear_error(tmp_path, kind):
    if "FIFO" in kind and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    call, error, words = TABLE[kind]
    with pytest.raises(error, match=words):
        call(tmp_path)
