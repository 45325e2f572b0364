"""Canned queries: ``kg presets`` lists them; ``run_preset`` backs ``kg query --preset``."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from .. import presets
from ..stores import CYPHER, QueryResult, Store, StoreError
from . import main
from .output import emit, format_option


def run_preset(store: Store, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run preset ``name`` with ``params`` (``--param k=v`` pairs, parsed).

    Unknown presets and missing or unknown parameters are usage errors
    (exit 2); store failures are failures (exit 1).
    """
    try:
        return presets.run_preset(store, name, params)
    except presets.PresetError as exc:
        raise click.UsageError(str(exc)) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command("presets")
@click.option("--show", "show", default=None, metavar="NAME", help="Print the SPARQL and Cypher of one preset.")
@format_option
def presets_cmd(show, fmt):
    """List the canned queries usable with ``kg query --preset NAME --param k=v``."""
    if show:
        try:
            p = presets.get(show)
        except presets.PresetError as exc:
            raise click.UsageError(str(exc)) from exc
        if fmt == "table":
            click.echo(f"{p.name}: {p.description}")
            for k, doc in p.params.items():
                click.echo(f"  --param {k}=...  {doc}{' (required)' if k in p.required else ''}")
            click.echo("\n# SPARQL (embedded store)\n" + p.sparql)
            click.echo("// Cypher (bolt://)\n" + p.cypher)
            return
        emit(["name", "language", "query"], [[p.name, "sparql", p.sparql], [p.name, CYPHER, p.cypher]], fmt)
        return
    rows = [
        [p.name, ", ".join(f"{k}{'*' if k in p.required else ''}" for k in p.params), p.description]
        for p in presets.PRESETS.values()
    ]
    emit(["preset", "params (* required)", "question"], rows, fmt, title="presets (kg query --preset NAME --param k=v)")
