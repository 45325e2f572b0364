"""Hardening: what ``kg view`` shows for hostile titles, abstracts, entity names
and aliases. In headless chromium: no alert, no JS errors, the strings shown
as text (node labels, real hover tooltips), never turned into elements."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.model import PaperGraph, Relation, Span
from kg.records import SourceRef
from kg.stores import EntityRecord, open_store
from ontology import EntityType, RelationType

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
SQL = "'; --"
TEMPLATE = "{{7*7}}"
HOSTILE = [IMG, SCRIPT, SQL, TEMPLATE]

pytestmark = pytest.mark.browser

ENTITIES = [
    EntityRecord("h-img", EntityType.METHOD, IMG, aliases=[SCRIPT, TEMPLATE]),
    EntityRecord("h-script", EntityType.DATASET, SCRIPT, aliases=[IMG]),
    EntityRecord("h-sql", EntityType.METRIC, SQL, aliases=["<svg onload=alert(1)>"]),
    EntityRecord("h-tpl", EntityType.TASK, TEMPLATE, aliases=["${alert(1)}"]),
    EntityRecord("h-plain", EntityType.METHOD, "PlainNet"),
]


def _paper(pid, title, abstract, rels):
    relations = []
    for t, s, o in rels:
        s, o = (pid if x == "P" else x for x in (s, o))
        sent = f"{abstract} [{t.value}]"
        relations.append(Relation(t, s, o, Span("abstract", 0, len(sent), sent), "test", 0.9))
    return PaperGraph(id=pid, key=f"id:{pid}", title=title, abstract=abstract, date="2024-01-01",
                      sources=[SourceRef("h.jsonl", 1)], relations=relations)


R = RelationType
PAPERS = [
    _paper("hp1", IMG, f"We propose {IMG} and beat {SCRIPT}.", [
        (R.PROPOSES, "P", "h-img"), (R.EVALUATES_ON, "P", "h-script"), (R.MEASURES, "P", "h-sql")]),
    _paper("hp2", SCRIPT, f"{SQL} {TEMPLATE} <script>alert(2)</script>", [
        (R.USES, "P", "h-img"), (R.ADDRESSES, "P", "h-tpl"), (R.OUTPERFORMS, "h-img", "h-plain")]),
    _paper("hp3", f"{SQL} {TEMPLATE}", "Plain abstract about PlainNet.", [(R.USES, "P", "h-plain")]),
]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    import kg.cli.view  # noqa: F401
    from kg.cli import main

    d = tmp_path_factory.mktemp("hostile-view")
    store = open_store(str(d / "store"))
    store.write_papers(PAPERS)
    store.write_entities(ENTITIES)
    store.close()
    # the default overview folds papers into edges (their titles in edge tooltips) ...
    res = CliRunner().invoke(main, ["view", "--store", str(d / "store"), "-o", str(d / "overview.html")])
    assert res.exit_code == 0, res.output
    # ... this one shows them as nodes, with their titles as labels
    out = d / "view.html"
    res = CliRunner().invoke(main, ["view", "--store", str(d / "store"), "-o", str(out),
                                    "--types", "Paper,Method,Dataset,Metric,Task"])
    assert res.exit_code == 0, res.output
    return out


def _no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def test_page_source_has_no_live_markup(page):
    for path in (page, page.parent / "overview.html"):
        text = path.read_text(encoding="utf-8")
        for s in ("<img src=x", "<script>alert", "<svg onload", "onerror=alert(1)>"):
            assert s not in text, (path.name, s)


def test_hostile_strings_are_text(driver, page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    # trap: any alert()/injected element would flip these flags
    driver.get(page.as_uri())
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return window.kgDrawnAt != null"))
    _no_alert(driver)
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    baseline = driver.execute_script("return [document.querySelectorAll('img').length, "
                                     "document.querySelectorAll('script').length, document.querySelectorAll('svg').length]")
    driver.execute_script("window.__alerts = 0; window.alert = function () { window.__alerts++; };")

    nodes = driver.execute_script("return network.body.data.nodes.get().map(function (n) { "
                                  "return {id: n.id, name: n.kgname, label: n.label}; })")
    names = {n["name"] for n in nodes}
    for s in HOSTILE:
        assert s in names, (s, names)  # entity names and paper titles, verbatim
    labels = {n["label"].replace("\n", " ") for n in nodes}  # long labels wrap onto two lines
    assert IMG in labels and SQL in labels and TEMPLATE in labels  # short ones are the label as is
    assert "49" not in labels  # {{7*7}} is not evaluated by any template

    # real hover on each hostile node: the vis tooltip shows the text
    body = driver.find_element(By.TAG_NAME, "body")
    by_name: dict[str, list] = {}
    for n in nodes:
        by_name.setdefault(n["name"], []).append(n["id"])
    shown: dict[str, str] = {}
    for name in HOSTILE:
        for nid in by_name[name]:
            pos = driver.execute_script(
                "network.focus(arguments[0], {scale: 3.0, animation: false}); "
                "var p = network.getPositions([arguments[0]])[arguments[0]]; var c = network.canvasToDOM(p); "
                "var r = document.getElementById('mynetwork').getBoundingClientRect(); return [c.x + r.left, c.y + r.top];", nid)
            tips = []
            ActionChains(driver).move_to_element_with_offset(body, 0, 0).perform()
            for dx, dy in ((0, 0), (2, 0), (0, 2), (-2, 0), (0, -2), (3, 3)):
                ActionChains(driver).move_to_element_with_offset(body, 0, 0).perform()
                ActionChains(driver).move_to_element_with_offset(
                    body, int(pos[0] + dx) - body.rect["width"] // 2, int(pos[1] + dy) - body.rect["height"] // 2).perform()
                time.sleep(0.5)
                tips = [t for t in driver.find_elements(By.CSS_SELECTOR, "div.vis-tooltip") if t.is_displayed()]
                if tips and name in tips[0].text:
                    break
            assert tips, f"no tooltip for {name!r}"
            shown[nid] = tips[0].text
            inner = driver.execute_script(
                "var t = arguments[0]; return [t.querySelectorAll('img,script,svg,iframe').length, "
                "Array.prototype.some.call(t.querySelectorAll('*'), function (e) { "
                "return Array.prototype.some.call(e.attributes, function (a) { return /^on/i.test(a.name); }); })];",
                tips[0])
            assert inner == [0, False], (name, inner)
            assert name in shown[nid], (name, shown[nid])
    # aliases in the tooltip of the <img> method
    img_tip = shown[next(n["id"] for n in nodes if n["name"] == IMG and n["id"] in shown and "aliases" in shown[n["id"]])]
    assert SCRIPT in img_tip and TEMPLATE in img_tip

    # tooltips built by the page for every node and edge: text only
    counts = driver.execute_script(
        "var bad = 0, txt = []; nodes.get().forEach(function (n) { var el = kgTooltipElement(nodes, n.id); "
        "bad += el.querySelectorAll('img,script,svg,iframe').length; txt.push(el.textContent); }); return [bad, txt];")
    assert counts[0] == 0
    assert any("<svg onload=alert(1)>" in t for t in counts[1]) and any("${alert(1)}" in t for t in counts[1])
    after = driver.execute_script("return [document.querySelectorAll('img').length, "
                                  "document.querySelectorAll('script').length, document.querySelectorAll('svg').length, "
                                  "window.__alerts]")
    assert after == baseline + [0], (baseline, after)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
    _no_alert(driver)
