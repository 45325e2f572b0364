"""``kg view``: the graph, or part of it, as a standalone interactive HTML page."""
from __future__ import annotations

import sys

import click

from ontology import NodeLabel, RelationType

from ..stores import StoreError, default_location, open_store
from . import EXIT_FAIL, main
from .contracts import output_callback

_TYPES = {lbl.value.casefold(): lbl.value for lbl in NodeLabel}
_RELATIONS = {r.value.casefold(): r.value for r in RelationType}


def _csv_choice(allowed: dict[str, str], what: str):
    def convert(ctx, param, value):
        if not value:
            return None
        out = set()
        for item in value.split(","):
            item = item.strip()
            if not item:
                continue
            if item.casefold() not in allowed:
                raise click.BadParameter(f"unknown {what} {item!r} (choose from {', '.join(allowed.values())})")
            out.add(allowed[item.casefold()])
        return frozenset(out) or None
    return convert


@main.command()
@click.option("--store", "store_loc", default=None, metavar="PATH|URL",
              help="Store directory (embedded Oxigraph) or bolt:// URL. Default: $KG_STORE or ./kg-store.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="kg-view.html", show_default=True,
              callback=output_callback(), help="HTML file to write (its directory must exist).")
@click.option("--focus", default=None, metavar="NAME", help="Show the neighbourhood of this entity (name or alias, any case).")
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True, help="Hops around --focus.")
@click.option("--top", type=click.IntRange(1), default=150, show_default=True,
              help="Keep at most N nodes: those with most papers (with --focus: nearest the focus first).")
@click.option("--types", callback=_csv_choice(_TYPES, "node type"), metavar="Method,Dataset,...",
              help="Node types to show (default: every entity type; with --focus also Paper). "
                   "Without Paper, papers are folded into entity-to-entity edges weighted by shared papers.")
@click.option("--relations", callback=_csv_choice(_RELATIONS, "relation type"), metavar="EVALUATES_ON,...",
              help="Relation types to show (default: all).")
@click.option("--min-papers", type=click.IntRange(0), default=0, show_default=True,
              help="Drop entities linked to fewer papers.")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default web browser.")
def view(store_loc, output, focus, depth, top, types, relations, min_papers, open_page):
    """Write the graph (or the part selected) as an interactive HTML page.

    The overview shows entities, coloured by Louvain community, with papers
    folded into edges (hover an edge for its shared papers); --focus NAME
    shows the papers and entities around one entity.
    """
    from ..views.render import drawn, write_html
    from ..views.subgraph import FocusNotFound, ViewOptions, subgraph

    location = store_loc or default_location()
    try:
        store = open_store(location, **({} if "://" in location else {"read_only": True}))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    opts = ViewOptions(focus=focus, depth=depth, top=top, types=types, relations=relations, min_papers=min_papers)
    try:
        g = subgraph(store, opts)
    except FocusNotFound as exc:
        hint = f"; did you mean {' or '.join(repr(s) for s in exc.suggestions)}?" if exc.suggestions else ""
        click.echo(f"Error: focus {focus!r} not found (no entity name, alias or id matches){hint}", err=True)
        sys.exit(EXIT_FAIL)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    path = write_html(g, output)
    click.echo(f"{g.number_of_nodes()} nodes, {drawn(g).number_of_edges()} edges", err=True)
    click.echo(str(path))
    if open_page:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


__all__ = ["view"]
