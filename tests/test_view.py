"""``kg view``: subgraph selection, HTML rendering, and the page in a browser."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ontology import EntityType, RelationType
from kg.model import Entity, PaperGraph, Relation, Span
from kg.records import SourceRef
from kg.stores import EntityRecord, open_store

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
HOSTILE = "<script>alert(1)</script>\"quoted'"
HOSTILE_ABSTRACT = "We beat <img src=x onerror=alert(2)> & </script><script>alert(3)</script> on ImageNet."
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")

R = RelationType
T = EntityType


def _paper(pid: str, title: str, abstract: str, date: str, rels: list[tuple[RelationType, str, str]]) -> PaperGraph:
    """A paper whose relations are (type, source, target); ``"P"`` is the paper itself."""
    relations = []
    for rtype, src, dst in rels:
        src, dst = (pid if x == "P" else x for x in (src, dst))
        sentence = f"{title}: {rtype.value.lower()} {dst}."
        relations.append(Relation(rtype, src, dst, Span("abstract", 0, len(sentence), sentence), "test", 0.9))
    return PaperGraph(id=pid, key=f"id:{pid}", title=title, abstract=abstract, date=date,
                      sources=[SourceRef("t.jsonl", 1)], relations=relations)


ENTITIES = [
    EntityRecord("m-transformer", T.METHOD, "Transformer", aliases=["transformer model", "TF"]),
    EntityRecord("m-resnet", T.METHOD, "ResNet"),
    EntityRecord("m-evil", T.METHOD, HOSTILE, aliases=["evil"]),
    EntityRecord("d-imagenet", T.DATASET, "ImageNet"),
    EntityRecord("d-wmt", T.DATASET, "WMT14"),
    EntityRecord("b-glue", T.BENCHMARK, "GLUE"),
    EntityRecord("x-acc", T.METRIC, "accuracy"),
    EntityRecord("t-mt", T.TASK, "machine translation"),
]
PAPERS = [
    # p1: Transformer on WMT14 (BLEU-less), machine translation
    _paper("p1", "Attention is all you need", "We propose the Transformer.", "2017-06-12", [
        (R.PROPOSES, "P", "m-transformer"), (R.EVALUATES_ON, "P", "d-wmt"), (R.ADDRESSES, "P", "t-mt"),
    ]),
    # p2: ResNet on ImageNet, accuracy
    _paper("p2", "Deep residual learning", "We propose ResNet.", "2015-12-10", [
        (R.PROPOSES, "P", "m-resnet"), (R.EVALUATES_ON, "P", "d-imagenet"), (R.MEASURES, "P", "x-acc"),
    ]),
    # p3: hostile paper: evil method outperforms ResNet on ImageNet
    _paper("p3", "Evil <b>title</b> & co", HOSTILE_ABSTRACT, "2020-01-01", [
        (R.PROPOSES, "P", "m-evil"), (R.USES, "P", "m-resnet"), (R.EVALUATES_ON, "P", "d-imagenet"),
        (R.OUTPERFORMS, "m-evil", "m-resnet"),
    ]),
    # p4: Transformer on GLUE with accuracy
    _paper("p4", "Transformers for GLUE", "We use the Transformer on GLUE.", "2019-01-01", [
        (R.USES, "P", "m-transformer"), (R.EVALUATES_ON, "P", "b-glue"), (R.MEASURES, "P", "x-acc"),
    ]),
]
# nodes: 4 papers + 8 entities = 12; edges: 3 + 3 + 4 + 3 = 13


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("viewstore") / "store"
    store = open_store(str(path))
    store.write_papers(PAPERS)
    store.write_entities(ENTITIES)
    store.close()
    return path


@pytest.fixture(scope="module")
def full_graph(store_path):
    from kg.views.subgraph import read_graph

    store = open_store(str(store_path), read_only=True)
    try:
        return read_graph(store)
    finally:
        store.close()


def _names(g) -> set[str]:
    return {d["name"] for _, d in g.nodes(data=True)}


# -- subgraph --------------------------------------------------------------------
def test_read_whole_graph(full_graph):
    g = full_graph
    assert g.number_of_nodes() == 12
    assert g.number_of_edges() == 13
    by_name = {d["name"]: d for _, d in g.nodes(data=True)}
    assert by_name["Transformer"]["type"] == "Method"
    assert by_name["Transformer"]["papers"] == 2
    assert by_name["Transformer"]["aliases"] == ["TF", "transformer model"]
    assert by_name["ImageNet"]["papers"] == 2
    assert by_name[HOSTILE]["papers"] == 1
    assert 1 <= len(by_name["ImageNet"]["evidence"]) <= 2
    paper = by_name["Attention is all you need"]
    assert paper["kind"] == "paper" and paper["date"] == "2017-06-12"
    rels = {d["type"] for *_, d in g.edges(data=True)}
    assert "OUTPERFORMS" in rels and "EVALUATES_ON" in rels
    evil_edge = [d for s, o, d in g.edges(data=True) if d["type"] == "OUTPERFORMS"][0]
    assert evil_edge["evidence"] and evil_edge["papers"] == 1


def test_filters(full_graph):
    from kg.views.subgraph import DEFAULT_TYPES, ViewOptions, select

    # without Paper among the types, papers fold into entity-to-entity edges
    g = select(full_graph, ViewOptions(types=frozenset({"Method", "Dataset"})))
    assert _names(g) == {"Transformer", "ResNet", HOSTILE, "ImageNet", "WMT14"}
    by_name = {d["name"]: n for n, d in g.nodes(data=True)}
    shared = {frozenset((g.nodes[s]["name"], g.nodes[o]["name"])): d["papers"]
              for s, o, d in g.edges(data=True) if d["type"] == "SHARED_PAPERS"}
    assert shared == {frozenset({"Transformer", "WMT14"}): 1, frozenset({"ResNet", "ImageNet"}): 2,
                      frozenset({HOSTILE, "ResNet"}): 1, frozenset({HOSTILE, "ImageNet"}): 1}
    assert g.has_edge(by_name[HOSTILE], by_name["ResNet"], key="OUTPERFORMS")  # entity-to-entity relations stay

    g = select(full_graph, ViewOptions(min_papers=2))
    assert _names(g) == {"Transformer", "ResNet", "ImageNet", "accuracy"}  # the overview: entities only

    g = select(full_graph, ViewOptions(types=DEFAULT_TYPES, relations=frozenset({"EVALUATES_ON"})))
    assert g.number_of_edges() == 4
    assert _names(g) == {"WMT14", "ImageNet", "GLUE"} | {p.title for p in PAPERS}

    g = select(full_graph, ViewOptions(top=4))
    # the four entities with two papers each, linked by the papers they share
    assert _names(g) == {"Transformer", "ResNet", "ImageNet", "accuracy"}
    assert g.number_of_edges() == 4


def test_new_entity_relation_types_show_without_change(monkeypatch, full_graph):
    """Which relations join two entities comes from the ontology
    (RelationType.entity_domain), so a type the relations issue adds shows."""
    from kg.views.fold import entity_relations, fold

    assert entity_relations() == {r.value for r in RelationType if r.entity_domain}
    g = full_graph.copy()
    ids = {d["name"]: n for n, d in g.nodes(data=True)}
    g.add_edge(ids["Transformer"], ids["machine translation"], key="ADDRESSES", type="ADDRESSES", evidence=[], papers=1)
    assert not fold(g, set(ids.values()) & {n for n, d in g.nodes(data=True) if d["kind"] == "entity"}).has_edge(
        ids["Transformer"], ids["machine translation"], key="ADDRESSES")
    monkeypatch.setattr(RelationType, "entity_domain", property(lambda self: self.value in ("OUTPERFORMS", "ADDRESSES")))
    h = fold(g, {n for n, d in g.nodes(data=True) if d["kind"] == "entity"})
    assert h.has_edge(ids["Transformer"], ids["machine translation"], key="ADDRESSES")


def test_short_titles_and_wrapped_labels():
    from kg.views.render import short_title, wrap

    assert short_title("Selfie: Self-supervised Pretraining for Image Embedding") == "Selfie"
    t = short_title("Lets keep it simple, Using simple architectures to outperform deeper and more complex architectures")
    assert len(t) <= 28 and t.endswith("\u2026") and t.startswith("Lets keep it simple")
    assert wrap("mean intersection over union") == "mean intersection\nover union"
    assert wrap("ImageNet") == "ImageNet"


def test_ego(full_graph):
    from kg.views.subgraph import FocusNotFound, ViewOptions, select

    g = select(full_graph, ViewOptions(focus="TRANSFORMER MODEL", depth=1))  # alias, any case
    assert _names(g) == {"Transformer", "Attention is all you need", "Transformers for GLUE"}
    assert g.graph["focus"]
    g = select(full_graph, ViewOptions(focus="transformer", depth=2))
    assert _names(g) == {"Transformer", "Attention is all you need", "Transformers for GLUE",
                         "WMT14", "machine translation", "GLUE", "accuracy"}
    g = select(full_graph, ViewOptions(focus=HOSTILE.upper(), depth=1))
    assert _names(g) == {HOSTILE, "ResNet", "Evil <b>title</b> & co"}
    g = select(full_graph, ViewOptions(focus="transformer", depth=0))
    assert _names(g) == {"Transformer"}
    with pytest.raises(FocusNotFound):
        select(full_graph, ViewOptions(focus="no such thing"))


# -- HTML ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page_path(store_path, tmp_path_factory) -> Path:
    from kg.views.render import write_html
    from kg.views.subgraph import subgraph

    store = open_store(str(store_path), read_only=True)
    try:
        g = subgraph(store)
    finally:
        store.close()
    return write_html(g, tmp_path_factory.mktemp("page") / "view.html")


def test_html_escaped_and_standalone(page_path):
    from kg.views.render import external_references

    page = page_path.read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "</script><script>alert(3)" not in page
    assert "<b>title</b>" not in page  # paper title is escaped in tooltips, JSON-escaped in labels
    # tooltip HTML is html-escaped, then JSON-escaped by the template (& -> \\u0026)
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in page
    assert external_references(page) == []
    assert not re.search(r"<(?:script|link)\b[^>]*(?:src|href)\s*=\s*[\"']?https?:", page, re.I)
    assert "vis.Network" in page and "kgInit();" in page


def test_legend_present(page_path):
    page = page_path.read_text(encoding="utf-8")
    assert "id='kg-legend'" in page
    for t in ("Method", "Dataset", "Benchmark", "Metric", "Task"):
        assert f"data-kgtype='{t}'" in page
    assert "data-kgtype='Paper'" not in page and "Communities" in page
    assert "OUTPERFORMS" in page and "8 nodes, 7 edges" in page  # the overview: entities, papers folded (backbone drawn)


def test_cli_view(store_path, tmp_path):
    from click.testing import CliRunner

    import kg.cli.view  # noqa: F401  (registers the command)
    from kg.cli import main

    out = tmp_path / "out.html"
    res = CliRunner().invoke(main, ["view", "--store", str(store_path), "-o", str(out), "--focus", "imagenet",
                                    "--depth", "1", "--types", "Paper,Dataset"])
    assert res.exit_code == 0, res.output
    assert str(out) in res.output and out.exists()
    assert "3 nodes, 2 edges" in out.read_text(encoding="utf-8")
    res = CliRunner().invoke(main, ["view", "--store", str(store_path), "-o", str(out), "--focus", "nothing here"])
    assert res.exit_code == 1 and "not found" in res.output
    res = CliRunner().invoke(main, ["view", "--store", str(store_path), "-o", str(out), "--types", "Bogus"])
    assert res.exit_code == 2


# -- browser -----------------------------------------------------------------------
def _wait_drawn(driver, timeout: float = 20.0) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return window.kgDrawnAt != null"))


@pytest.mark.browser
def test_page_in_browser(driver, page_path):
    import time

    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    driver.get(page_path.as_uri())
    _wait_drawn(driver)
    time.sleep(0.5)
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert driver.execute_script("return network.body.data.nodes.length") == 8
    assert driver.execute_script("return network.body.data.edges.length") == 7
    legend = driver.find_element(By.ID, "kg-legend")
    assert "Method" in legend.text and "OUTPERFORMS" in legend.text
    labels = driver.execute_script("return nodes.get().map(function (n) { return n.kgname; })")
    assert HOSTILE in labels
    # the tooltip of the hostile node, built as the page does on hover: text, no elements injected
    evil = driver.execute_script("var name = arguments[0]; return nodes.get().filter(function (n) { return n.kgname === name; })[0].id",
                                 HOSTILE)
    text = driver.execute_script("var el = kgTooltipElement(nodes, arguments[0]); "
                                 "return [el.textContent, el.querySelectorAll('script,img').length];", evil)
    assert HOSTILE in text[0] and text[1] == 0
    # hover the hostile node for real, so vis shows the tooltip (zoomed in on
    # it first, so no edge or neighbour sits under the pointer)
    driver.execute_script("network.focus(arguments[0], {scale: 3, animation: false});", evil)
    time.sleep(0.3)
    pos = driver.execute_script("var p = network.getPositions([arguments[0]])[arguments[0]]; "
                                "var c = network.canvasToDOM(p); var r = document.getElementById('mynetwork')"
                                ".getBoundingClientRect(); return [c.x + r.left, c.y + r.top];", evil)
    from selenium.webdriver.common.action_chains import ActionChains

    body = driver.find_element(By.TAG_NAME, "body")
    ActionChains(driver).move_to_element_with_offset(body, 0, 0).perform()  # reset the pointer
    tips: list[str] = []
    for dx, dy in ((0, 0), (2, 0), (0, 2), (-2, 0), (0, -2), (3, 3)):
        ActionChains(driver).move_to_element_with_offset(body, 0, 0).perform()
        ActionChains(driver).move_to_element_with_offset(
            body, int(pos[0] + dx) - body.rect["width"] // 2, int(pos[1] + dy) - body.rect["height"] // 2).perform()
        time.sleep(0.6)
        tips = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "div.vis-tooltip") if t.is_displayed()]
        if any(HOSTILE in t for t in tips):
            break
    assert any(HOSTILE in t for t in tips), tips  # shown as text by the real tooltip
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "view-small.png"))


@pytest.mark.browser
def test_ego_page_in_browser(driver, store_path, tmp_path):
    from kg.views.render import write_html
    from kg.views.subgraph import subgraph

    store = open_store(str(store_path), read_only=True)
    try:
        g = subgraph(store, focus="transformer", depth=2)
    finally:
        store.close()
    path = write_html(g, tmp_path / "ego.html")
    driver.get(path.as_uri())
    _wait_drawn(driver)
    assert driver.execute_script("return network.body.data.nodes.length") == 7
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    import time

    time.sleep(1.5)
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "view-ego.png"))
