"""Hardening: a directory of broken, odd and hostile inputs builds anyway.

Every file below is generated in ``tmp_path`` with a known number of records,
of which a known set is good. ``kg build DIR --rejects rej.jsonl`` must
complete with exit code 3, report each bad record (file, line, reason) on
stderr and in the rejects file, and store every good record (checked by
title through SPARQL). ``pytest -s`` prints a per-case table: records in the
file, records expected to arrive, records that arrived, rejects reported.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.stores import open_store

ABSTRACT = ("We propose {name}, a method for image classification, and evaluate it on ImageNet and CIFAR-10. "
            "{name} improves top-1 accuracy by 2.1% over ResNet-50 while using 3x fewer parameters.")
#: spaCy's default ``nlp.max_length`` is 1,000,000 characters; this abstract is ten times that.
HUGE_CHARS = 10_000_000


def abstract(name: str) -> str:
    return ABSTRACT.format(name=name)


@dataclass
class Case:
    """One generated input file: how many records it has, which titles must arrive,
    and which (line, reason pattern) rejects must be reported for it."""

    name: str
    file: str
    records: int
    good: list[str]
    rejects: list[tuple[int, str]] = field(default_factory=list)  # (line, regex on the reason)


def _jsonl(rows: list[dict | str]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def make_inputs(d: Path) -> list[Case]:
    """Write the bad-input corpus into ``d``; return the cases."""
    cases: list[Case] = []

    # 1. malformed JSON lines among good ones
    rows = [
        {"title": "Good JSONL Alpha", "abstract": abstract("AlphaNet")},
        '{"title": "Broken", "abstract": "unterminated',
        {"title": "Good JSONL Beta", "abstract": abstract("BetaNet")},
        "[1, 2, 3]",
        "not json at all",
        {"title": "Good JSONL Gamma", "abstract": abstract("GammaNet")},
    ]
    (d / "01_mixed.jsonl").write_text(_jsonl(rows), encoding="utf-8")
    cases.append(Case("malformed JSON lines", "01_mixed.jsonl", 6, ["Good JSONL Alpha", "Good JSONL Beta", "Good JSONL Gamma"],
                      [(2, "invalid JSON"), (4, "expected a JSON object"), (5, "invalid JSON")]))

    # 2. missing / empty / non-text abstract
    rows = [
        {"title": "No Abstract Key"},
        {"title": "Empty Abstract", "abstract": ""},
        {"title": "Blank Abstract", "abstract": "   \n\t "},
        {"title": "Null Abstract", "abstract": None},
        {"title": "Numeric Abstract", "abstract": 42},
        {"title": "Good After Missing", "abstract": abstract("DeltaNet")},
    ]
    (d / "02_missing_abstract.jsonl").write_text(_jsonl(rows), encoding="utf-8")
    cases.append(Case("missing/empty abstract", "02_missing_abstract.jsonl", 6, ["Good After Missing"],
                      [(1, "missing abstract"), (2, "missing abstract"), (3, "missing abstract"),
                       (4, "missing abstract"), (5, "abstract is not text")]))

    # 3. CSV without an abstract column
    (d / "03_no_abstract_col.csv").write_text(
        "title,summary,date\nNo Abstract Column One,some text,2020-01-01\nNo Abstract Column Two,more,2020-01-02\n",
        encoding="utf-8")
    cases.append(Case("CSV: no abstract column", "03_no_abstract_col.csv", 2, [],
                      [(1, "no 'abstract' or 'text' column")]))

    # 4. CSV rows with too many / too few fields
    csv_text = (
        "title,abstract,date\n"
        f"Good CSV One,\"{abstract('EpsilonNet')}\",2021-01-01\n"
        "Too Many Fields,some abstract,2021-01-02,extra,fields\n"
        "Too Few Fields\n"
        f"Good CSV Two,\"{abstract('ZetaNet')}\",2021-01-03\n"
    )
    (d / "04_bad_rows.csv").write_text(csv_text, encoding="utf-8")
    cases.append(Case("CSV: wrong field counts", "04_bad_rows.csv", 4, ["Good CSV One", "Good CSV Two"],
                      [(3, "expected 3 fields, got 5"), (4, "expected 3 fields, got 1")]))

    # 5. Latin-1 CSV
    latin = ("title,abstract\n"
             f"Réseaux Über Naïve,\"{abstract('EtaNet')} Café résumé.\"\n"
             f"Señor Ñandú Model,\"{abstract('ThetaNet')}\"\n")
    (d / "05_latin1.csv").write_bytes(latin.encode("latin-1"))
    cases.append(Case("Latin-1 CSV", "05_latin1.csv", 2, ["Réseaux Über Naïve", "Señor Ñandú Model"]))

    # 6. UTF-16 (BOM) JSONL
    rows = [{"title": "UTF16 Ünïcode Paper", "abstract": abstract("IotaNet") + " Ωμέγα."},
            {"title": "UTF16 Second", "abstract": abstract("KappaNet")}]
    (d / "06_utf16.jsonl").write_bytes(codecs.BOM_UTF16_LE + _jsonl(rows).encode("utf-16-le"))
    cases.append(Case("UTF-16 (BOM) JSONL", "06_utf16.jsonl", 2, ["UTF16 Ünïcode Paper", "UTF16 Second"]))

    # 7. NUL bytes inside and between records
    good = json.dumps({"title": "NUL Bytes Paper", "abstract": abstract("LambdaNet")}).encode()
    data = good[:20] + b"\x00\x00" + good[20:] + b"\n\x00\x00\x00\n" + \
        json.dumps({"title": "After NULs", "abstract": abstract("MuNet")}).encode() + b"\x00\n"
    (d / "07_nul.jsonl").write_bytes(data)
    cases.append(Case("NUL bytes", "07_nul.jsonl", 2, ["NUL Bytes Paper", "After NULs"]))

    # 8. HTML and TeX junk in titles and abstracts (kept raw)
    rows = [
        {"title": "<b>Bold</b> HTML &amp; Title", "abstract": "<p>We propose <i>NuNet</i> &mdash; it beats ResNet-50 on "
                                                                "ImageNet by 1.5%.</p><br/><script>x()</script>"},
        {"title": r"\textbf{TeX} Title with $\alpha$-Nets", "abstract": r"We propose $\mathcal{X}$i-Net~\cite{foo}, reaching "
                                                                           r"$92.3\%$ accuracy on CIFAR-10 \citep{bar}."},
    ]
    (d / "08_junk.jsonl").write_text(_jsonl(rows), encoding="utf-8")
    cases.append(Case("HTML and TeX junk", "08_junk.jsonl", 2, [rows[0]["title"], rows[1]["title"]]))

    # 9. empty files (0 bytes, whitespace only)
    (d / "09_empty.jsonl").write_bytes(b"")
    cases.append(Case("empty file (0 bytes)", "09_empty.jsonl", 0, [], [(0, "empty file")]))
    (d / "10_blank.csv").write_text("\n  \n\n", encoding="utf-8")
    cases.append(Case("empty file (blank lines)", "10_blank.csv", 0, [], [(0, "empty file")]))

    # 11. binary junk with an unknown extension
    (d / "11_blob.bin").write_bytes(bytes(range(256)) * 8 + os.urandom(512))
    cases.append(Case("unknown format (binary)", "11_blob.bin", 0, [], [(0, "unknown input format")]))

    # 12. truncated gzip JSONL: complete lines before the cut arrive
    rows = [{"title": f"Gzip Paper {i}", "abstract": abstract(f"Gz{i}Net") + " " + "filler text " * 40} for i in range(40)]
    blob = gzip.compress(_jsonl(rows).encode("utf-8"))
    (d / "12_truncated.jsonl.gz").write_bytes(blob[: len(blob) * 2 // 3])
    # how many complete lines survive the cut is computed below, from the bytes
    cases.append(Case("truncated gzip JSONL", "12_truncated.jsonl.gz", 40, [], [(-1, "truncated or corrupt gzip")]))

    return cases


def _gzip_complete_titles(path: Path) -> list[str]:
    """Titles of the complete lines readable from a truncated gzip."""
    import zlib

    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = d.decompress(path.read_bytes())
    lines = data.split(b"\n")[:-1]  # the last piece is cut
    return [json.loads(x)["title"] for x in lines]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad-input")
    inputs = d / "inputs"
    inputs.mkdir()
    cases = make_inputs(inputs)
    gz = next(c for c in cases if c.file.endswith(".gz"))
    gz.good = _gzip_complete_titles(inputs / gz.file)
    assert 0 < len(gz.good) < gz.records
    gz.rejects = [(len(gz.good) + 1, "truncated or corrupt gzip")]
    store, rej = d / "store", d / "rej.jsonl"
    res = CliRunner().invoke(main, ["build", str(inputs), "--store", str(store), "--rejects", str(rej)])
    return cases, inputs, store, rej, res


def _arrived(store_path: Path) -> tuple[int, set[str], dict[str, str]]:
    store = open_store(str(store_path), read_only=True)
    try:
        n = store.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }").rows[0][0]
        rows = store.query("SELECT ?t ?a WHERE { ?p a kg:Paper ; dcterms:title ?t ; dcterms:abstract ?a }").rows
    finally:
        store.close()
    return n, {t for t, _ in rows}, {t: a for t, a in rows}


def test_bad_input_build(built):
    cases, inputs, store, rej, res = built
    if res.exception and not isinstance(res.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(res.exception))
        pytest.fail(f"build crashed (exit {res.exit_code}): {tb[-3000:]}")
    stderr = res.stderr if hasattr(res, "stderr") else res.output
    n_papers, titles, abstracts = _arrived(store)
    rejects = [json.loads(x) for x in rej.read_text(encoding="utf-8").splitlines()] if rej.exists() else []

    # per-case table (pytest -s)
    lines = [f"{'case':<28} {'file':<26} {'records':>7} {'good':>5} {'arrived':>7} {'rejects':>7}"]
    problems = []
    for c in cases:
        path = str(inputs / c.file)
        got = [t for t in c.good if t in titles]
        mine = [r for r in rejects if r["file"] == path]
        lines.append(f"{c.name:<28} {c.file:<26} {c.records:>7} {len(c.good):>5} {len(got):>7} {len(mine):>7}")
        if len(got) != len(c.good):
            problems.append(f"{c.file}: missing {sorted(set(c.good) - set(got))}")
        for line, pattern in c.rejects:
            if not any(r["line"] == line and re.search(pattern, r["reason"]) for r in mine):
                problems.append(f"{c.file}: no reject at line {line} matching {pattern!r}; got {mine}")
            if not re.search(rf"{re.escape(path)}:{line}: .*{pattern}", stderr):
                problems.append(f"{c.file}:{line} ({pattern}) not on stderr")
        if len(mine) != len(c.rejects):
            problems.append(f"{c.file}: expected {len(c.rejects)} rejects, got {mine}")
    total_good = sum(len(c.good) for c in cases)
    lines.append(f"{'TOTAL':<28} {'':<26} {sum(c.records for c in cases):>7} {total_good:>5} "
                 f"{sum(1 for c in cases for t in c.good if t in titles):>7} {len(rejects):>7}")
    print("\n" + "\n".join(lines))
    print(f"exit code {res.exit_code}; {n_papers} Paper nodes")

    assert not problems, "\n".join(problems)
    assert res.exit_code == 3, stderr[-2000:]
    assert f"{len(rejects)} record(s) rejected" in stderr
    assert n_papers == total_good  # nothing but the good records arrived
    # raw text kept: junk, NULs removed, decoding right
    assert abstracts["<b>Bold</b> HTML &amp; Title"].startswith("<p>We propose <i>NuNet</i> &mdash;")
    assert "Café résumé." in abstracts["Réseaux Über Naïve"]
    assert "Ωμέγα." in abstracts["UTF16 Ünïcode Paper"]
    assert all("\x00" not in a for a in abstracts.values())


def test_rejects_file_format(built):
    _, inputs, _, rej, _ = built
    for line in rej.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        assert set(r) == {"file", "line", "reason"}
        assert Path(r["file"]).parent == inputs and isinstance(r["line"], int) and r["reason"]


def test_extract_same_rejects(built, tmp_path):
    """``kg extract`` reports the same rejects as ``kg build``."""
    cases, inputs, _, rej, _ = built
    out, rej2 = tmp_path / "out.jsonl", tmp_path / "rej2.jsonl"
    res = CliRunner().invoke(main, ["extract", str(inputs), "-o", str(out), "--rejects", str(rej2), "-q"])
    assert res.exit_code == 3, res.output
    want = sorted((Path(r["file"]).name, r["line"], r["reason"]) for r in map(json.loads, rej.read_text().splitlines()))
    got = sorted((Path(r["file"]).name, r["line"], r["reason"]) for r in map(json.loads, rej2.read_text().splitlines()))
    assert got == want
    titles = {json.loads(x)["title"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert titles == {t for c in cases for t in c.good}


def test_huge_abstract(tmp_path):
    """A 10 MB abstract (10x spaCy's ``nlp.max_length``): the record is kept
    with its raw abstract, extraction runs on a bounded prefix, the build
    neither crashes nor rejects it, and the papers after it arrive."""
    d = tmp_path / "in"
    d.mkdir()
    unit = abstract("HugeNet") + " "
    huge = (unit * (HUGE_CHARS // len(unit) + 1))[:HUGE_CHARS]
    (d / "huge.jsonl").write_text(_jsonl([{"title": "Huge Abstract Paper", "abstract": huge},
                                          {"title": "Small After Huge", "abstract": abstract("OmicronNet")}]),
                                  encoding="utf-8")
    store, rej = tmp_path / "store", tmp_path / "rej.jsonl"
    res = CliRunner().invoke(main, ["build", str(d), "--store", str(store), "--rejects", str(rej), "-q"])
    if res.exception and not isinstance(res.exception, SystemExit):
        if "E088" in str(res.exception):
            # Known bug (kg/extract.py prepare() does not bound the text handed to spaCy):
            # the whole build dies with spaCy's ValueError [E088] after pass 1.
            pytest.xfail(f"build crashes on a 10 MB abstract: {str(res.exception)[:90]}")
        raise res.exception
    print(f"\n10 MB abstract: exit {res.exit_code}; rejects: {rej.read_text() if rej.exists() else ''!r}")
    assert res.exit_code == 0, res.output
    assert rej.read_text() == ""
    n, titles, abstracts = _arrived(store)
    assert n == 2 and titles == {"Huge Abstract Paper", "Small After Huge"}
    assert len(abstracts["Huge Abstract Paper"]) == HUGE_CHARS  # raw abstract stored whole
    st = open_store(str(store), read_only=True)
    try:  # extraction ran (on a prefix): the huge paper proposes or uses something
        rels = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?p dcterms:title ?t ; ?r ?e . ?e a kg:Entity }",
                        {"t": "Huge Abstract Paper"}).rows[0][0]
    finally:
        st.close()
    assert rels > 0
