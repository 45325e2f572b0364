"""bench/audit.py: the matching of emitted statements against the audit gold,
on small hand-made inputs, and the audit set's own consistency (its gold
files against the abstracts in ../shared)."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
AUDIT_DIR = ROOT / "tests" / "data" / "audit"
_spec = importlib.util.spec_from_file_location("bench_audit", ROOT / "bench" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["bench_audit"] = audit
_spec.loader.exec_module(audit)  # puts bench/ on sys.path for its matching module
import audit_match as match  # noqa: E402

ENTITY_TYPES = {"Method", "Dataset", "Benchmark", "Metric", "Task"}
PAPER_TYPES = {"PROPOSES", "USES", "EVALUATES_ON", "TRAINS_ON", "ADDRESSES", "MEASURES"}
ENTITY_REL_TYPES = {"USED_FOR", "PART_OF", "SUBCLASS_OF", "SYNONYM_OF", "EVALUATED_WITH", "COMPARE_WITH",
                    "BENCHMARK_FOR", "SUBTASK_OF", "TRAINED_WITH", "OUTPERFORMS"}


def ent(eid, name, typ, aliases=(), mentions=(), **kw):
    return {"id": eid, "name": name, "type": typ, "aliases": list(aliases),
            "mentions": [{"text": m} for m in mentions or [name]], **kw}


GOLD = {
    "source": "conference_papers.jsonl.gz", "id": "x1", "title": "T",
    "entities": [
        {"name": "convolutional neural networks", "type": "Method", "aliases": ["CNNs"], "kind": "specific"},
        {"name": "WMT 2014 English-to-German", "type": "Dataset", "aliases": [], "kind": "specific"},
        {"name": "BLEU", "type": "Metric", "aliases": [], "kind": "specific"},
        {"name": "Transformer", "type": "Method", "aliases": [], "kind": "specific"},
        {"name": "machine translation", "type": "Task", "aliases": [], "kind": "specific"},
        {"name": "lightweight modules", "type": "Method", "aliases": [], "kind": "generic"},
    ],
    "relations": [
        {"type": "PROPOSES", "source": "PAPER", "target": "Transformer", "quote": ""},
        {"type": "EVALUATES_ON", "source": "PAPER", "target": "WMT 2014 English-to-German", "quote": ""},
        {"type": "USED_FOR", "source": "Transformer", "target": "machine translation", "quote": ""},
        {"type": "COMPARE_WITH", "source": "Transformer", "target": "convolutional neural networks", "quote": ""},
    ],
    "results": [
        {"text": "28.4 BLEU", "value": 28.4, "unit": "BLEU", "kind": "absolute", "metric": "BLEU",
         "dataset": "WMT 2014 English-to-German", "method": "Transformer", "own": True, "quote": ""},
        {"text": "2.0 BLEU", "value": 2.0, "unit": "BLEU", "kind": "delta", "metric": "BLEU",
         "dataset": None, "method": "Transformer", "own": True, "quote": ""},
    ],
}


def test_norm_folds_case_spacing_hyphens_and_plural_but_not_other_words():
    assert match.norm("Split-CIFAR 100") == match.norm("split cifar-100")
    assert match.norm("CNNs") == match.norm("CNN")
    assert match.norm("loss") == "loss"  # no plural 's' after 's'
    assert match.norm("MAE") != match.norm("I2P-MAE")
    assert match.norm("machine learning") != match.norm("machine unlearning")


def test_entity_matches_by_name_or_alias_and_mentions():
    gents = GOLD["entities"]
    by_name, matched = match.match_entity(ent("e1", "CNN", "Method"), gents)
    assert by_name["name"] == "convolutional neural networks"
    # the linker renamed the node; its mention still says what the abstract names
    by_name, matched = match.match_entity(ent("e2", "machine unlearning", "Task", mentions=["machine translation"]), gents)
    assert by_name is None and [g["name"] for g in matched] == ["machine translation"]


def test_node_verdict_from_gold_kind_and_type():
    gents = GOLD["entities"]
    assert match.node_verdict(ent("a", "BLEU", "Metric"), gents)[0] == "right"
    assert match.node_verdict(ent("a", "BLEU", "Method"), gents)[0] == "wrong_type"
    assert match.node_verdict(ent("a", "lightweight module", "Method"), gents)[0] == "generic"
    assert match.node_verdict(ent("a", "ResNet", "Method"), gents) == (None, None)


def test_relation_matching_respects_direction_except_symmetric_types():
    gbn = {match.norm(g["name"]): g for g in GOLD["entities"]}
    t, mt = ent("t", "Transformer", "Method"), ent("m", "machine translation", "Task")
    cnn = ent("c", "CNNs", "Method")
    used = GOLD["relations"][2]
    assert match.relation_matches({"type": "USED_FOR"}, t, mt, used, gbn)
    assert not match.relation_matches({"type": "USED_FOR"}, mt, t, used, gbn)
    assert not match.relation_matches({"type": "PART_OF"}, t, mt, used, gbn)
    cmp_ = GOLD["relations"][3]
    assert match.relation_matches({"type": "COMPARE_WITH"}, cnn, t, cmp_, gbn)
    prop = GOLD["relations"][0]
    assert match.relation_matches({"type": "PROPOSES"}, "PAPER", t, prop, gbn)
    assert not match.relation_matches({"type": "PROPOSES"}, t, t, prop, gbn)


def test_results_pair_one_to_one_by_value():
    gold = [{"value": 2.0, "text": "2.0 BLEU"}, {"value": 2.0, "text": "2 points"}]
    emitted = [{"value": 2.0, "text": "2 points"}, {"value": 2.0, "text": "2.0"}, {"value": 2.0, "text": "2"}]
    pairs = match.match_results(emitted, gold)
    assert pairs[0][1]["text"] == "2 points"  # the one whose text it is
    assert pairs[1][1]["text"] == "2.0 BLEU"
    assert pairs[2][1] is None  # each gold value is found once
    assert match.match_results([{"value": 0.0, "text": "1 000"}], [{"value": 1000.0, "text": "1 000"}])[0][1] is None


def test_link_right_null_and_named():
    by_id = {"b": ent("b", "BLEU", "Metric"), "t": ent("t", "Transformer", "Method")}
    gbn = {match.norm(g["name"]): g for g in GOLD["entities"]}
    assert match.link_right(None, None, by_id, gbn)
    assert not match.link_right("b", None, by_id, gbn)
    assert match.link_right("b", "BLEU", by_id, gbn)
    assert not match.link_right("t", "BLEU", by_id, gbn)
    assert not match.link_right(None, "BLEU", by_id, gbn)


def test_judgement_file_errors_name_file_and_line(tmp_path):
    p = tmp_path / "judgements_X.tsv"
    p.write_text("source\tid\tstatement\tkey\tverdict\tnote\nc\tx1\tnode\tMethod|foo\tmaybe\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"judgements_X.tsv:2:"):
        audit.read_judgements([p])
    p.write_text("source\tid\tstatement\tkey\tverdict\tnote\nc\tx1\tnode\tMethod|Foo Net\tfragment\t\n"
                 "c\tx1\tresult\t28.40|%|delta\twrong_kind\t\n", encoding="utf-8")
    j = audit.read_judgements([p])
    assert j[("c", "x1", "node", match.lookup_key("node", "Method|foo-net"))] == "fragment"
    assert j[("c", "x1", "result", match.lookup_key("result", match.result_key(28.4, "%", "delta")))] == "wrong_kind"


def test_score_paper_counts_gold_judgements_and_unjudged():
    pid = "p-1"
    paper = {
        "id": pid,
        "entities": [
            ent("t", "Transformer", "Method"), ent("w", "WMT 2014 English-to-German", "Dataset"),
            ent("b", "BLEU", "Metric"), ent("l", "lightweight modules", "Method"),
            ent("x", "task performance", "Method"),  # judged fragment below
            ent("y", "our approach", "Method", kind="concept"),  # not a node
            ent("z", "ResNet", "Method"),  # unjudged
        ],
        "relations": [
            {"type": "PROPOSES", "source": pid, "target": "t"},
            {"type": "USES", "source": pid, "target": "l"},  # generic target, from the gold
            {"type": "EVALUATES_ON", "source": pid, "target": "b"},  # judged wrong
            {"type": "OUTPERFORMS", "source": "t", "target": "z"},  # unjudged
        ],
        "results": [
            {"value": 28.4, "unit": "BLEU", "kind": "absolute", "text": "28.4 BLEU", "metric": "b", "dataset": "w", "method": "t"},
            {"value": 2.0, "unit": "%", "kind": "accuracy", "text": "2.0", "metric": "b", "dataset": None, "method": None},
            {"value": 100.0, "unit": "%", "kind": "accuracy", "text": "100%"},
        ],
    }
    src = ("conference_papers.jsonl.gz", "x1")
    judged = {
        (*src, "node", match.lookup_key("node", "Method|task performance")): "fragment",
        (*src, "relation", match.lookup_key("relation", "EVALUATES_ON|PAPER|BLEU")): "wrong",
        (*src, "result", match.lookup_key("result", "100|%|accuracy")): "not_a_result",
    }
    tally = match.Tally()
    match.score_paper(GOLD, paper, judged, tally)
    s = match.summary(tally)
    m = s["nodes"]["Method"]
    assert (m["right"], m["generic"], m["fragment"], m["unjudged"]) == (1, 1, 1, 1)
    assert s["not nodes (by entity kind)"] == {"concept": 1}
    p = s["relations"]["paper"]
    assert p["PROPOSES"]["right"] == 1 and p["PROPOSES"]["recall"] == 1.0
    assert p["USES"]["generic target"] == 1 and p["USES"]["precision"] == 0.0
    assert p["EVALUATES_ON"]["wrong"] == 1 and p["EVALUATES_ON"]["recall"] == 0.0
    assert p["micro"]["precision"] == pytest.approx(1 / 3, abs=1e-3)
    e = s["relations"]["entity"]
    assert e["OUTPERFORMS"]["unjudged"] == 1 and e["USED_FOR"]["recall"] == 0.0 and e["micro"]["gold"] == 2
    r = s["results"]
    assert (r["gold"], r["found"], r["fully right"]) == (2, 2, 1)
    assert r["unit right"] == 1 and r["kind right"] == 1 and r["metric right"] == 2 and r["method right"] == 1
    assert r["emitted"]["not_a_result"] == 1
    assert s["unjudged"] == 2


# -- the audit set itself -------------------------------------------------------

GOLD_FILES = sorted(AUDIT_DIR.glob("gold_*.jsonl"))
SHARED = ROOT.parent / "shared" / "corpora" / "abstracts"


def _spaced(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.skipif(not GOLD_FILES, reason="no gold files yet")
def test_gold_records_are_consistent():
    """Every relation end is a listed entity or PAPER, types and kinds are the
    format's, and no abstract is labelled twice."""
    gold = audit.read_gold(GOLD_FILES)
    seen = set()
    for g in gold:
        where = g["_file"]
        assert (g["source"], g["id"]) not in seen, where
        seen.add((g["source"], g["id"]))
        names = {}
        for e in g["entities"]:
            assert e["type"] in ENTITY_TYPES, (where, e)
            assert e.get("kind") in {"specific", "generic"}, (where, e)
            for n in match.gold_names(e):
                assert names.setdefault(n, e["name"]) == e["name"], (where, "two entities share a name", n)
        for r in g["relations"]:
            assert r["type"] in (PAPER_TYPES if r["source"] == "PAPER" else ENTITY_REL_TYPES), (where, r)
            for end in (r["source"], r["target"]):
                assert end == "PAPER" or match.norm(end) in names, (where, "relation end not an entity", end)
        for r in g["results"]:
            assert r["kind"] in match.KINDS, (where, r)
            assert isinstance(r["value"], int | float) and isinstance(r["own"], bool), (where, r)
            for link in ("metric", "dataset", "method"):
                assert r[link] is None or match.norm(r[link]) in names, (where, link, r[link])


