"""Hardening: hostile text in data and in query parameters never becomes query
text, in either store; and store credentials never leak into output.

Property-based (hypothesis): titles, abstracts, entity names/aliases and query
parameters are drawn from free Unicode text mixed with injection fragments.
Every example is written as interchange-model objects, read back with bound
parameters (SPARQL ``?name`` / Cypher ``$name``), and must come back exactly;
a hostile query parameter must leave the store's counts unchanged.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import closed_port
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.model import PaperGraph, Relation, Span
from kg.records import SourceRef
from kg.stores import EntityRecord, StoreError, open_store
from ontology import EntityType, RelationType

sys.path.insert(0, str(Path(__file__).parent))

FRAGMENTS = [
    '"', "'", "\\", "\\\\", '\\"', "\\'", "{", "}", "{}", "}}", "\n", "\r\n", "\t", "\u2028", "\x85",
    '"}; DROP ALL; #', "'}; DROP ALL; #", "\"}) DETACH DELETE n //", "') DETACH DELETE n //",
    "' OR 1=1 --", "MATCH (n) DETACH DELETE n", "CLEAR ALL", "} } INSERT DATA { <x:a> <x:b> <x:c> } #",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><script>alert(1)</script>", "{{7*7}}", "${7*7}",
    "$name", "?p", "<http://example.org/x>", "<urn:x>", "\"\"\"", "'''", "#", "//", "/*", "*/", "`", "``",
    "ä", "日本語", "😀", "\u202e", "\ufeff", "\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def hostile(min_size: int = 0, max_size: int = 6, no_nul: bool = False):
    """Free text mixed with injection fragments (no surrogates; no NUL if asked)."""
    chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00" if no_nul else "")
    piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(chars, max_size=12))
    return st.lists(piece, min_size=min_size, max_size=max_size).map("".join)


def nonblank(no_nul: bool = False):
    return hostile(1, 6, no_nul).filter(lambda s: s.strip() != "")


_counter = iter(range(10**9))


def _paper(title: str, abstract: str, ent: str) -> PaperGraph:
    pid = f"inj-{next(_counter)}"
    sent = abstract or title or "x"
    rel = Relation(RelationType.USES, pid, ent, Span("abstract", 0, len(sent), sent), "test", 0.5)
    return PaperGraph(id=pid, key=f"id:{pid}", title=title, abstract=abstract, date="2024-01-01",
                      sources=[SourceRef("hostile.jsonl", 1)], meta={"authors": [title or "a"]}, relations=[rel])


# -- embedded store (SPARQL) ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def ox_store(tmp_path_factory):
    st_ = open_store(str(tmp_path_factory.mktemp("inj") / "store"))
    st_.write_entities([EntityRecord("inj-base", EntityType.METHOD, "Base")])
    yield st_
    st_.close()


def _ox_total(store) -> int:
    return store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]


@SETTINGS
@given(title=hostile(), abstract=nonblank(), name=nonblank(), alias=hostile())
def test_oxigraph_roundtrip(ox_store, title, abstract, name, alias):
    eid = f"inj-e-{next(_counter)}"
    paper = _paper(title, abstract, eid)
    ox_store.write_papers([paper])
    ox_store.write_entities([EntityRecord(eid, EntityType.METHOD, name, aliases=[alias] if alias else [])])
    iri = f"<https://w3id.org/mlkg/id/paper/{paper.id}>"
    rows = ox_store.query("SELECT ?t ?a ?c WHERE { ?p dcterms:title ?t ; dcterms:abstract ?a ; dcterms:creator ?c }",
                          {"p": iri}).rows
    assert rows == [[title, abstract, title or "a"]]
    # and the other way: find the paper by its hostile title (a bound literal, never query text)
    if not (title.startswith("<") and title.endswith(">") and "://" in title):
        rows = ox_store.query("SELECT ?p WHERE { ?p dcterms:title ?t . FILTER(?t = ?want) }", {"want": title}).rows
        assert iri in {f"<{r[0]}>" for r in rows}  # (earlier examples may share the title)
    rows = ox_store.query("SELECT ?l WHERE { ?e skos:prefLabel ?l ; skos:altLabel* ?x . ?x skos:prefLabel ?name }",
                          {"name": name}).rows
    assert [name] in rows
    got = ox_store.query("SELECT ?n ?a WHERE { ?e skos:prefLabel ?n . OPTIONAL { ?e skos:altLabel ?a } }",
                         {"e": f"<https://w3id.org/mlkg/id/entity/{eid}>"}).rows
    if alias and alias != name:
        assert got == [[name, alias]]
    else:
        assert [r[0] for r in got] == [name]
    # sentence of the evidence node, by subject
    sent = ox_store.query("SELECT ?s WHERE { ?ev kg:assertedSubject ?p ; kg:sentence ?s }", {"p": iri}).rows
    assert sent == [[abstract]]


@SETTINGS
@given(value=hostile())
def test_oxigraph_hostile_param_changes_nothing(ox_store, value):
    before = ox_store.counts(), _ox_total(ox_store)
    for q in ("SELECT ?p WHERE { ?p dcterms:title ?v }",
              "SELECT ?p WHERE { ?p dcterms:title ?t FILTER(CONTAINS(?t, ?v)) }",
              "ASK { ?p dcterms:title ?v }"):
        try:
            res = ox_store.query(q, {"v": value})
        except StoreError:
            continue  # a refused query is fine; a changed store is not
        assert res.rows is not None
    assert (ox_store.counts(), _ox_total(ox_store)) == before


def test_query_cli_hostile_params(ox_store, tmp_path):
    path = tmp_path / "store"
    s = open_store(str(path))
    title = "\"}; DROP ALL; # ') DETACH DELETE n // <script>alert(1)</script> {{7*7}}"
    s.write_papers([_paper(title, "abs \\ ' \" \n }", "inj-base")])
    before = s.counts()
    s.close()
    runner = CliRunner()
    q = "SELECT ?p ?a WHERE { ?p dcterms:title ?t ; dcterms:abstract ?a }"
    res = runner.invoke(main, ["query", "--store", str(path), "--format", "json", "--param", f"t={title}", q])
    assert res.exit_code == 0, res.output
    assert "abs \\\\ ' \\\" \\n }" in res.stdout  # the abstract, JSON-escaped
    for v in ['"}; DROP ALL; #', "') DETACH DELETE n //", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
              "x\" } } CLEAR ALL #", "{{7*7}}", "\\", "'", "<>"]:
        res = runner.invoke(main, ["query", "--store", str(path), "--format", "csv", "--param", f"t={v}", q])
        assert res.exit_code == 0, (v, res.output, res.exception)
        assert res.stdout.strip().splitlines()[1:] == [], (v, res.stdout)
    s = open_store(str(path), read_only=True)
    try:
        assert s.counts() == before
    finally:
        s.close()


# -- Bolt store (FalkorDB or $NEO4J_URI) -----------------------------------------------------------
@pytest.fixture(scope="module")
def bolt_store():
    pytest.importorskip("neo4j")
    from bolt_server import bolt_server

    with bolt_server() as (url, opts):
        s = open_store(url, **opts)
        try:
            s.clear()
            s.write_entities([EntityRecord("inj-base", EntityType.METHOD, "Base")])
            yield s
        finally:
            s.close()


def _bolt_total(store) -> tuple:
    n = store.query("MATCH (n) RETURN count(n) AS n").rows[0][0]
    r = store.query("MATCH ()-[r]->() RETURN count(r) AS n").rows[0][0]
    return n, r


@pytest.mark.bolt
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(title=hostile(max_size=4), abstract=nonblank(), name=nonblank(), alias=hostile(max_size=3))
def test_bolt_roundtrip(bolt_store, title, abstract, name, alias):
    eid = f"inj-e-{next(_counter)}"
    paper = _paper(title, abstract, eid)
    bolt_store.write_papers([paper])
    bolt_store.write_entities([EntityRecord(eid, EntityType.METHOD, name, aliases=[alias] if alias else [])])
    rows = bolt_store.query("MATCH (p:Paper {id: $id}) RETURN p.title, p.abstract, p.authors", {"id": paper.id}).rows
    assert rows == [[title, abstract, [title or "a"]]]
    rows = bolt_store.query("MATCH (p:Paper) WHERE p.title = $t AND p.id = $id RETURN p.id", {"t": title, "id": paper.id}).rows
    assert rows == [[paper.id]]
    rows = bolt_store.query("MATCH (e:Entity {id: $id}) RETURN e.name, e.aliases", {"id": eid}).rows
    assert rows == [[name, sorted({alias} - {name}) if alias else []]]
    rows = bolt_store.query("MATCH (p:Paper {id: $id})-[r:USES]->(e:Entity) RETURN r.evidence, e.id", {"id": paper.id}).rows
    assert rows == [[abstract, eid]]


@pytest.mark.bolt
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(value=hostile(no_nul=True))
def test_bolt_hostile_param_changes_nothing(bolt_store, value):
    before = bolt_store.counts(), _bolt_total(bolt_store)
    for q in ("MATCH (p:Paper) WHERE p.title = $v RETURN p.id",
              "MATCH (p:Paper {title: $v}) RETURN count(p)",
              "MATCH (e:Entity) WHERE e.name CONTAINS $v RETURN e.id",
              "RETURN $v AS v"):
        try:
            res = bolt_store.query(q, {"v": value})
        except StoreError:
            continue
        if q.startswith("RETURN"):
            assert res.rows == [[value]]
    assert (bolt_store.counts(), _bolt_total(bolt_store)) == before


# -- credentials ------------------------------------------------------------------------------------
SECRET = "s3cr3t-Pa55-\u00e9-{}'\"-7f1c2e9a"


@pytest.mark.parametrize("args", [
    ["query", "--store", "bolt://127.0.0.1:{port}", "RETURN 1"],
    ["query", "--store", "bolt://neo4j:" + "{secret}" + "@127.0.0.1:{port}", "RETURN 1"],
    ["build", "{input}", "--store", "bolt://127.0.0.1:{port}", "-q"],
    ["init-db", "--store", "bolt://127.0.0.1:{port}"],
    ["stats", "--store", "bolt://127.0.0.1:{port}"],
    ["view", "--store", "bolt://127.0.0.1:{port}", "-o", "{tmp}/v.html"],
])
def test_secret_never_printed(args, tmp_path, monkeypatch):
    import traceback

    pytest.importorskip("neo4j")
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"title": "T", "abstract": "We propose FooNet for image classification."}\n')
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("KG_STATE_DIR", str(tmp_path))
    port = closed_port()
    argv = [a.format(port=port, secret=SECRET.replace("{}", "").replace("'", "").replace('"', ""), input=inp, tmp=tmp_path)
            for a in args]
    res = CliRunner().invoke(main, argv)
    assert res.exit_code not in (0, 3), res.output
    text = res.output + (res.stderr or "")
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        text += "".join(traceback.format_exception(res.exception))
        exc = res.exception
        while exc is not None:  # the whole chain
            text += repr(exc) + str(exc)
            exc = exc.__cause__ or exc.__context__
    for secret in (SECRET, argv[2].split(":")[2].split("@")[0] if "@" in argv[2] else SECRET):
        assert secret not in text, text[-2000:]
    assert "s3cr3t" not in text


def test_store_error_hides_secret(monkeypatch):
    """Library use: the StoreError (and its chain) never carries the password."""
    pytest.importorskip("neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    with pytest.raises(StoreError) as info:
        open_store(f"bolt://127.0.0.1:{closed_port()}", connection_timeout=3.0)
    exc, text = info.value, ""
    while exc is not None:
        text += repr(exc) + str(exc)
        exc = exc.__cause__ or exc.__context__
    assert "s3cr3t" not in text
    with pytest.raises(StoreError) as info:
        open_store(f"bolt://127.0.0.1:{closed_port()}", password=SECRET, connection_timeout=3.0)
    assert "s3cr3t" not in repr(info.value) + str(info.value)
    assert info.value.__cause__ is None or "s3cr3t" not in repr(info.value.__cause__)


def test_cli_has_no_password_option():
    import click

    def walk(cmd, path):
        yield path, cmd
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, path + [name])

    seen = 0
    for path, cmd in walk(main, ["kg"]):
        for p in cmd.params:
            names = [*getattr(p, "opts", []), *getattr(p, "secondary_opts", []), p.name or ""]
            assert not any("pass" in n.lower() or "secret" in n.lower() for n in names), (path, names)
            assert not getattr(p, "envvar", None) or "PASSWORD" not in str(p.envvar), (path, p.envvar)
        seen += 1
    assert seen > 10
