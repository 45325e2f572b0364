"""``kg leaderboard``: the results extracted for one dataset, best first."""
from __future__ import annotations

import click

from .. import leaderboard as lb
from ..resolve import PARAM_TYPES
from ..stores import StoreError, default_location
from . import main
from .commands import _open, store_option
from .contracts import resolve_name
from .output import emit, format_option


@main.command("leaderboard")
@click.option("--dataset", required=True, metavar="NAME", help="Dataset or benchmark: name, alias or id (case-insensitive).")
@click.option("--metric", default=None, metavar="NAME", help="Only results measuring this metric (name, alias or id).")
@click.option("--task", default=None, metavar="NAME", help="Only results of papers addressing this task.")
@click.option("--paper-level", is_flag=True,
              help="Also results of papers that evaluate on the dataset whose result names no dataset (link=paper).")
@store_option
@format_option
def leaderboard_cmd(dataset, metric, task, paper_level, store_loc, fmt):
    """Results reported on DATASET, grouped by metric and unit, best first.

    rank is set where the metric's direction (higher/lower is better) is
    known; evidence is the abstract sentence stating the result. Names are
    resolved as everywhere (name, alias or id, any case); an unknown one is
    an error (exit 1) with "did you mean" suggestions.
    """
    loc = store_loc or default_location()
    store = _open(loc, **({"read_only": True} if "://" not in loc else {}))
    try:
        # resolved to the entity's id, which the leaderboard query matches exactly
        ds = resolve_name(store, dataset, PARAM_TYPES["dataset"]).id
        mt = resolve_name(store, metric, PARAM_TYPES["metric"]).id if metric else None
        tk = resolve_name(store, task, PARAM_TYPES["task"]).id if task else None
        rows = lb.leaderboard_rows(store, ds, metric=mt, task=tk, paper_level=paper_level)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if not rows:
        click.echo(f"no results extracted for {dataset!r}" + (" with these filters" if metric or task else ""), err=True)
    emit(lb.COLUMNS, rows, fmt, title=f"leaderboard: {dataset}")