@pytest.mark.skipif(not GOLD_FILES or not SHARED.exists(), reason="no gold files or no ../shared abstracts")
def test_gold_quotes_and_result_texts_are_in_the_abstracts():
    gold = audit.read_gold(GOLD_FILES)
    texts = audit.load_texts(gold, ROOT.parent / "shared")
    for g in gold:
        t = texts[(g["source"], g["id"])]
        assert _spaced(t["title"]) == _spaced(g["title"])
        body = _spaced(t["title"] + " " + t["abstract"])
        for r in g["relations"] + g["results"]:
            if r.get("quote"):
                assert _spaced(r["quote"]) in body, (g["_file"], r["quote"])
        for r in g["results"]:
            assert _spaced(r["text"]) in body, (g["_file"], r["text"])


@pytest.mark.skipif(not sorted(AUDIT_DIR.glob("judgements_*.tsv")), reason="no judgements yet")
def test_judgement_files_parse():
    assert audit.read_judgements(sorted(AUDIT_DIR.glob("judgements_*.tsv")))


def test_command_line_help_runs():
    with pytest.raises(SystemExit) as e:
        audit.main(["--help"])
    assert e.value.code == 0


def test_gold_example_round_trips_json(tmp_path):
    p = tmp_path / "gold_T.jsonl"
    p.write_text(json.dumps(GOLD) + "\n\n{bad\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold_T.jsonl:3:"):
        audit.read_gold([p])


