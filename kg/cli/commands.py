"""Core commands: build, extract, query, stats, export."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..records import RecordError
from ..sources import FORMATS as INPUT_FORMATS
from ..stores import StoreError, default_location, open_store
from . import EXIT_FAIL, EXIT_REJECTS, main
from .output import emit, format_option

store_option = click.option(
    "--store", "store_loc", default=None, metavar="PATH|URL",
    help="Store directory (embedded Oxigraph) or bolt:// URL. Default: $KG_STORE or ./kg-store.",
)
input_format_option = click.option(
    "--format", "input_format", type=click.Choice(INPUT_FORMATS), default=None, help="Input format (default: auto-detect per file)."
)
fast_option = click.option("--fast", is_flag=True, help="Rules-only pipeline (no statistical model): faster, for huge corpora.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")


@contextmanager
def progress_bar(label: str, quiet: bool):
    """A rich progress bar on a terminal; silent otherwise or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    cols = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.speed} papers/s"), TimeElapsedColumn())
    with Progress(*cols, transient=True) as prog:
        task = prog.add_task(label, total=None)
        yield lambda n: prog.advance(task, n)


def report_rejects(rejects: list[RecordError], rejects_path: str | None, quiet: bool) -> None:
    if rejects_path:
        with open(rejects_path, "w", encoding="utf-8") as fh:
            for r in rejects:
                fh.write(json.dumps({"file": r.file, "line": r.line, "reason": r.reason}) + "\n")
    if rejects and not quiet:
        click.echo(f"{len(rejects)} record(s) rejected:", err=True)
        for r in rejects[:20]:
            click.echo(f"  {r}", err=True)
        if len(rejects) > 20:
            click.echo(f"  ... {len(rejects) - 20} more" + (f" (all in {rejects_path})" if rejects_path else ""), err=True)


def _open(store_loc: str | None, **kw):
    try:
        return open_store(store_loc or default_location(), **kw)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@input_format_option
@fast_option
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Extraction processes.")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), help="Write rejected records (JSON lines) here.")
@quiet_option
def build(inputs, store_loc, input_format, fast, workers, rejects_path, quiet):
    """Build the graph from INPUTS (files or directories) into the store."""
    from ..build import build as run_build

    store = _open(store_loc)
    try:
        with progress_bar("extracting", quiet) as advance:
            report = run_build(list(inputs), store, input_format, fast=fast, workers=workers, progress=advance)
        counts = store.counts()
    finally:
        store.close()
    report_rejects(report.rejects, rejects_path, quiet)
    if not quiet:
        click.echo(f"built {report.papers} papers, {report.entities} entities in {report.seconds:.1f}s into {store_loc or default_location()}", err=True)
        rows = [[f"node:{k}", v] for k, v in counts["nodes"].items()] + [[f"rel:{k}", v] for k, v in counts["relationships"].items()]
        emit(["what", "count"], rows, "table", title="graph")
    if report.rejects:
        sys.exit(EXIT_REJECTS)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True, help="Output JSON lines file ('-' for stdout).")
@input_format_option
@fast_option
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), help="Write rejected records (JSON lines) here.")
@quiet_option
def extract(inputs, output, input_format, fast, rejects_path, quiet):
    """Extract papers, entities, relations and results to JSON lines (no store)."""
    from ..build import papers_from_inputs

    rejects: list[RecordError] = []
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    n = 0
    try:
        with progress_bar("extracting", quiet) as advance:
            for paper in papers_from_inputs(list(inputs), input_format, fast, on_error=rejects.append):
                out.write(json.dumps(paper.to_dict(), ensure_ascii=False) + "\n")
                n += 1
                advance(1)
    finally:
        if out is not sys.stdout:
            out.close()
    report_rejects(rejects, rejects_path, quiet)
    if not quiet:
        click.echo(f"wrote {n} papers to {output}", err=True)
    if rejects:
        sys.exit(EXIT_REJECTS)


def parse_params(pairs: tuple[str, ...]) -> dict[str, object]:
    """``name=value`` pairs; integers and floats are typed, the rest strings."""
    params: dict[str, object] = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not name=value", param_hint="--param")
        name, value = pair.split("=", 1)
        for cast in (int, float):
            try:
                params[name] = cast(value)
                break
            except ValueError:
                continue
        else:
            params[name] = value
    return params


@main.command()
@click.argument("query_text", required=False)
@click.option("--file", "query_file", type=click.File("r"), help="Read the query from a file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@store_option
@format_option
def query(query_text, query_file, params, store_loc, fmt):
    """Run a SPARQL (embedded store) or Cypher (bolt://) query.

    Values are passed as parameters, never pasted into the query: in SPARQL
    use ?name, in Cypher $name.
    """
    text = query_file.read() if query_file else query_text
    if not text:
        raise click.UsageError("give a query or --file")
    store = _open(store_loc, **({"read_only": True} if "://" not in (store_loc or default_location()) else {}))
    try:
        result = store.query(text, parse_params(params))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    emit(result.columns, result.rows, fmt)


@main.command()
@store_option
@format_option
@click.option("--top", type=click.IntRange(0), default=10, show_default=True, help="Top entities per type by paper count.")
def stats(store_loc, fmt, top):
    """Counts per node and relation type, and the most mentioned entities."""
    from ..queries import top_entities

    store = _open(store_loc, **({"read_only": True} if "://" not in (store_loc or default_location()) else {}))
    try:
        counts = store.counts()
        tops = top_entities(store, top) if top else []
    finally:
        store.close()
    rows = [["node", k, v] for k, v in counts["nodes"].items()] + [["relationship", k, v] for k, v in counts["relationships"].items()]
    if fmt == "json":
        click.echo(json.dumps({"counts": counts, "top": [dict(zip(["type", "name", "papers"], t)) for t in tops]}, indent=1))
        return
    emit(["kind", "type", "count"], rows, fmt, title="counts")
    if tops and fmt == "table":
        emit(["type", "name", "papers"], tops, fmt, title=f"top {top} entities per type")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]), default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="Output file (default stdout).")
@store_option
def export(fmt, output, store_loc):
    """Export the graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD."""
    from ..exports import export_rdf

    store = _open(store_loc, read_only=True)
    try:
        if output == "-":
            export_rdf(store, fmt, sys.stdout.buffer)
        else:
            with open(output, "wb") as fh:
                export_rdf(store, fmt, fh)
    finally:
        store.close()
    if output != "-":
        click.echo(f"wrote {output}", err=True)


def _fail(msg: str) -> None:
    click.echo(f"Error: {msg}", err=True)
    sys.exit(EXIT_FAIL)


__all__ = ["Path", "build", "export", "extract", "query", "stats"]
