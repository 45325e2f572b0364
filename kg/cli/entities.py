"""Entity commands: entities, show, validate."""
from __future__ import annotations

import json
import sys

import click

from .. import queries
from ..resolve import resolve
from . import EXIT_FAIL, main
from .commands import _open, store_option
from .contracts import resolve_name
from .output import emit, format_option

FAMILY_COLUMNS = ["relation", "name"]
RELATION_COLUMNS = ["relation", "direction", "other", "paper", "source_id", "evidence", "extractor", "confidence"]
#: the one csv/jsonl table of ``kg show``: family rows leave the relation-only columns empty
SHOW_COLUMNS = ["entity_id", "entity", "type", "section", "relation", "direction", "name", "paper", "source_id", "evidence",
                "extractor", "confidence"]


@main.command("entities")
@store_option
@click.option("--type", "etype", type=click.Choice(["Method", "Dataset", "Benchmark", "Metric", "Task"], case_sensitive=False),
              help="Only this type.")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the N entities with most papers.")
@click.option("--conflicts", is_flag=True, help="Only entities whose mentions were typed differently.")
@click.option("--ambiguous", is_flag=True,
              help="Ambiguous acronyms instead: one short form defined with several long forms, kept apart.")
@click.option("--one-paper", is_flag=True, help="Only entities found in one paper (the long tail, for review), by type and name.")
@format_option
def entities_cmd(store_loc, etype, top, conflicts, ambiguous, one_paper, fmt):
    """Canonical entities with paper counts, aliases, node kind (why it is a
    node: gazetteer, defined, name, term) and Papers with Code id."""
    from ..stores import default_location

    store = _open(store_loc, read_only=True)
    try:
        if ambiguous:
            from ..ambiguous import ambiguous_acronyms
            from ..manifest import manifest_path_for

            rows = ambiguous_acronyms(store, manifest_path_for(store_loc or default_location()))
        else:
            rows = queries.entities(store, etype, top, conflicts, one_paper)
    finally:
        store.close()
    if ambiguous:
        emit(["short form", "long forms"], rows[:top] if top else rows, fmt, title="ambiguous acronyms (kept apart)")
        return
    emit(["id", "type", "name", "papers", "aliases", "mention types", "kind", "external id"], rows, fmt)


@main.command("show")
@click.argument("name")
@store_option
@format_option
def show_cmd(name, store_loc, fmt):
    """An entity's aliases, variants, papers, relations and their evidence.

    NAME is a name, alias or id, in any case; every entity it names is shown.
    json: one list of entity objects; csv/jsonl: one table (section
    "family" or "relation").
    """
    store = _open(store_loc, read_only=True)
    try:
        found = resolve(store, name) or [resolve_name(store, name)]  # the latter raises, with suggestions
        shown = [(ref, *queries.show_entity(store, ref.key)) for ref in found]
    finally:
        store.close()
    if fmt == "table":
        for ref, fam, rels in shown:
            click.echo(f"{ref.name}  [{ref.id}, {ref.type}]")
            emit(FAMILY_COLUMNS, fam, fmt, title=f"{ref.name}: aliases and family")
            emit(RELATION_COLUMNS, rels, fmt, title=f"{ref.name}: relations")
    elif fmt == "json":
        doc = [{"id": ref.id, "name": ref.name, "type": ref.type,
                "family": [dict(zip(FAMILY_COLUMNS, r)) for r in fam],
                "relations": [dict(zip(RELATION_COLUMNS, r)) for r in rels]} for ref, fam, rels in shown]
        click.echo(json.dumps(doc, ensure_ascii=False, indent=1, default=str))
    else:
        rows = []
        for ref, fam, rels in shown:
            head = [ref.id, ref.name, ref.type]
            rows += [head + ["family", rel, "", other, "", "", "", "", ""] for rel, other in fam]
            rows += [head + ["relation", rel, d, other, paper, sid, ev, ex, conf] for rel, d, other, paper, sid, ev, ex, conf in rels]
        emit(SHOW_COLUMNS, rows, fmt)


@main.command("validate")
@store_option
@click.option("--report", "show_report", is_flag=True, help="Print the full SHACL report.")
def validate_cmd(store_loc, show_report):
    """Check the graph against the SHACL shapes (exit 1 if it does not conform)."""
    from ..validate import store_graph, validate_graph

    store = _open(store_loc, read_only=True)
    try:
        result = validate_graph(store_graph(store))
    finally:
        store.close()
    if show_report or not result.conforms:
        click.echo(result.report)
    click.echo(f"conforms: {result.conforms} ({result.violations} violations, {result.warnings} warnings)")
    if not result.conforms:
        sys.exit(EXIT_FAIL)