def test_legacy_result_kinds_map_only_where_they_mean_an_audit_kind():
    assert match.kind_of("delta") == "delta"
    assert match.kind_of("improvement", "%") == "delta"
    assert match.kind_of("reduction", "%") == "delta" and match.kind_of("reduction", "x") == "ratio"
    assert match.kind_of("speedup", "x") == "ratio" and match.kind_of("model size", "params") == "cost"
    assert match.kind_of("accuracy", "%") not in match.KINDS  # says what is measured, not the kind


def test_renamed_node_needs_a_judgement():
    """A node the linker named otherwise than the abstract is not taken as right from the gold."""
    gold = {**GOLD, "entities": [{"name": "machine learning", "type": "Task", "aliases": [], "kind": "specific"}],
            "relations": [], "results": []}
    paper = {"id": "p", "entities": [ent("u", "machine unlearning", "Task", aliases=["machine learning"],
                                         mentions=["machine learning"])], "relations": [], "results": []}
    tally = match.Tally()
    match.score_paper(gold, paper, {}, tally)
    assert tally.nodes["Task"]["unjudged"] == 1 and "machine learning" in tally.unjudged[0][5]
    judged = {(gold["source"], gold["id"], "node", match.lookup_key("node", "Task|machine unlearning")): "fragment"}
    tally = match.Tally()
    match.score_paper(gold, paper, judged, tally)
    assert tally.nodes["Task"]["fragment"] == 1
    assert tally.gold_nodes["found"] == 1  # the abstract's entity has a node, though misnamed


