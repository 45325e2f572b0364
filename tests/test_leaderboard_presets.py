"""Leaderboards and canned queries (presets): a hand-made tiny graph for exact
checks of sorting, matching and fields; the seeds for "real" rows; hostile
parameters; docs/queries.md kept verbatim in sync with the query texts."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest

from ontology.metrics import canonical_metric, comparable_value
from click.testing import CliRunner

from kg import leaderboard as lb
from kg.cli import main
from kg.cli import leaderboard as _lb_cmd  # noqa: F401  (registers `kg leaderboard`)
from kg.cli import presets_cmd
from kg.model import Entity, PaperGraph, Relation, Result, Span
from kg.presets import PRESETS, PresetError, run_preset
from kg.records import SourceRef
from kg.stores import EntityRecord, open_store
from ontology import EntityType as T
from ontology import RelationType as R
from ontology.metrics import HIGHER, LOWER, metric_direction, result_direction

REPO = Path(__file__).resolve().parents[1]
HOSTILE = ['"}; DROP ALL', "'; MATCH (n) DETACH DELETE n //", "} } DELETE WHERE { ?s ?p ?o }", 'x" || true || "',
           "\\", "{", "ImageNet\" } UNION { ?d ?x ?y", "$dataset", "?dsname", ""]

# -- a tiny hand-made graph ---------------------------------------------------
ENTITIES = [
    EntityRecord("imagenet", T.DATASET, "ImageNet", ["ImageNet", "ILSVRC 2012", "ImageNet-1k"]),
    EntityRecord("wikitext103", T.DATASET, "WikiText-103", ["WikiText-103", "WT103"]),
    EntityRecord("glue", T.BENCHMARK, "GLUE", ["GLUE"]),
    EntityRecord("sst2", T.DATASET, "SST-2", ["SST-2"], part_of="glue"),
    EntityRecord("top1accuracy", T.METRIC, "top-1 accuracy", ["top-1 accuracy", "Top-1 Acc"]),
    EntityRecord("perplexity", T.METRIC, "perplexity", ["perplexity", "PPL"]),
    EntityRecord("alphanet", T.METHOD, "AlphaNet", ["AlphaNet"]),
    EntityRecord("betanet", T.METHOD, "BetaNet", ["BetaNet"]),
    EntityRecord("gammalm", T.METHOD, "Gamma LM", ["Gamma LM"]),
    EntityRecord("deltanet", T.METHOD, "DeltaNet", ["DeltaNet"]),
    EntityRecord("languagemodeling", T.TASK, "language modeling", ["language modeling"]),
]
NAMES = {e.id: e.name for e in ENTITIES}


def _paper(pid: str, title: str, abstract: str, rels: list[tuple], results: list[dict], date: str | None = None) -> PaperGraph:
    """rels: (type, target, evidence text); results: value, unit, kind, text and metric/dataset/method."""
    def span(text: str) -> Span:
        i = abstract.index(text)
        return Span("abstract", i, i + len(text), text)

    def sentence(text: str) -> Span:
        return span(lb.sentence_around(abstract, abstract.index(text), abstract.index(text) + len(text)))

    ents = {t for _, t, _ in rels} | {r.get(k) for r in results for k in ("metric", "dataset", "method")} - {None}
    entities = [Entity(e, next(x.type for x in ENTITIES if x.id == e), NAMES[e], mentions=[span(NAMES[e])]) for e in sorted(ents)]
    relations = [Relation(rt, pid, target, sentence(ev), "test", 0.9) for rt, target, ev in rels]
    res = [Result(r["value"], r["unit"], r["kind"], span(r["text"]), r.get("metric"), r.get("dataset"), r.get("method"), r.get("qualifier"),
                  measure=r.get("measure")) for r in results]
    return PaperGraph(pid, f"title:{title.lower()}", title, abstract, date, [SourceRef("tiny.jsonl", 1)], {}, entities, relations, res)


PAPERS = [
    _paper("p1", "AlphaNet: fast classifiers",
           "We propose AlphaNet. On ImageNet, AlphaNet reaches 81.5% top-1 accuracy, e.g. better than the baseline. "
           "It is also up to 2.1x faster than BetaNet.",
           [(R.PROPOSES, "alphanet", "AlphaNet"), (R.EVALUATES_ON, "imagenet", "ImageNet"), (R.USES, "betanet", "BetaNet"),
            (R.MEASURES, "top1accuracy", "top-1 accuracy")],
           [dict(value=81.5, unit="%", kind="absolute", measure="accuracy", text="81.5%", metric="top1accuracy", dataset="imagenet", method="alphanet"),
            dict(value=2.1, unit="x", kind="ratio", measure="speedup", text="2.1x", dataset="imagenet", method="alphanet", qualifier="up to")],
           date="2023-02-01"),
    _paper("p2", "BetaNet for images and text",
           "BetaNet achieves 84.0% top-1 accuracy on ImageNet. Its perplexity on WikiText-103 is 18.3 in our runs.",
           [(R.PROPOSES, "betanet", "BetaNet"), (R.EVALUATES_ON, "imagenet", "ImageNet"), (R.EVALUATES_ON, "wikitext103", "WikiText-103")],
           [dict(value=84.0, unit="%", kind="absolute", measure="accuracy", text="84.0%", metric="top1accuracy", dataset="imagenet", method="betanet"),
            dict(value=18.3, unit="", kind="absolute", measure="perplexity", text="18.3", metric="perplexity", dataset="wikitext103", method="betanet")],
           date="2022-06-01"),
    _paper("p3", "Gamma LM: smaller perplexity",
           "Gamma LM reaches a perplexity of 16.1 on WikiText-103 (vs. 18.3 for BetaNet). We study language modeling at scale.",
           [(R.PROPOSES, "gammalm", "Gamma LM"), (R.EVALUATES_ON, "wikitext103", "WikiText-103"), (R.ADDRESSES, "languagemodeling", "language modeling")],
           [dict(value=16.1, unit="", kind="absolute", measure="perplexity", text="16.1", metric="perplexity", dataset="wikitext103", method="gammalm")],
           date="2024-01-15"),
    _paper("p4", "DeltaNet",
           "We evaluate DeltaNet on ImageNet. DeltaNet is 77.0% accurate.",
           [(R.PROPOSES, "deltanet", "DeltaNet"), (R.EVALUATES_ON, "imagenet", "ImageNet")],
           [dict(value=77.0, unit="%", kind="absolute", measure="accuracy", text="77.0%", method="deltanet")]),
    _paper("p5", "AlphaNet reads text",
           "AlphaNet gets 95.1% accuracy on SST-2, part of GLUE.",
           [(R.USES, "alphanet", "AlphaNet"), (R.EVALUATES_ON, "sst2", "SST-2")],
           [dict(value=95.1, unit="%", kind="absolute", measure="accuracy", text="95.1%", dataset="sst2", method="alphanet")]),
]


def _entity_edges() -> None:
    """Entity-to-entity edges and TRAINS_ON (issue 26), stated in p2 and p3."""
    for pid, rtype, src, tgt, ev in (
        ("p3", R.USED_FOR, "gammalm", "languagemodeling", "We study language modeling at scale."),
        ("p3", R.BENCHMARK_FOR, "wikitext103", "languagemodeling", "Gamma LM reaches a perplexity"),
        ("p3", R.TRAINS_ON, "p3", "wikitext103", "Gamma LM reaches a perplexity"),
        ("p2", R.TRAINED_WITH, "betanet", "imagenet", "BetaNet achieves 84.0%"),
    ):
        paper = next(p for p in PAPERS if p.id == pid)
        i = paper.abstract.index(ev)
        paper.relations.append(Relation(rtype, src, tgt, Span("abstract", i, i + len(ev), ev), "test", 0.8))


_entity_edges()


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tiny") / "store"
    store = open_store(str(path))
    store.write_papers(PAPERS)
    store.write_entities(ENTITIES)
    store.close()
    return path


@contextmanager
def opened(path: Path, read_only: bool = True):
    store = open_store(str(path), read_only=read_only)
    try:
        yield store
    finally:
        store.close()


def _board(path: Path, dataset: str, **kw) -> list[lb.Entry]:
    with opened(path) as store:
        return lb.leaderboard(store, dataset, **kw)


# -- direction data -------------------------------------------------------------
def test_metric_directions():
    for name in ("accuracy", "Top-1 Accuracy", "F1", "BLEU", "ROUGE-L", "mAP", "mIoU", "AUC", "EM", "pass@1", "pass@10"):
        assert metric_direction(name) == HIGHER, name
    for name in ("perplexity", "PPL", "error rate", "WER", "word error rate", "FID", "latency", "loss"):
        assert metric_direction(name) == LOWER, name
    assert metric_direction("model size") is None and metric_direction(None) is None
    # a relative claim is better when larger, whatever the metric
    assert result_direction("word error rate", "improvement", "%") == HIGHER
    assert result_direction(None, "perplexity", "") == LOWER
    assert result_direction(None, "model size", "params") is None
    assert result_direction("accuracy", "compute", "%") is None  # "50% of the compute" is not an accuracy
    assert result_direction("accuracy", "latency", "ms") == LOWER


def test_sentence_around():
    text = "First sentence here. On ImageNet, e.g. with ViT-B, we get 81.5% accuracy (Fig. 2). Next one!"
    i = text.index("81.5%")
    assert lb.sentence_around(text, i, i + 5) == "On ImageNet, e.g. with ViT-B, we get 81.5% accuracy (Fig. 2)."
    assert lb.sentence_around(text, 0, 5) == "First sentence here."
    assert lb.sentence_around("no boundary at all 3x", 19, 21) == "no boundary at all 3x"
    assert lb.sentence_around("Title line\n\nAbstract 2x here. Next.", 21, 23) == "Abstract 2x here."
    assert lb.sentence_around("", 0, 0) == ""


# -- leaderboard on the tiny graph -------------------------------------------
def test_leaderboard_sorted_best_first(tiny):
    rows = _board(tiny, "ImageNet")
    acc = [e for e in rows if e.metric == "top-1 accuracy"]
    assert [(e.rank, e.method, e.value) for e in acc] == [(1, "BetaNet", 84.0), (2, "AlphaNet", 81.5)]
    assert all(e.direction == HIGHER and e.unit == "%" and e.kind == "absolute" and e.dataset == "ImageNet" for e in acc)
    best = acc[0]
    assert best.paper == "BetaNet for images and text" and best.date == "2022-06-01" and best.link == "result"
    assert best.evidence == "BetaNet achieves 84.0% top-1 accuracy on ImageNet."
    assert acc[1].evidence == "On ImageNet, AlphaNet reaches 81.5% top-1 accuracy, e.g. better than the baseline."
    speed = [e for e in rows if e.kind == "ratio"]
    assert len(speed) == 1 and speed[0].unit == "x" and speed[0].qualifier == "up to" and speed[0].direction == HIGHER
    assert speed[0].metric == "speedup" and speed[0].rank is None  # no metric entity: the measure names the column; a ratio never ranks
    assert speed[0].claim == "ratio: 2.1x speedup"
    assert "DeltaNet" not in {e.method for e in rows}  # its result names no dataset
    assert len(rows) == 3


def test_leaderboard_lower_is_better(tiny):
    rows = _board(tiny, "wikitext-103")
    assert [(e.rank, e.method, e.value, e.direction) for e in rows] == [(1, "Gamma LM", 16.1, LOWER), (2, "BetaNet", 18.3, LOWER)]
    assert rows[0].evidence == "Gamma LM reaches a perplexity of 16.1 on WikiText-103 (vs. 18.3 for BetaNet)."


def test_leaderboard_matches_names_aliases_ids_case_insensitively(tiny):
    expected = [e.row() for e in _board(tiny, "ImageNet")]
    for name in ("imagenet", "IMAGENET", "ilsvrc 2012", "ImageNet-1K"):
        assert [e.row() for e in _board(tiny, name)] == expected, name
    assert _board(tiny, "ImageNe") == [] and _board(tiny, "no such dataset") == [] and _board(tiny, "  ") == []


def test_leaderboard_filters(tiny):
    by_alias = _board(tiny, "imagenet", metric="top-1 acc")
    assert [e.method for e in by_alias] == ["BetaNet", "AlphaNet"]
    assert _board(tiny, "imagenet", metric="perplexity") == []
    assert [e.method for e in _board(tiny, "WT103", metric="PPL")] == ["Gamma LM", "BetaNet"]
    assert [e.method for e in _board(tiny, "wikitext-103", task="Language Modeling")] == ["Gamma LM"]
    assert _board(tiny, "imagenet", task="language modeling") == []


def test_leaderboard_paper_level_and_parts(tiny):
    rows = _board(tiny, "ImageNet", paper_level=True)
    paper_level = [e for e in rows if e.link == "paper"]
    assert [(e.method, e.value, e.evidence) for e in paper_level] == [("DeltaNet", 77.0, "DeltaNet is 77.0% accurate.")]
    glue = _board(tiny, "glue")
    assert [(e.dataset, e.method, e.value) for e in glue] == [("SST-2", "AlphaNet", 95.1)]


def test_leaderboard_cli(tiny):
    runner = CliRunner()
    res = runner.invoke(main, ["leaderboard", "--dataset", "imagenet", "--store", str(tiny), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert list(rows[0]) == lb.COLUMNS
    assert [r["method"] for r in rows if r["kind"] == "absolute"] == ["BetaNet", "AlphaNet"]
    res = runner.invoke(main, ["leaderboard", "--dataset", "wt103", "--metric", "ppl", "--store", str(tiny), "--format", "csv"])
    assert res.exit_code == 0 and res.output.splitlines()[0].startswith("rank,dataset,metric")
    assert len(res.output.strip().splitlines()) == 3
    res = runner.invoke(main, ["leaderboard", "--dataset", "imagenet", "--store", str(tiny)])
    assert res.exit_code == 0 and "BetaNet" in res.output
    res = runner.invoke(main, ["leaderboard", "--store", str(tiny)])
    assert res.exit_code == 2


# -- presets on the tiny graph -------------------------------------------------
def _preset(path: Path, name: str, **params) -> list[dict]:
    with opened(path) as store:
        res = run_preset(store, name, params)
    return [dict(zip(res.columns, r)) for r in res.rows]


def test_presets_on_tiny(tiny):
    top = _preset(tiny, "top-datasets")
    assert top[0] == {"type": "Dataset", "name": "ImageNet", "papers": 3}
    assert {r["name"] for r in top} == {"ImageNet", "WikiText-103", "SST-2"}  # GLUE: no paper mentions it directly
    assert _preset(tiny, "top-datasets", limit=1) == top[:1]
    methods = _preset(tiny, "top-methods")
    assert methods[0] == {"name": "AlphaNet", "papers": 2, "proposing": 1}
    assert {r["method"]: r["papers"] for r in _preset(tiny, "methods-on", dataset="ilsvrc 2012")} == {
        "AlphaNet": 1, "BetaNet": 2, "DeltaNet": 1}
    co = {(r["method"], r["dataset"]): r["papers"] for r in _preset(tiny, "co-usage")}
    assert co[("BetaNet", "ImageNet")] == 2 and co[("AlphaNet", "SST-2")] == 1 and ("Gamma LM", "ImageNet") not in co
    sp = _preset(tiny, "speedups")
    assert [(r["title"], r["value"], r["unit"], r["qualifier"], r["method"]) for r in sp] == [
        ("AlphaNet: fast classifiers", 2.1, "x", "up to", "AlphaNet")]
    together = _preset(tiny, "together")
    assert together[0]["papers"] == 2 and {together[0]["a"], together[0]["b"]} == {"BetaNet", "ImageNet"}
    assert all(r["a"] != r["b"] for r in together)


def test_paper_preset(tiny):
    rows = _preset(tiny, "paper", paper="gamma lm")
    assert {(r["relation"], r["name"]) for r in rows} == {
        ("PROPOSES", "Gamma LM"), ("EVALUATES_ON", "WikiText-103"), ("ADDRESSES", "language modeling"),
        ("REPORTS", "perplexity")}
    assert [(r["value"], r["unit"], r["evidence"]) for r in rows if r["relation"] == "REPORTS"] == [(16.1, "", "16.1")]
    ev = {r["relation"]: r["evidence"] for r in rows}
    assert ev["ADDRESSES"] == "We study language modeling at scale."
    assert {r["title"] for r in _preset(tiny, "paper", paper="p3")} == {"Gamma LM: smaller perplexity"}
    assert _preset(tiny, "paper", paper="perplexity") == []  # not a title prefix


def test_preset_usage_errors(tiny):
    with opened(tiny) as store:
        with pytest.raises(PresetError, match="unknown preset"):
            run_preset(store, "nope", {})
        with pytest.raises(PresetError, match="needs --param dataset"):
            run_preset(store, "methods-on", {})
        with pytest.raises(PresetError, match="no parameter"):
            run_preset(store, "top-datasets", {"dataset": "x"})
        with pytest.raises(PresetError, match="limit"):
            run_preset(store, "top-datasets", {"limit": "ten"})


def test_presets_cli(tiny):
    runner = CliRunner()
    res = runner.invoke(main, ["presets", "--format", "json"])
    assert res.exit_code == 0
    assert [r["preset"] for r in json.loads(res.output)] == list(PRESETS)
    res = runner.invoke(main, ["presets", "--show", "methods-on"])
    assert res.exit_code == 0 and PRESETS["methods-on"].sparql in res.output and PRESETS["methods-on"].cypher in res.output
    assert runner.invoke(main, ["presets", "--show", "nope"]).exit_code == 2


def test_run_preset_cli_helper_maps_errors(tiny):
    import click

    with opened(tiny) as store:
        with pytest.raises(click.UsageError):
            presets_cmd.run_preset(store, "methods-on", {})
        assert presets_cmd.run_preset(store, "top-datasets", {"limit": 2}).rows


# -- hostile parameters ---------------------------------------------------------
def _fingerprint(store) -> tuple:
    n = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    return n, json.dumps(store.counts(), sort_keys=True)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_params_are_inert(tiny, value):
    with opened(tiny, read_only=False) as store:
        before = _fingerprint(store)
        assert lb.leaderboard(store, value) == []
        assert lb.leaderboard(store, "ImageNet", metric=value or "x") == []
        assert lb.leaderboard(store, "ImageNet", task=value or "x", paper_level=True) == []
        for name, key in (("methods-on", "dataset"), ("paper", "paper")):
            if value:
                assert run_preset(store, name, {key: value}).rows == [], (name, value)
        assert _fingerprint(store) == before
    assert len(_board(tiny, "ImageNet")) == 3


# -- docs ---------------------------------------------------------------------
def test_docs_contain_every_query_verbatim():
    doc = (REPO / "docs" / "queries.md").read_text(encoding="utf-8")
    for p in PRESETS.values():
        assert f"## `{p.name}`" in doc, p.name
        assert p.sparql in doc, f"{p.name}: SPARQL differs from docs/queries.md"
        assert p.cypher in doc, f"{p.name}: Cypher differs from docs/queries.md"
        for param in p.params:
            assert f"`{param}`" in doc
    for text in (lb.sparql(), lb.cypher(), lb._SPARQL_METRIC.strip("\n"), lb._SPARQL_TASK.strip("\n"), lb._CYPHER_METRIC, lb._CYPHER_TASK):
        assert text in doc


# -- the seeds ----------------------------------------------------------------
DATASETS_WITH_RESULTS = """
SELECT ?name (COUNT(DISTINCT ?r) AS ?n) WHERE {
  ?r a kg:Result ; kg:evaluatesOn ?d . ?d skos:prefLabel ?name .
} GROUP BY ?name ORDER BY DESC(?n) ?name
"""


@pytest.fixture(scope="module")
def seeds(seeds_store):
    return seeds_store[0]


def test_seed_leaderboards(seeds):
    with opened(seeds) as store:
        datasets = store.query(DATASETS_WITH_RESULTS).rows
        abstracts = {r[0]: " ".join(f"{r[1]} {r[2]}".split())
                     for r in store.query("SELECT ?t ?t2 ?a WHERE { ?p a kg:Paper ; dcterms:title ?t ; dcterms:title ?t2 ; dcterms:abstract ?a }").rows}
        assert datasets, "no result in the seeds is linked to a dataset"
        for name, n in datasets[:10]:
            rows = lb.leaderboard(store, name)
            assert len(rows) >= n, name
            for e in rows:
                assert e.paper in abstracts and e.evidence and e.evidence in abstracts[e.paper], (name, e)
                assert e.link == "result" and isinstance(e.value, float)
            for group in _groups(rows):
                ranked = [comparable_value(e.value, e.scale) for e in group if e.rank is not None]
                assert all(e.kind == "absolute" for e in group if e.rank is not None)  # only absolute scores rank
                if group and group[0].direction == HIGHER:
                    assert ranked == sorted(ranked, reverse=True)
                elif group and group[0].direction == LOWER:
                    assert ranked == sorted(ranked)
            assert [e.row() for e in lb.leaderboard(store, name.upper())] == [e.row() for e in rows]


def _groups(rows: list[lb.Entry]) -> list[list[lb.Entry]]:
    out: dict[tuple, list[lb.Entry]] = {}
    for e in rows:
        out.setdefault((e.dataset, canonical_metric(e.metric) or e.metric.casefold(), e.direction), []).append(e)
    return list(out.values())


def test_seed_presets(seeds):
    with opened(seeds) as store:
        papers = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }").rows[0][0]
        for name, preset in PRESETS.items():
            if preset.required:
                continue
            res = run_preset(store, name, {"limit": 20})
            assert res.rows, name
            assert len(res.rows) <= 20
        top = run_preset(store, "top-datasets", {}).rows
        assert all(t in ("Dataset", "Benchmark") and 1 <= n <= papers for t, _, n in top)
        assert [r[2] for r in top] == sorted((r[2] for r in top), reverse=True)
        methods = run_preset(store, "top-methods", {"limit": 10}).rows
        assert methods[0][1] >= methods[-1][1] >= 1
        sp = run_preset(store, "speedups", {}).rows
        assert sp and {r[2] for r in sp} <= {"x", "bit"}
        best = datasets = top[0][1]
        on = run_preset(store, "methods-on", {"dataset": datasets}).rows
        assert all(n >= 1 for _, n, _ in on), best
        title = store.query("SELECT ?t WHERE { ?p kg:proposes ?m ; dcterms:title ?t } ORDER BY ?t LIMIT 1").rows[0][0]
        rows = run_preset(store, "paper", {"paper": title}).rows
        assert rows and {r[0] for r in rows} == {title} and "PROPOSES" in {r[1] for r in rows}
        for value in HOSTILE[:4]:
            assert run_preset(store, "methods-on", {"dataset": value}).rows == []
            assert lb.leaderboard(store, value) == []


# -- the Cypher variants, on a Bolt server (FalkorDB or $NEO4J_URI) -------------
CYPHER_CASES = [("ImageNet", {}), ("wt103", {}), ("imagenet", {"metric": "top-1 acc"}),
                ("wikitext-103", {"task": "Language Modeling"}), ("ImageNet", {"paper_level": True}), ("glue", {}),
                ('"}; DROP', {}), ("' OR 1=1 //", {"metric": "x"})]
PRESET_PARAMS = {"methods-on": {"dataset": "ilsvrc 2012"}, "paper": {"paper": "gamma lm"},
                 "best-reported": {"dataset": "imagenet", "metric": "top-1 acc"}, "sota-claims": {"dataset": "imagenet"},
                 "used-for": {"task": "Language Modeling"}, "benchmarks-for": {"task": "language modeling"},
                 "trained-on": {"method": "gamma lm"}}


@pytest.mark.bolt
def test_cypher_variants_agree_with_sparql(tiny):
    from bolt_server import bolt_server

    with opened(tiny) as ox:
        expected_lb = [[e.row() for e in lb.leaderboard(ox, ds, **kw)] for ds, kw in CYPHER_CASES]
        expected_presets = {n: run_preset(ox, n, PRESET_PARAMS.get(n, {})) for n in PRESETS}
    with bolt_server() as (url, options):
        store = open_store(url, **options)
        try:
            store.write_papers(PAPERS)
            store.write_entities(ENTITIES)
            for (ds, kw), expected in zip(CYPHER_CASES, expected_lb):
                assert [e.row() for e in lb.leaderboard(store, ds, **kw)] == expected, (ds, kw)
            for name, exp in expected_presets.items():
                got = run_preset(store, name, PRESET_PARAMS.get(name, {}))
                assert got.columns == exp.columns, name
                keep = [i for i, c in enumerate(exp.columns) if c != "example"]  # SAMPLE() is arbitrary
                def norm(rows):
                    return sorted(tuple(r[i] for i in keep) for r in rows)
                assert norm(got.rows) == norm(exp.rows), name
            for name, n in (("used-for", 1), ("benchmarks-for", 1), ("trained-on", 1)):
                assert len(expected_presets[name].rows) == n, name  # the parity above is not vacuous
            assert run_preset(store, "methods-on", {"dataset": '"}) DETACH DELETE n //'}).rows == []
            assert run_preset(store, "top-datasets", {}).rows  # still there
        finally:
            store.close()


def test_seed_boards_rank_only_absolute_scores(seeds):
    """Issue 27: on the seeds, GLUE ranked "score 15.4 %" (a gain over a
    baseline), ImageNet "score 100 %" (5% to 100% of the training set),
    "top-1 accuracy 1.0 %" (1% of the labels) and latency 2.4 ms ("2.4ms
    less"). Only absolute scores may rank; those stay beside as claims."""
    with opened(seeds) as store:
        boards = {name: lb.leaderboard(store, name) for name in ("ImageNet", "GLUE")}
    for name, rows in boards.items():
        ranked = [e for e in rows if e.rank is not None]
        assert all(e.kind == "absolute" for e in ranked), name
        assert all(e.claim for e in rows if e.kind != "absolute"), name
    imagenet = [(e.value, e.unit) for e in boards["ImageNet"] if e.rank is not None]
    assert (100.0, "%") not in imagenet and (1.0, "%") not in imagenet and (2.4, "ms") not in imagenet
    assert (89.1, "%") in imagenet  # "achieving 89.1% / 81.5% top-1 accuracy on ImageNet-1K"
    assert not [e for e in boards["GLUE"] if e.rank is not None and e.value == 15.4]
    kinds = {(e.value, e.kind) for e in boards["GLUE"]}
    assert (15.4, "delta") in kinds and (2.8, "delta") in kinds
