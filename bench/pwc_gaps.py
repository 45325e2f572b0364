"""Why a gazetteer-matched node has no Papers with Code id (issue 28).

``python bench/pwc_share.py INPUT --why`` sorts the nodes without an id
into the classes below, by what ../shared/corpora/pwc says of each of the
entry's names (name and aliases, compared by :func:`extractors.keys.name_key`
and its singular): the share is a ceiling of the data, or a fix is owed.

- ``metric``: Papers with Code has no metric pages (its task summaries name
  metrics only as column headers).
- ``variant``: a sized or versioned variant (BERT-base, ResNet-50): the
  family's page is not the variant's (README: never a family's page).
- ``collection``: a method collection of that name, or of that name plus
  "Methods"/"Algorithms" ("Markov Chain Monte Carlo", "Actor-Critic
  Algorithms"). The export gives a collection's name, not its path, and the
  slug rule does not give it: of the 31 category paths the descriptions link
  to, "pooling-operation" (Pooling Operations), "vision-transformer" (Vision
  Transformers) and "attention-mechanisms-1" are not the name's slug. So no
  id without the path seen (ontology/pwc_import.py ``method_pages``).
- ``not a page``: only a leaderboard or NLP-progress name (a model column, a
  dataset cell, a section), which is no Papers with Code page of its own.
- ``other thing``: a Papers with Code row of the same letters for another
  kind of thing: the dataset "OPT" for the model, the dataset "MAPS" for mAP,
  the lane dataset "LLAMAS" for LLaMA, a task "SSIM" for the metric.
- ``absent``: no name of the entry in any file there (methods newer than the
  2022 export: LoRA, LLaMA; tasks the 2025 list lacks: structure from motion).
- ``missed``: a page of one of its names that the import should have given:
  a fix is owed in ontology/pwc_import.py or ontology/gazetteer.py.
"""
from __future__ import annotations

import csv
import gzip
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

PWC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "pwc"
#: Sources of a page of that name (pwc_import reads these) and of names that are none.
PAGES = ("method", "task", "dataset")
NOT_PAGES = ("leaderboard", "nlp-progress")
#: Suffixes a collection adds to the concept's name ("Self-Training Methods").
_COLLECTION_SUFFIXES = ("methods", "algorithms")


@lru_cache(maxsize=2)
def pwc_names(pwc: Path = PWC) -> dict[str, frozenset[str]]:
    """name key -> sources naming it: ``method``, ``task``, ``dataset`` (task
    summaries' top datasets and benchmarks), ``collection``, ``leaderboard``
    (dataset and model cells) and ``nlp-progress`` (section path)."""
    from extractors.keys import name_key, singular_key
    from ontology.pwc_import import read_methods, task_names

    found: dict[str, set[str]] = defaultdict(set)

    def add(source: str, raw: str | None) -> None:
        raw = (raw or "").strip()
        if not raw:
            return
        key = name_key(raw)
        for k in {key, singular_key(key) or key}:
            found[k].add(source)

    for m in read_methods(pwc):  # the import's own readers: what it could have given a page
        for raw in (m["name"], *m["aliases"]):
            add("method", raw)
        for c in m["categories"]:
            add("collection", c)
    for raw in task_names(pwc):
        add("task", raw)
    for f in sorted((pwc / "task-summaries").rglob("*.csv")):
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                for col in ("Common Datasets (Top 10)", "Benchmarks"):
                    for raw in (r.get(col) or "").split(";"):
                        add("dataset", raw)
    with gzip.open(pwc / "leaderboard-rows.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            add("leaderboard", d.get("dataset"))
            add("leaderboard", d.get("model_name"))
    with gzip.open(pwc / "nlp-progress-rows.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            for s in (json.loads(line).get("section_path") or [])[1:]:
                add("nlp-progress", s if isinstance(s, str) else None)
    return {k: frozenset(v) for k, v in found.items()}


#: The Papers with Code source that may hold a page of each entity type.
_OWN = {"Method": ("method", "task"), "Task": ("task", "method"), "Dataset": ("dataset",),
        "Benchmark": ("dataset",), "Metric": ()}


def why_no_id(entry, names: dict[str, frozenset[str]]) -> str:
    """The class (module docstring) of a gazetteer entry without an id."""
    from extractors.keys import name_key, singular_key

    if entry.type.value == "Metric":
        return "metric"
    if entry.variant_of:
        return "variant"
    keys = {k for s in entry.surfaces for k0 in [name_key(s)] for k in (k0, singular_key(k0) or k0)}
    sources = set().union(*(names.get(k, ()) for k in keys))
    if sources & set(_OWN[entry.type.value]):
        return "missed"
    suffixed = {k + sfx for k in keys for sfx in _COLLECTION_SUFFIXES}
    if entry.type.value in ("Method", "Task") and "collection" in sources | set().union(
            *(names.get(k, ()) for k in suffixed)):
        return "collection"
    if sources & set(NOT_PAGES):
        return "not a page"
    if sources:
        return "other thing"
    return "absent"