def test_relation_end_reads_its_own_mention_from_offsets():
    """Issue 26's contract gives {field, start, end} for each end: the text is read from the paper."""
    gbn = {match.norm(g["name"]): g for g in GOLD["entities"]}
    paper = {"id": "p", "title": "Transformer for machine translation", "abstract": ""}
    merged = ent("m", "translation", "Task")  # a node whose name alone would not match
    end = match._end(paper, "m", {"field": "title", "start": 16, "end": 35}, {"m": merged})
    assert match.end_matches(end, "machine translation", gbn)
    assert match._end(paper, "p", None, {}) == match.PAPER
    assert match.mention_text(paper, {"field": "title", "start": 30, "end": 99}) is None  # out of range


def test_result_links_given_as_names_are_read_as_names():
    gbn = {match.norm(g["name"]): g for g in GOLD["entities"]}
    assert match.link_right("BLEU", "BLEU", {}, gbn)
    assert not match.link_right("accuracy", "BLEU", {}, gbn)


def test_misses_list_what_the_gold_states_and_the_pipeline_does_not():
    paper = {"id": "p", "entities": [ent("t", "Transformer", "Method")],
             "relations": [{"type": "PROPOSES", "source": "p", "target": "t"}], "results": []}
    tally = match.Tally()
    match.score_paper(GOLD, paper, {}, tally)
    missed = {(m[2], m[3]) for m in tally.misses}
    assert ("relation", "USED_FOR|Transformer|machine translation") in missed
    assert ("relation", "PROPOSES|PAPER|Transformer") not in missed
    assert ("node", "Metric|BLEU") in missed and ("node", "Method|Transformer") not in missed
    assert ("node", "Method|lightweight modules") not in missed  # generic: no node expected
    assert ("result", "28.4|BLEU|absolute") in missed


def test_papers_pair_by_text_then_by_order():
    gold = [{**GOLD, "_file": "gold_T.jsonl:1"}]
    texts = {(GOLD["source"], GOLD["id"]): {"title": "A (B) title", "abstract": "Some text."}}
    assert audit.pair_papers(gold, texts, [{"title": "A (B) title", "abstract": "Some text."}])[0][1]["abstract"]
    rewritten = [{"title": "A (B) title", "abstract": "Some restored text."}]
    assert audit.pair_papers(gold, texts, rewritten)[0][1] is rewritten[0]
    with pytest.raises(ValueError, match="no extracted paper"):
        audit.pair_papers(gold, texts, [{"title": "Other", "abstract": "x"}])


def test_edges_to_judged_fragments_or_generic_nodes_are_never_right():
    """"machine unlearning" (a renamed node judged fragment) matches the abstract's
    "machine learning" through its mention, but its edge is wrong."""
    gold = {**GOLD, "entities": [{"name": "machine learning", "type": "Task", "aliases": [], "kind": "specific"}],
            "relations": [{"type": "ADDRESSES", "source": "PAPER", "target": "machine learning", "quote": ""}],
            "results": []}
    paper = {"id": "p", "entities": [ent("u", "machine unlearning", "Task", mentions=["machine learning"]),
                                     ent("g", "real-world tasks", "Task")],
             "relations": [{"type": "ADDRESSES", "source": "p", "target": "u"},
                           {"type": "ADDRESSES", "source": "p", "target": "g"}], "results": []}
    src = (gold["source"], gold["id"], "node")
    judged = {(*src, match.lookup_key("node", "Task|machine unlearning")): "fragment",
              (*src, match.lookup_key("node", "Task|real-world tasks")): "generic"}
    tally = match.Tally()
    match.score_paper(gold, paper, judged, tally)
    row = match.summary(tally)["relations"]["paper"]["ADDRESSES"]
    assert (row["right"], row["wrong"], row["generic target"], row["found"]) == (0, 1, 1, 0)


