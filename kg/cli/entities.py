"""Entity commands: entities, show, validate."""
from __future__ import annotations

import sys

import click

from .. import queries
from . import EXIT_FAIL, main
from .commands import _open, store_option
from .output import emit, format_option


@main.command("entities")
@store_option
@click.option("--type", "etype", type=click.Choice(["Method", "Dataset", "Benchmark", "Metric", "Task"]), help="Only this type.")
@click.option("--top", type=click.IntRange(1), default=None, help="Only the N entities with most papers.")
@click.option("--conflicts", is_flag=True, help="Only entities whose mentions were typed differently.")
@click.option("--one-paper", is_flag=True, help="Only entities found in one paper (the long tail, for review), by type and name.")
@format_option
def entities_cmd(store_loc, etype, top, conflicts, one_paper, fmt):
    """Canonical entities with paper counts, aliases, node kind (why it is a
    node: gazetteer, defined, name, term) and Papers with Code id."""
    store = _open(store_loc, read_only=True)
    try:
        rows = queries.entities(store, etype, top, conflicts, one_paper)
    finally:
        store.close()
    emit(["id", "type", "name", "papers", "aliases", "mention types", "kind", "external id"], rows, fmt)


@main.command("show")
@click.argument("name")
@store_option
@format_option
def show_cmd(name, store_loc, fmt):
    """An entity's aliases, variants, papers, relations and their evidence."""
    store = _open(store_loc, read_only=True)
    try:
        found = queries.find_entity(store, name)
        if not found:
            click.echo(f"Error: no entity named {name!r}", err=True)
            sys.exit(EXIT_FAIL)
        for iri, eid, pref in found:
            fam, rels = queries.show_entity(store, iri)
            if fmt == "table":
                click.echo(f"{pref}  [{eid}]")
            emit(["relation", "name"], fam, fmt, title=f"{pref}: aliases and family")
            emit(["relation", "direction", "other", "paper", "evidence", "extractor", "confidence"], rels, fmt, title=f"{pref}: relations")
    finally:
        store.close()


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
