"""Core commands: build, extract, query, stats, export."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager

import click

from ..records import RecordError
from ..sources import FORMATS as INPUT_FORMATS
from ..stores import StoreError, default_location, open_store
from . import EXIT_REJECTS, main
from .contracts import check_input_formats, output_callback, resolve_params, sparql_error
from .output import emit, format_option

store_option = click.option(
    "--store", "store_loc", default=None, metavar="PATH|URL",
    help="Store directory (embedded Oxigraph) or bolt:// URL. Default: $KG_STORE or ./kg-store.",
)
input_format_option = click.option(
    "--format", "input_format", type=click.Choice(INPUT_FORMATS), default=None, help="Input format (default: auto-detect per file)."
)
def fast_option(f):
    """``--model accurate|standard|fast`` and ``--fast`` (= ``--model fast``),
    handed to the command as its ``fast`` argument: the tier's name
    (:func:`extractors.pipeline.resolve_tier`)."""
    import functools

    @functools.wraps(f)
    def wrapper(*args, model_tier=None, fast_flag=False, **kw):
        if fast_flag and model_tier not in (None, "fast"):
            raise click.UsageError(f"--fast contradicts --model {model_tier}")
        return f(*args, fast="fast" if fast_flag else (model_tier or False), **kw)

    wrapper = click.option("--fast", "fast_flag", is_flag=True,
                           help="Rules-only pipeline, same as --model fast.")(wrapper)
    return click.option("--model", "model_tier", type=click.Choice(["accurate", "standard", "fast"]), default=None,
                        help="Entity model tier: accurate (MiniLM encoder), standard (small CNN), fast (rules only). "
                             "Default: standard (the best tier that meets its speed floor). Scores and speed: README, Tiers.")(wrapper)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")


class _Advance:
    """What :func:`progress_bar` yields: ``advance(n)``; ``advance.total(n)`` sets the total (enables the ETA)."""

    def __init__(self, advance=None, total=None):
        self._advance, self._total = advance, total

    def __call__(self, n: int) -> None:
        if self._advance:
            self._advance(n)

    def total(self, n: int) -> None:
        if self._total:
            self._total(n)


@contextmanager
def progress_bar(label: str, quiet: bool):
    """A rich progress bar (rate, ETA once the total is known) on a terminal;
    silent otherwise or with --quiet."""
    if quiet or not sys.stderr.isatty():
        yield _Advance()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    cols = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} papers/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
    )
    with Progress(*cols, console=Console(stderr=True), transient=True, speed_estimate_period=60) as prog:
        task = prog.add_task(label, total=None, rate="-")

        def advance(n: int) -> None:
            prog.advance(task, n)
            speed = prog.tasks[task].speed
            prog.update(task, rate=f"{speed:.1f}" if speed else "-")

        yield _Advance(advance, lambda n: prog.update(task, total=n))


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


workers_option = click.option("--workers", type=click.IntRange(1), default=1, show_default=True, help="Extraction processes (or Dask workers of a local cluster).")
engine_option = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                             help="Where the pipeline runs: this machine, or a Dask cluster (linking and writes stay here).")
scheduler_option = click.option("--scheduler", metavar="ADDRESS", default=None, help="Dask scheduler address (default: a LocalCluster of --workers processes).")


def build_options(f):
    """The input, store and engine options shared by ``build`` and ``rebuild``."""
    for option in reversed((
        click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True)),
        store_option, input_format_option, fast_option, workers_option, engine_option, scheduler_option,
    )):
        f = option(f)
    return f


def need_engine(engine: str) -> None:
    """``--engine dask`` needs the optional Dask extra: say so in one line."""
    if engine == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise click.ClickException("--engine dask needs Dask: pip install 'mlkg[dask]'") from None


def _run_build(inputs, store_loc, input_format, fast, workers, rejects_path, quiet, full, prune, engine, scheduler):
    from ..build import build as run_build

    need_engine(engine)

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    from ..manifest import manifest_path_for

    check_input_formats(inputs, input_format)
    store = _open(store_loc)
    try:
        with progress_bar("rebuilding" if full else "building", quiet) as advance:
            report = run_build(
                list(inputs), store, input_format, fast=fast, workers=workers, progress=advance, on_total=advance.total,
                full=full, prune=prune, engine=engine, scheduler=scheduler,
                manifest=manifest_path_for(store_loc or default_location()),
            )
    finally:
        store.close()
    report_rejects(report.rejects, rejects_path, quiet)
    if not quiet:  # one summary line; the counts are `kg stats`, the acronyms `kg entities --ambiguous`
        what = f"built {report.papers} papers"
        if report.unchanged or report.removed:
            what += f" ({report.unchanged} unchanged, {report.removed} removed)"
        amb = len(report.ambiguous_acronyms)
        click.echo(f"{what}, {report.entities} entities written in {report.seconds:.1f}s into {store_loc or default_location()}"
                   + (f"; {amb} ambiguous acronym(s) kept apart (kg entities --ambiguous)" if amb else ""), err=True)
    if report.rejects:
        sys.exit(EXIT_REJECTS)


@main.command()
@build_options
@click.option("--prune", is_flag=True, help="Remove papers that are no longer in INPUTS (and entities only they supported).")
@click.option("--full", is_flag=True, help="Clear the store and re-extract everything (same as 'kg rebuild').")
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), callback=output_callback(), help="Write rejected records (JSON lines) here.")
@quiet_option
def build(inputs, store_loc, input_format, fast, workers, engine, scheduler, prune, full, rejects_path, quiet):
    """Build the graph from INPUTS (files or directories) into the store.

    Incremental: a manifest beside the store records every paper's content
    hash and the pipeline version, so only new or changed papers are
    extracted again (a new pipeline version re-extracts everything).
    """
    _run_build(inputs, store_loc, input_format, fast, workers, rejects_path, quiet, full, prune, engine, scheduler)


@main.command()
@build_options
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), callback=output_callback(), help="Write rejected records (JSON lines) here.")
@quiet_option
def rebuild(inputs, store_loc, input_format, fast, workers, engine, scheduler, rejects_path, quiet):
    """Clear the store and build it again from INPUTS (a full build)."""
    _run_build(inputs, store_loc, input_format, fast, workers, rejects_path, quiet, True, False, engine, scheduler)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True, callback=output_callback(),
              help="Output JSON lines file ('-' for stdout); its directory must exist.")
@input_format_option
@fast_option
@workers_option
@engine_option
@scheduler_option
@click.option("--rejects", "rejects_path", type=click.Path(dir_okay=False), callback=output_callback(), help="Write rejected records (JSON lines) here.")
@quiet_option
def extract(inputs, output, input_format, fast, workers, engine, scheduler, rejects_path, quiet):
    """Extract papers, entities, relations and results to JSON lines (no store)."""
    from ..build import papers_from_inputs

    need_engine(engine)
    check_input_formats(inputs, input_format)
    rejects: list[RecordError] = []
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    n = 0
    try:
        with progress_bar("extracting", quiet) as advance:
            papers = papers_from_inputs(
                list(inputs), input_format, fast, on_error=rejects.append, workers=workers, engine=engine, scheduler=scheduler,
                on_total=advance.total,
            )
            for paper in papers:
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
@click.option("--preset", default=None, metavar="NAME", help="Run a canned query (see `kg presets`).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@store_option
@format_option
def query(query_text, query_file, preset, params, store_loc, fmt):
    """Run a SPARQL (embedded store) or Cypher (bolt://) query.

    Values are passed as parameters, never pasted into the query: in SPARQL
    use ?name, in Cypher $name.
    """
    text = query_file.read() if query_file else query_text
    if not text and not preset:
        raise click.UsageError("give a query, --file or --preset")
    store = _open(store_loc, **({"read_only": True} if "://" not in (store_loc or default_location()) else {}))
    try:
        if preset:
            from .presets_cmd import run_preset

            result = run_preset(store, preset, resolve_params(store, parse_params(params), strict=True))
        else:
            result = store.query(text, resolve_params(store, parse_params(params), strict=False))
    except StoreError as exc:
        msg = str(exc)
        raise click.ClickException(sparql_error(text or "", msg) if msg.startswith("SPARQL syntax error") else msg) from exc
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
    if fmt == "json":
        click.echo(json.dumps({"counts": counts, "top": [dict(zip(["type", "name", "papers"], t)) for t in tops]}, indent=1))
        return
    if fmt == "table":
        rows = [["node", k, v] for k, v in counts["nodes"].items()] + [["relationship", k, v] for k, v in counts["relationships"].items()]
        emit(["kind", "type", "count"], rows, fmt, title="counts")
        if tops:
            emit(["type", "name", "papers"], tops, fmt, title=f"top {top} entities per type")
        return
    # csv / jsonl: one table; section says which part a row belongs to, count is nodes, relations or papers
    rows = ([["node", k, "", v] for k, v in counts["nodes"].items()]
            + [["relationship", k, "", v] for k, v in counts["relationships"].items()]
            + [["top", t, name, n] for t, name, n in tops])
    emit(["section", "type", "name", "count"], rows, fmt)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "nt-shards", "nq-shards", "neo4j-csv", "graphml"]),
              default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(), default="-",
              help="Output file (default stdout); the directory for *-shards and neo4j-csv. Its parent directory must exist.")
@click.option("--shard-size", type=click.IntRange(1), default=1_000_000, show_default=True, help="Statements per shard (*-shards).")
@click.option("--gzip", "gzip_level", type=click.IntRange(1, 9), default=None, help="Gzip shards at this level (*-shards).")
@store_option
def export(directory, fmt, output, shard_size, gzip_level, store_loc):
    """Export the graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD, as
    numbered N-Triples/N-Quads shards in DIRECTORY for bulk loaders
    (``kg export --format nt-shards DIR --shard-size N``), or as node and
    relationship CSVs for ``neo4j-admin database import`` (``neo4j-csv DIR``),
    or as GraphML for Gephi and Cytoscape (``graphml``: papers and entities,
    with types and paper counts)."""
    from ..exports import export_rdf, export_shards
    from .contracts import check_output

    multi = fmt == "neo4j-csv" or fmt.endswith("-shards")
    check_output(directory, directory=True)
    check_output(output, directory=multi)
    if fmt == "graphml":
        _export_graphml(directory, output, store_loc)
        return
    if fmt == "neo4j-csv":
        from ..exports_neo4j import export_neo4j_csv

        target = directory or (output if output != "-" else None)
        if not target:
            raise click.UsageError("--format neo4j-csv needs a DIRECTORY")
        store = _open(store_loc, read_only=True)
        try:
            files = export_neo4j_csv(store, target)
        finally:
            store.close()
        click.echo(f"wrote {len(files)} CSV file(s) to {target}", err=True)
        return
    if fmt.endswith("-shards"):
        target = directory or (output if output != "-" else None)
        if not target:
            raise click.UsageError(f"--format {fmt} needs a DIRECTORY")
        store = _open(store_loc, read_only=True)
        try:
            files = export_shards(store, target, shard_size, quads=fmt == "nq-shards", gzip_level=gzip_level)
        finally:
            store.close()
        click.echo(f"wrote {len(files)} shard(s) to {target}", err=True)
        return
    if directory:
        raise click.UsageError("DIRECTORY is only for --format nt-shards/nq-shards; use -o FILE")
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


def _export_graphml(directory, output, store_loc) -> None:
    from ..exports_graphml import export_graphml

    if directory:
        raise click.UsageError("DIRECTORY is only for --format nt-shards/nq-shards/neo4j-csv; use -o FILE")
    store = _open(store_loc, **({"read_only": True} if "://" not in (store_loc or default_location()) else {}))
    try:
        if output == "-":
            g = export_graphml(store, sys.stdout.buffer)
        else:
            with open(output, "wb") as fh:
                g = export_graphml(store, fh)
    finally:
        store.close()
    if output != "-":
        click.echo(f"wrote {g.number_of_nodes()} nodes and {g.number_of_edges()} edges to {output}", err=True)


__all__ = ["build", "export", "extract", "query", "rebuild", "stats"]
