"""Neo4j commands: ``kg init-db --store bolt://...``."""
from __future__ import annotations

import click

from ..stores import StoreError, open_store
from . import EXIT_FAIL, main


@main.command("init-db")
@click.option("--store", "store_loc", required=True, metavar="URL", help="bolt:// or neo4j:// URL.")
def init_db(store_loc):
    """Create the Neo4j constraints and indexes (idempotent)."""
    try:
        store = open_store(store_loc)
        try:
            if not hasattr(store, "init_db"):
                raise StoreError(f"{store.name} store has no schema to initialise")
            for stmt in store.init_db():
                click.echo(stmt)
        finally:
            store.close()
    except StoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(EXIT_FAIL) from None