def test_units_compare_spelling_aside_and_metric_points_in_any_form():
    assert match.unit_right("percent", "%") and match.unit_right("×", "x") and match.unit_right("parameters", "params")
    assert match.unit_right("h", "hours") and match.unit_right("seconds", "s") and not match.unit_right("h", "s")
    assert match.unit_right("points", "BLEU", "BLEU") and match.unit_right("", "BLEU", "BLEU")
    assert match.unit_right("BLEU", "points", "BLEU")
    assert not match.unit_right("%", "BLEU", "BLEU")
    assert not match.unit_right("%", "")  # a count is no percentage
    assert not match.unit_right("points", "", None)  # nor, without a metric, a score


def _perfect_output(g: dict) -> dict:
    """What a pipeline that states exactly the gold would emit for one abstract."""
    pid = "paper-" + g["id"]
    ents, ids = [], {}
    for i, e in enumerate(x for x in g["entities"] if x["kind"] == "specific"):
        ents.append(ent(f"e{i}", e["name"], e["type"], aliases=e["aliases"]))
        for n in match.gold_names(e):
            ids[n] = f"e{i}"

    def ref(name):
        return None if name is None else pid if name == "PAPER" else ids[match.norm(name)]

    rels = [{"type": r["type"], "source": ref(r["source"]), "target": ref(r["target"])} for r in g["relations"]]
    res = [{**{k: r[k] for k in ("value", "unit", "kind", "text", "own")},
            **{k: ref(r[k]) for k in ("metric", "dataset", "method")}} for r in g["results"]]
    return {"id": pid, "entities": ents, "relations": rels, "results": res}


@pytest.mark.skipif(not GOLD_FILES, reason="no gold files yet")
def test_a_pipeline_stating_exactly_the_gold_scores_perfectly():
    """Every gold statement is reachable by the matching: the set's own labels score
    precision and recall 1.0, all nodes right, all results fully right."""
    gold = audit.read_gold(GOLD_FILES)
    s = match.summary(match.score([(g, _perfect_output(g)) for g in gold], {}))
    assert s["unjudged"] == 0
    assert s["nodes"]["all"]["right"] == s["size"]["gold specific entities"] and s["nodes"]["all"]["share right"] == 1.0
    for lev in ("paper", "entity"):
        micro = s["relations"][lev]["micro"]
        assert micro["precision"] == 1.0 and micro["recall"] == 1.0, (lev, micro)
    assert s["results"]["fully right"] == s["results"]["gold"] == s["size"]["gold results"]


def test_miss_classes_say_why_a_gold_entity_is_no_node():
    """bench/audit_miss_classes.py: a gold entity kept as a concept, cut, typed
    otherwise or never extracted (an audit sentence, part A)."""
    import audit_miss_classes as mc

    abstract = "We explore this relationship by applying simulated annealing to an SG-MCMC algorithm."
    paper = {"title": "T", "abstract": abstract,
             "entities": [{"name": "SG-MCMC", "type": "Task", "kind": "specific",
                           "mentions": [{"text": "SG-MCMC", "field": "abstract", "start": 67, "end": 74}]}],
             "concepts": []}
    sa = {"name": "simulated annealing", "type": "Method", "aliases": [], "kind": "specific"}
    sg = {"name": "SG-MCMC", "type": "Method", "aliases": [], "kind": "specific"}
    assert mc.miss_class(sa, paper) == "not extracted"
    assert mc.miss_class(sg, paper) == "typed otherwise"
    paper["concepts"] = [{"text": "simulated annealing", "type": "Method", "field": "abstract", "start": 41, "end": 60}]
    assert mc.miss_class(sa, paper) == "concept"
    paper["concepts"] = [{"text": "applying simulated", "type": "Method", "field": "abstract", "start": 32, "end": 50}]
    assert mc.miss_class(sa, paper) == "cut"
    paper["entities"][0]["type"] = "Method"
    assert mc.miss_class(sg, paper) is None
