"""Output contracts of the CLI on the real seeds (issue 24, items 4 and 5):
one JSON document per --format json, complete csv, JSON lines; one-line
errors with the README's exit codes; "did you mean"; names resolved alike by
show, leaderboard, query params and presets; build output said once."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import EXIT_FAIL, EXIT_USAGE, main

REPO = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(res, code: int) -> str:
    """The result is exit ``code`` with a single 'Error: ...' line, no traceback."""
    assert res.exit_code == code, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    text = res.output.strip()
    assert "Traceback" not in text and "\n" not in text, text
    assert text.startswith("Error: "), text
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory, seeds_dir):
    """The seeds built through the CLI once; (store path, build output)."""
    store = tmp_path_factory.mktemp("contracts") / "store"
    res = run("build", seeds_dir, "--store", store)
    assert res.exit_code == 0, res.output
    return store, res.output


# -- 5. build output ----------------------------------------------------------------
def test_build_prints_its_summary_once_without_ids(built):
    store, output = built
    lines = [x for x in output.splitlines() if x.strip()]
    assert len(lines) == 1, output  # no counts table (that is `kg stats`), no acronym list
    assert re.match(r"built 362 papers, \d+ entities written in [\d.]+s into .*; 10 ambiguous acronym\(s\) kept apart "
                    r"\(kg entities --ambiguous\)$", lines[0]), lines[0]
    assert "continuallearning" not in output and "node:Paper" not in output
    stats = run("stats", "--store", store).output
    assert stats.count("Paper") == 1  # the counts appear once: in `kg stats`


def test_entities_ambiguous_lists_names_not_ids(built):
    res = run("entities", "--ambiguous", "--store", built[0], "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    by_short = {r["short form"]: r["long forms"] for r in rows}
    assert len(rows) == 10
    assert by_short["CL"] == "continual learning | curriculum learning"
    assert by_short["PBT"] == "Population Based Training | Prototypical Back Translation"
    assert not any(re.fullmatch(r"[a-z]{12,}", f) for v in by_short.values() for f in v.split(" | "))


def test_progress_advances_per_record(seeds_dir, tmp_path):
    """The bar moves while papers are extracted, long before the first batch
    of 256 is written (it used to sit at 0, then jump to 256)."""
    from kg.build import build
    from kg.stores import open_store

    store = open_store(str(tmp_path / "s"))
    calls: list[int] = []
    seen_at_first_write: list[int] = []
    write = store.write_papers

    def spy(papers):
        seen_at_first_write.append(sum(calls))
        return write(papers)

    store.write_papers = spy
    try:
        build([str(seeds_dir)], store, fast=True, progress=calls.append)
    finally:
        store.close()
    assert set(calls) == {1} and sum(calls) == 362
    assert seen_at_first_write[0] == 256  # every one of the first batch was counted before it was written


# -- 4. one JSON document, complete csv, JSON lines -----------------------------------------
def test_show_json_is_one_document(built):
    res = run("show", "CL", "--store", built[0], "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)  # one document (was two concatenated arrays)
    assert {d["name"] for d in doc} == {"continual learning", "curriculum learning"}
    assert all({"family", "relations", "id", "type"} <= set(d) for d in doc)
    assert any(r["relation"] == "ADDRESSES" for d in doc for r in d["relations"])


def test_show_csv_is_one_table_and_jsonl_its_rows(built):
    res = run("show", "ImageNet", "--store", built[0], "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout)))
    header = rows[0]
    assert header[:4] == ["entity_id", "entity", "type", "section"]
    assert all(len(r) == len(header) for r in rows)
    sections = {r[3] for r in rows[1:]}
    assert sections == {"family", "relation"}
    assert any(r[3] == "family" and r[6] == "ILSVRC" for r in rows[1:])
    jl = run("show", "ImageNet", "--store", built[0], "--format", "jsonl")
    objs = [json.loads(x) for x in jl.stdout.splitlines()]
    assert len(objs) == len(rows) - 1 and set(objs[0]) == set(header)


def test_stats_csv_keeps_the_top_entities(built):
    res = run("stats", "--store", built[0], "--format", "csv", "--top", "3")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["section"] for r in rows} == {"node", "relationship", "top"}
    assert [r for r in rows if r["section"] == "node" and r["type"] == "Paper"][0]["count"] == "362"
    top = [r for r in rows if r["section"] == "top"]
    assert len(top) == 15 and any(r["name"] == "ImageNet" for r in top)
    jl = run("stats", "--store", built[0], "--format", "jsonl", "--top", "3")
    assert [json.loads(x) for x in jl.stdout.splitlines()] == [
        {k: (int(v) if k == "count" else v) for k, v in r.items()} for r in rows]


def test_every_json_format_parses(built):
    store = built[0]
    for args in (["stats"], ["entities", "--top", "5"], ["show", "GLUE"], ["leaderboard", "--dataset", "ImageNet"],
                 ["query", "--preset", "top-datasets", "--param", "limit=3"], ["presets"]):
        res = run(*args, *(["--store", store] if args[0] != "presets" else []), "--format", "json")
        assert res.exit_code == 0, (args, res.output)
        json.loads(res.stdout)
        res = run(*args, *(["--store", store] if args[0] != "presets" else []), "--format", "jsonl")
        assert res.exit_code == 0, (args, res.output)
        assert all(isinstance(json.loads(x), dict) for x in res.stdout.splitlines())


# -- 4. one-line errors with the README's exit codes -------------------------------------
def test_missing_output_directory_is_a_usage_error(built, tmp_path, seeds_dir):
    missing = tmp_path / "missing-dir"
    msg = one_line_error(run("export", "-o", missing / "x.ttl", "--store", built[0]), EXIT_USAGE)
    assert str(missing) in msg
    one_line_error(run("view", "-o", missing / "v.html", "--store", built[0]), EXIT_USAGE)
    one_line_error(run("extract", seeds_dir, "-o", missing / "x.jsonl", "--fast"), EXIT_USAGE)
    one_line_error(run("export", "--format", "nt-shards", missing / "deeper" / "d", "--store", built[0]), EXIT_USAGE)
    assert not missing.exists()  # never created on the fly


def test_unknown_prefix_is_short_and_clear(built):
    msg = one_line_error(run("query", "SELECT ?x WHERE { ?x foo:bar ?y }", "--store", built[0]), EXIT_FAIL)
    assert "unknown prefix foo:" in msg and "line 1" in msg and len(msg) < 200
    msg = one_line_error(run("query", "SELECT ?x WHERE { ?x kg:uses ?y ", "--store", built[0]), EXIT_FAIL)
    assert "syntax error" in msg and len(msg) < 200


def test_leaderboard_unknown_dataset_is_an_error(built):
    one_line_error(run("leaderboard", "--dataset", "NoSuchDataset", "--store", built[0]), EXIT_FAIL)
    msg = one_line_error(run("leaderboard", "--dataset", "ImageNett", "--store", built[0]), EXIT_FAIL)
    assert "did you mean 'ImageNet'" in msg
    msg = one_line_error(run("leaderboard", "--dataset", "ImageNet", "--metric", "acuracy", "--store", built[0]), EXIT_FAIL)
    assert "did you mean 'accuracy'" in msg


def test_build_of_an_unknown_format_exits_1_without_a_store(tmp_path):
    store = tmp_path / "store"
    msg = one_line_error(run("build", REPO / "README.md", "--store", store), EXIT_FAIL)
    assert "README.md" in msg and "unknown input format" in msg
    assert not store.exists()


def test_show_did_you_mean(built):
    msg = one_line_error(run("show", "ImageNett", "--store", built[0]), EXIT_FAIL)
    assert "did you mean 'ImageNet'" in msg
    msg = one_line_error(run("query", "--preset", "methods-on", "--param", "dataset=ImageNett", "--store", built[0]),
                         EXIT_FAIL)
    assert "did you mean 'ImageNet'" in msg


# -- 4. names resolved alike everywhere ------------------------------------------------------
README_SPARQL = re.search(r"```sparql\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S).group(1)


@pytest.mark.parametrize("typed", ["imagenet", "IMAGENET", "ILSVRC", "ilsvrc"])
def test_typed_names_match_any_case_and_alias(built, typed):
    store = built[0]

    def out(*args):
        res = run(*args, "--store", store, "--format", "json")
        assert res.exit_code == 0, (args, res.output)
        return json.loads(res.stdout)

    expected = out("query", README_SPARQL, "--param", "name=ImageNet")
    assert len(expected) >= 10
    assert out("query", README_SPARQL, "--param", f"name={typed}") == expected
    assert out("query", "--preset", "methods-on", "--param", f"dataset={typed}") == \
        out("query", "--preset", "methods-on", "--param", "dataset=ImageNet")
    board = out("leaderboard", "--dataset", typed)
    assert board and board == out("leaderboard", "--dataset", "ImageNet")
    shown = out("show", typed)
    assert [d["name"] for d in shown] == ["ImageNet"]


def test_param_is_bound_not_pasted(built):
    """A name with SPARQL syntax in it is a value: no injection, no error."""
    res = run("query", README_SPARQL, "--param", 'name=x" } ?a ?b ?c { "', "--store", built[0], "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.splitlines()[-1] if res.output.startswith("note") else res.output) == []


# -- the README stays true -----------------------------------------------------------------
def _readme_block(heading: str) -> list[list[str]]:
    import shlex

    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(re.escape(heading) + r".*?```bash\n(.*?)```", text, re.S).group(1)
    return [shlex.split(line.split("  #", 1)[0])[1:] for line in block.splitlines() if line.startswith("kg ")]


def test_readme_questions_and_views_run_as_written(built, tmp_path):
    """Every command of the README's "Questions, views and checks" block, on the seeds
    (-o paths go to a temporary directory; kg validate has its own test)."""
    commands = _readme_block("## Questions, views and checks")
    assert any(c[0] == "view" for c in commands) and any("--ambiguous" in c for c in commands)
    for args in commands:
        if args[0] == "validate":
            continue
        args = [str(tmp_path / Path(a).name) if i and args[i - 1] == "-o" else a for i, a in enumerate(args)]
        res = run(*args, "--store", built[0])
        assert res.exit_code == 0, (args, res.output[-500:])
        assert res.stdout.strip(), args
