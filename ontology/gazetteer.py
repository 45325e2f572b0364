"""Load the curated gazetteer (ontology/gazetteer/*.tsv) into typed entries.

One TSV per entity type, columns ``name, aliases, part_of, variant_of,
case_sensitive, task``. The files are the data; this module only parses them
and offers the derived indexes the extractors and the linker need.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR, EntityType

FILES: dict[EntityType, str] = {
    EntityType.DATASET: "datasets.tsv",
    EntityType.BENCHMARK: "benchmarks.tsv",
    EntityType.METHOD: "methods.tsv",
    EntityType.METRIC: "metrics.tsv",
    EntityType.TASK: "tasks.tsv",
}


@dataclass(slots=True)
class GazetteerEntry:
    """One curated entity: canonical name, type, aliases and its links."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    part_of: str | None = None
    variant_of: str | None = None
    case_sensitive: bool = False
    task: str | None = None
    surfaces: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        self.surfaces = (self.name, *self.aliases)


def exact_case(surface: str) -> bool:
    """Whether a surface of a ``case_sensitive`` entry must match case-exactly:
    short single words do ("ARC", "Adam"); long forms never need it
    ("Contrastive Language-Image Pre-training")."""
    return " " not in surface.strip() and len(surface) <= 8


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_entries(directory: Path = GAZETTEER_DIR) -> list[GazetteerEntry]:
    """All gazetteer entries, in file order (datasets, benchmarks, ...)."""
    entries: list[GazetteerEntry] = []
    for etype, fname in FILES.items():
        path = directory / fname
        if not path.exists():
            continue
        for row in _rows(path):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            entries.append(
                GazetteerEntry(
                    name=name,
                    type=etype,
                    aliases=aliases,
                    part_of=(row.get("part_of") or "").strip() or None,
                    variant_of=(row.get("variant_of") or "").strip() or None,
                    case_sensitive=(row.get("case_sensitive") or "").strip() in {"1", "true", "yes"},
                    task=(row.get("task") or "").strip() or None,
                )
            )
    return entries


@lru_cache(maxsize=1)
def default_entries() -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer, loaded once per process."""
    return tuple(load_entries())


def gazetteer_version(directory: Path = GAZETTEER_DIR) -> str:
    """Content hash of the gazetteer files: part of the pipeline version."""
    digest = hashlib.sha256()
    for fname in FILES.values():
        path = directory / fname
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
