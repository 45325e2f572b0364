"""``kg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store.

Real clients (SPARQLWrapper, rdflib's SPARQLStore) talk HTTP to the Oxigraph
server that ``kg serve`` starts; the answers are compared with the store
read directly. A build into a served store is refused; a lock left by a
killed server does not block. The YASGUI page is driven in headless
chromium and screenshotted (test-artifacts/serve_yasgui.png).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from ontology import sparql_prefixes

pytest.importorskip("SPARQLWrapper")
from SPARQLWrapper import JSON, POST, SPARQLWrapper  # noqa: E402

INPUTS = [str(FIXTURES / "sources" / "papers.jsonl"), str(FIXTURES / "sources" / "papers.csv")]
ARTIFACTS = REPO / "test-artifacts"


def kg(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)


def build_store(path: Path) -> None:
    r = kg("build", *INPUTS, "--store", str(path), "-q")
    assert r.returncode == 0, r.stderr


class Served:
    """``kg serve`` as a user runs it (a subprocess), URL read from its stdout."""

    def __init__(self, store: Path, *extra: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
        self.url = self.proc.stdout.readline().strip()
        if not self.url:
            self.proc.wait(10)
            raise AssertionError(f"kg serve did not start: {self.proc.stderr.read()}")
        self.endpoint = self.url + "query"
        self.lock = json.loads((store / "kg-serve.lock").read_text())

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(20)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    build_store(path)
    return path


@pytest.fixture(scope="module")
def server(store):
    s = Served(store)
    yield s
    assert s.stop() == 0
    assert not (store / "kg-serve.lock").exists(), "a stopped server leaves no lock behind"


def direct(store: Path, query: str) -> list[list]:
    from kg.stores import open_store

    st = open_store(str(store), read_only=True)
    try:
        return st.query(query).rows
    finally:
        st.close()


def select(endpoint: str, query: str) -> list[dict]:
    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql_prefixes() + query)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()["results"]["bindings"]


def test_serves_on_loopback_and_prints_the_url(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert server.lock["url"] == server.url and server.lock["pid"]


def test_select_counts_papers_in_the_union_default_graph(server, store):
    """The union default graph: the per-paper named graphs are visible
    without GRAPH, as in kg query (without the flag this counts 0)."""
    q = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }"
    rows = select(server.endpoint, q)
    want = direct(store, q)[0][0]
    assert want >= 6
    assert int(rows[0]["n"]["value"]) == want


def test_select_titles_match_the_store(server, store):
    q = "SELECT ?title WHERE { ?p a kg:Paper ; dcterms:title ?title } ORDER BY ?title"
    got = [b["title"]["value"] for b in select(server.endpoint, q)]
    assert got == [r[0] for r in direct(store, q)]
    assert "Graph Tokenizers for Molecular Language Models" in got


def test_ask(server):
    client = SPARQLWrapper(server.endpoint)
    client.setReturnFormat(JSON)
    client.setQuery(sparql_prefixes() + 'ASK { ?p a kg:Paper ; dcterms:title "Graph Tokenizers for Molecular Language Models" }')
    assert client.queryAndConvert()["boolean"] is True
    client.setQuery(sparql_prefixes() + 'ASK { ?p a kg:Paper ; dcterms:title "No Such Paper" }')
    assert client.queryAndConvert()["boolean"] is False


def test_construct_gives_an_rdf_graph(server, store):
    import rdflib

    q = "CONSTRUCT { ?p dcterms:title ?t } WHERE { ?p a kg:Paper ; dcterms:title ?t }"
    client = SPARQLWrapper(server.endpoint)
    client.setQuery(sparql_prefixes() + q)
    g = client.queryAndConvert()
    assert isinstance(g, rdflib.Graph)
    n = direct(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper ; dcterms:title ?t }")[0][0]
    assert len(g) == n
    assert rdflib.Literal("Graph Tokenizers for Molecular Language Models") in set(g.objects())


def test_parameterised_query_binds_values_client_side(server, store):
    """rdflib's SPARQLStore binds initBindings as a VALUES block of escaped
    terms: the user's value is never pasted into the query text."""
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = rdflib.Graph(store=SPARQLStore(server.endpoint, returnFormat="json"))
    q = sparql_prefixes() + """SELECT ?title WHERE {
        ?d skos:prefLabel ?name . ?p ?rel ?d ; a kg:Paper ; dcterms:title ?title . } ORDER BY ?title"""
    titles = {str(r.title) for r in g.query(q, initBindings={"name": rdflib.Literal("CoVoST 2")})}
    want = {r[0] for r in direct(store, """SELECT ?title WHERE { ?d skos:prefLabel "CoVoST 2" .
        ?p ?rel ?d ; a kg:Paper ; dcterms:title ?title . }""")}
    assert titles == want and "Sparse Mixture Adapters for Low-Resource Speech Translation" in titles
    hostile = 'CoVoST 2" } } SELECT * WHERE { ?s ?p ?o } #'
    assert list(g.query(q, initBindings={"name": rdflib.Literal(hostile)})) == []


