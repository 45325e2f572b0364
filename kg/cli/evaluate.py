"""``kg evaluate``: score entity extraction on a gold corpus (SciERC, SciER, TDMSci)."""
from __future__ import annotations

import json

import click

from . import main
from .commands import fast_option


@main.command("evaluate")
@click.argument("corpus_path", type=click.Path(exists=True), required=False)
@click.option("--results", "results_path", type=click.Path(exists=True, dir_okay=False), default=None, metavar="FILE",
              help="Score results instead: value recall and metric/dataset/method links against the gold FILE "
                   "(JSON lines; bench/results_gold.py writes one from ../shared; audit gold_*.jsonl files also work).")
@click.option("--corpus", type=click.Choice(["scierc", "scier", "tdmsci"]), default=None,
              help="Corpus format and type set (default: auto-detect from the file).")
@fast_option
@click.option("--raw", is_flag=True, help="Score the spans as kg extract gives them, without the corpus' restatements.")
@click.option("--output", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--folds", type=int, default=None,
              help="TDMSci cross-validation: train the NER with the shipped recipe on k-1 folds, "
                   "score on the held-out fold, report the mean (slow: trains k models; "
                   "with --model accurate, k encoders).")
@click.option("--relations", is_flag=True,
              help="Score entity-to-entity relations (Rel: both spans and the type; Rel+: entity types too) "
                   "against SciER dev.jsonl or SciERC *.json relation gold; see kg/evaluate_relations.py "
                   "for the SciERC type mapping.")
def evaluate_cmd(corpus_path: str | None, results_path: str | None, corpus: str | None, fast: bool | str, raw: bool,
                 output: str, folds: int | None, relations: bool) -> None:
    """Precision, recall and F1 of extracted entities against CORPUS_PATH.

    CORPUS_PATH is a SciERC ``*.json``, SciER ``dev.jsonl`` / ``*_sentences.jsonl``
    / ``train.jsonl`` or TDMSci ``*.conll`` file (a directory means its dev
    file). Scores per type and micro-averaged, for exact and overlapping
    span + type. Types: Method, Task, Metric (SciERC); Method, Task, Dataset
    (SciER); Task, Dataset, Metric (TDMSci); our Benchmark counts as Dataset.
    """
    if results_path:
        from ..evaluate_results import evaluate_results, format_results

        try:
            res = evaluate_results(results_path, fast=fast)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(res, indent=1) if output == "json" else format_results(res))
        return
    if not corpus_path:
        raise click.UsageError("give CORPUS_PATH or --results FILE")
    from ..evaluate import cross_validate, evaluate, format_table, read_corpus, resolve_path, detect_corpus

    if relations:
        if folds:
            raise click.UsageError("--relations and --folds do not combine")
        from ..evaluate_relations import evaluate_relations, format_relation_table

        try:
            result = evaluate_relations(corpus_path, corpus=corpus, fast=fast)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(result, indent=1) if output == "json" else format_relation_table(result))
        return
    if folds:
        detected = corpus or detect_corpus(resolve_path(corpus_path))[0]
        if detected != "tdmsci":
            raise click.UsageError("--folds is for TDMSci (CoNLL) files")
        log = (lambda msg: click.echo(msg, err=True)) if output == "table" else None
        result = cross_validate(corpus_path, folds=folds, fast=fast, log=log)
    else:
        result = evaluate(corpus_path, corpus=corpus, fast=fast, raw=raw)
    if output == "json":
        click.echo(json.dumps(result, indent=1))
    else:
        click.echo(format_table(result))
