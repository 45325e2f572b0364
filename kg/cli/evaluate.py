"""``kg evaluate``: score entity extraction on a gold corpus (SciERC, SciER, TDMSci)."""
from __future__ import annotations

import json

import click

from . import main
from .commands import fast_option


@main.command("evaluate")
@click.argument("corpus_path", type=click.Path(exists=True))
@click.option("--corpus", type=click.Choice(["scierc", "scier", "tdmsci"]), default=None,
              help="Corpus format and type set (default: auto-detect from the file).")
@fast_option
@click.option("--raw", is_flag=True, help="Score the spans as kg extract gives them, without the corpus' restatements.")
@click.option("--output", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--folds", type=int, default=None,
              help="TDMSci cross-validation: train the NER with the shipped recipe on k-1 folds, "
                   "score on the held-out fold, report the mean (slow: trains k models; "
                   "with --model accurate, k encoders).")
def evaluate_cmd(corpus_path: str, corpus: str | None, fast: bool | str, raw: bool, output: str,
                 folds: int | None) -> None:
    """Precision, recall and F1 of extracted entities against CORPUS_PATH.

    CORPUS_PATH is a SciERC ``*.json``, SciER ``dev.jsonl`` / ``*_sentences.jsonl``
    / ``train.jsonl`` or TDMSci ``*.conll`` file (a directory means its dev
    file). Scores per type and micro-averaged, for exact and overlapping
    span + type. Types: Method, Task, Metric (SciERC); Method, Task, Dataset
    (SciER); Task, Dataset, Metric (TDMSci); our Benchmark counts as Dataset.
    """
    from ..evaluate import cross_validate, evaluate, format_table, read_corpus, resolve_path, detect_corpus

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