def test_read_only_by_default(server, store):
    client = SPARQLWrapper(server.url + "update")
    client.setMethod(POST)
    client.setQuery("CLEAR ALL")
    with pytest.raises(Exception):
        client.query()
    assert direct(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }")[0][0] >= 6


def test_build_into_a_served_store_is_refused(server, store):
    r = kg("build", *INPUTS, "--store", str(store), "-q")
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert "being served" in lines[0] and server.url in lines[0]


def test_second_server_on_the_same_store_is_refused(server, store):
    r = kg("serve", "--store", str(store), "--port", "0", timeout=30)
    assert r.returncode == 1 and "already served" in r.stderr and "Traceback" not in r.stderr


def test_non_loopback_needs_public(store):
    r = kg("serve", "--store", str(store), "--host", "0.0.0.0", timeout=30)
    assert r.returncode == 2 and "--public" in r.stderr


def test_missing_store_is_one_line(tmp_path):
    r = kg("serve", "--store", str(tmp_path / "none"), "--port", "0", timeout=30)
    assert r.returncode == 1 and "kg build" in r.stderr and "Traceback" not in r.stderr


def test_a_killed_server_does_not_block_builds(tmp_path):
    """SIGKILL leaves the lock file behind: while the Oxigraph child still
    runs (it holds the lock) a build is refused; once it is gone too, the
    file is stale and the build proceeds (and removes it)."""
    path = tmp_path / "store"
    build_store(path)
    s = Served(path)
    child = s.lock["pid"]
    os.kill(s.proc.pid, signal.SIGKILL)
    s.proc.wait(10)
    try:
        r = kg("build", *INPUTS, "--store", str(path), "-q")
        assert r.returncode == 1 and "being served" in r.stderr
    finally:
        os.kill(child, signal.SIGKILL)
    for _ in range(50):  # the child is not ours: wait until it is gone
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    assert (path / "kg-serve.lock").exists()
    r = kg("build", *INPUTS, "--store", str(path), "-q")
    assert r.returncode == 0, r.stderr
    assert not (path / "kg-serve.lock").exists()
    s.proc.stdout.close()
    s.proc.stderr.close()


@pytest.mark.browser
def test_yasgui_query_page_screenshot(server, driver):
    """The query page at / runs a query in YASGUI against the endpoint and
    shows the answers as a table; the screenshot is kept for a human."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.set_window_size(1400, 900)
    driver.get(server.url)
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.execute_script("return !!document.querySelector('.CodeMirror')"))
    query = (sparql_prefixes() + "SELECT ?title (COUNT(DISTINCT ?e) AS ?entities) WHERE {\n"
             "  ?p a kg:Paper ; dcterms:title ?title ; ?rel ?e . ?e a kg:Entity .\n} GROUP BY ?title ORDER BY DESC(?entities)")
    driver.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query)
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    wait.until(lambda d: "Graph Tokenizers for Molecular Language Models" in d.find_element(By.CSS_SELECTOR, ".yasr").text)
    assert driver.title == "Oxigraph server"
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and "127.0.0.1" in e["message"]]
    assert not errors, errors
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve_yasgui.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000


def test_readme_client_snippet_runs(server, store, capsys):
    """The README's Python client example, pointed at this server."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "SPARQLStore" in b)
    assert "http://127.0.0.1:7878/query" in code
    exec(compile(code.replace("http://127.0.0.1:7878/query", server.endpoint), "README.md", "exec"), {})
    printed = sorted(capsys.readouterr().out.splitlines())
    want = sorted(r[0] for r in direct(store, 'SELECT ?title WHERE { ?d skos:prefLabel "ImageNet" . '
                                              "?p kg:evaluatesOn ?d ; dcterms:title ?title }"))
    assert printed == want and want
