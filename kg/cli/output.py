"""Render tabular answers as a table (rich), JSON, JSON lines or CSV.

The contract every command keeps: ``json`` is one JSON document; ``jsonl``
is the csv table with one JSON object per row; ``csv`` is one table with one
header (commands with several sections add a ``section`` column).
"""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

import click

FORMATS = ("table", "json", "jsonl", "csv")
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format."
)


def emit(columns: list[str], rows: list[list[Any]], fmt: str, out: TextIO | None = None, title: str | None = None) -> None:
    """Print rows with the chosen format to ``out`` (stdout by default)."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([dict(zip(columns, r)) for r in rows], out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(dict(zip(columns, r)), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(columns)
        w.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r])
        Console(file=out, width=None if out.isatty() else 160, markup=False).print(table)
