"""Load the curated gazetteer (ontology/gazetteer/*.tsv) into typed entries.

One TSV per entity type, columns ``name, aliases, part_of, variant_of,
case_sensitive, task``, then ``pwc.tsv`` (Papers with Code methods, tasks and
datasets, CC BY-SA 4.0, built by :mod:`ontology.pwc_import`): a PwC row with
the name or an alias of a curated entry of its type gives that entry its PwC
URL, categories and benchmark tasks; any other row is an entry of its own,
matched in text only when ``match`` says the real abstracts back it. The
files are the data; this module only parses them and offers the derived
indexes the extractors and the linker need.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR, EntityType
from .general_names import split_general_aliases

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
    external_id: str | None = None  # Papers with Code URL (pwc.tsv)
    categories: tuple[str, ...] = ()  # PwC method collections
    tasks: tuple[str, ...] = ()  # tasks a dataset is a benchmark for (BENCHMARK_FOR)
    match: bool = True  # False: linked when extracted, never matched in text
    label: str | None = None  # the name a node shows, when not ``name`` (pwc.tsv: "Transformer Decoder" for "T-D")
    surfaces: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        self.surfaces = (self.name, *self.aliases)


def exact_case(surface: str) -> bool:
    """Whether a surface of a ``case_sensitive`` entry must match case-exactly:
    short single words do ("ARC", "Adam"); long forms never need it
    ("Contrastive Language-Image Pre-training")."""
    return " " not in surface.strip() and len(surface) <= 8


def word_name(entry: GazetteerEntry) -> bool:
    """A name that is also an English word, one Capitalised word matched
    case-exactly ("Whisper", "Falcon", "Spider", "Adam"): its plural is the
    word ("Whispers of Doubt"), never the thing, so it has none."""
    return entry.case_sensitive and entry.name.isalpha() and entry.name[:1].isupper() and entry.name[1:].islower()


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_entries(directory: Path = GAZETTEER_DIR, pwc: bool = True) -> list[GazetteerEntry]:
    """All gazetteer entries, in file order (datasets, benchmarks, ...), then
    the Papers with Code ones (``pwc``)."""
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
    rows = list(_rows(directory / PWC_FILE)) if pwc and (directory / PWC_FILE).exists() else []
    # an alias that is the common head of several names is a concept of its own (ontology.general_names)
    entries = split_general_aliases(entries, [(_GROUP[EntityType(r["type"])], r["name"]) for r in rows])
    if rows:
        entries.extend(merge_pwc(entries, rows))
    return entries


PWC_FILE = "pwc.tsv"
PWC_BASE = "https://paperswithcode.com/"
_GROUP = {EntityType.DATASET: "data", EntityType.BENCHMARK: "data", EntityType.METHOD: "method",
          EntityType.TASK: "task", EntityType.METRIC: "metric"}


def merge_pwc(entries: list[GazetteerEntry], rows) -> list[GazetteerEntry]:
    """Attach PwC ids to ``entries`` (in place) and return the PwC-only entries.

    A row whose names are taken by an entry of another type is left out
    (curated types win)."""
    from extractors.keys import name_key, singular_key

    owner: dict[tuple[str, str], GazetteerEntry] = {}  # (type group, key): a PwC method "MAE" is no metric's
    taken: set[str] = set()
    for e in entries:
        for s in e.surfaces:
            owner.setdefault((_GROUP[e.type], name_key(s)), e)
            taken.add(name_key(s))
    loose: dict[tuple[str, str], GazetteerEntry] = {}  # singular keys, for entries still without an id
    for (group, k), e in owner.items():
        loose.setdefault((group, singular_key(k) or k), e)
    new: list[GazetteerEntry] = []
    exact: set[int] = set()  # entries whose id came from a row of their own name
    heads = {k: e.type for (group, k), e in owner.items() if group in ("task", "method")}  # curated only
    for row in rows:
        etype = EntityType(row["type"])
        name = row["name"].strip()
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        url = PWC_BASE + row["pwc"].strip()
        cats = tuple(c for c in (row.get("categories") or "").split("|") if c)
        tasks = tuple(t for t in (row.get("tasks") or "").split("|") if t)
        keys = [name_key(s) for s in (name, *aliases)]
        group = _GROUP[etype]
        known = [owner[(group, k)] for k in keys if (group, k) in owner]
        if known:
            e = known[0]
            same_name = keys[0] == name_key(e.name)  # "ImageNet" over its alias "ImageNet-1k"
            if id(e) not in exact and (e.external_id is None or same_name):
                e.external_id, e.categories = url, cats
                e.tasks = tuple(dict.fromkeys((*e.tasks, *tasks)))
                if same_name:
                    exact.add(id(e))
            continue
        if (e := _same_concept(etype, keys, loose)) is not None:
            e.external_id = url  # PwC's page of this concept, under PwC's own type or spelling
            continue
        if (e := _page_for(etype, keys, loose)) is not None:
            e.external_id = url  # and the row stays a name of its own ("recommendation systems")
        if any(k in taken for k in keys):
            continue  # the name is another type's (curated types win)
        if etype in (EntityType.TASK, EntityType.METHOD):
            etype = _usage_type(name, etype, heads)
        e = GazetteerEntry(name, etype, aliases, case_sensitive=exact_case(name) and " " not in name,
                           external_id=url, categories=cats, tasks=tasks, match=row.get("match") == "1",
                           label=(row.get("label") or "").strip() or None)
        new.append(e)
        for k in keys:
            owner.setdefault((group, k), e)
            taken.add(k)
    return new


def _usage_type(name: str, etype: EntityType, heads: dict[str, EntityType] | None = None) -> EntityType:
    """A PwC-only task or method typed by how real abstracts write it
    (:mod:`ontology.usage_evidence`): PwC lists techniques as tasks ("Deep
    Reinforcement Learning", "Ensemble Learning", "Data Augmentation");
    unclear or rare usage keeps PwC's type. Curated entries never get here.

    Where usage says nothing, a name whose head is a curated task or method
    takes the head's type (``heads``: curated name keys -> type): "Safe
    Reinforcement Learning", "Visual Prompt Tuning", "Data-free Knowledge
    Distillation" are kinds of reinforcement learning, prompt tuning and
    distillation, and a kind of a thing is the same type of thing (the head
    of an English compound names its class; Hearst 1992's hyponymy reading).
    Only a head of two or more words, not after a preposition ("Entity
    Extraction using GAN" is headed by "Entity Extraction"): one-word heads
    ("Segmentation" of "Unigram Segmentation", "dropout" of "Student
    dropout") were wrong 6 of 8 times. Of the PwC rows this retypes 17
    (Task -> Method), read one by one: 16 right (11 RL variants, prompting,
    prompt-tuning, distillation and contrastive learning variants), 1
    doubtful ("Few-Shot Imitation Learning"). On 3,000 real abstracts never
    read before (``draw_sample(3000, 428028)``) 3 nodes change type, 3 right;
    212 of the 120,000 abstracts name one of the 17, and of 32 read at
    random 30 use it as a technique (2 frame it as a field or a setting)."""
    from extractors.keys import name_key

    from .usage_evidence import usage_type

    typed = usage_type(name)
    if typed is not None:
        return EntityType(typed)
    words = name.split()
    for i in range(1, len(words) - 1):
        if words[i - 1].lower() in _PREPOSITIONS:
            break
        head = heads.get(name_key(" ".join(words[i:]))) if heads else None
        if head is not None:
            return head
    if etype is EntityType.TASK and artifact_headed(name):
        return EntityType.METHOD
    return etype


#: Head words of things a method is or makes, not of problems: PwC files "Sentence Embeddings",
#: "Unsupervised Pre-training", "Contextualised Word Representations", "Hard Attention", "Tensor
#: Networks" as tasks. The head of a compound names its class (Hearst 1992), so these are Method
#: (tests/data/audit/GUIDE.md: model families and techniques). Not "rendering" ("Inverse Rendering",
#: "Bokeh Effect Rendering" are problems), nor after a preposition ("Classification with Binary
#: Neural Network") or a gerund ("Probing Language Models", "Learning Word Embeddings"): the problem
#: is the words before. Of the 4,608 PwC task rows 46 are retyped so (none curated), read one by
#: one: 40 name an embedding, representation, model family, attention or pre-training technique;
#: 6 are doubtful ("Explainable Models", "3D Architecture", "Syntax Representation", "Network
#: Embedding", which PwC and some papers treat as a problem, and the bare "model"). On the audit's parts A-H (standard) 5 wrong-type
#: Task nodes become Method (Sentence Embeddings twice, Unsupervised Pre-training, Continual
#: Pretraining, Contextualised Word Representations).
_ARTIFACT_HEAD = re.compile(
    r"(?:embeddings?|representations?|networks?|models?|pre-?training|architectures?|encoders?|decoders?"
    r"|transformers?|autoencoders?|attention)$", re.I)


def artifact_headed(name: str) -> bool:
    """Whether a task-typed name is headed by a method's kind of thing (:data:`_ARTIFACT_HEAD`)."""
    words = name.split()
    if not words or not _ARTIFACT_HEAD.search(words[-1]) or words[0].lower().endswith("ing") and len(words) > 1:
        return False
    return not any(w.lower() in _PREPOSITIONS or w.lower() == "within" for w in words[:-1])


_PREPOSITIONS = frozenset("of for with using by via in on from to under".split())


def _same_concept(etype: EntityType, keys: list[str], loose: dict[tuple[str, str], GazetteerEntry]) -> GazetteerEntry | None:
    """A curated entry without a PwC id that a PwC row names after all: in the
    plural ("Focal Transformers"), with "Loss" after a method's name ("CTC
    Loss" / Connectionist Temporal Classification), or as a PwC *task* named
    after a method family or a benchmark ("Mixture-of-Experts", "State Space
    Models", "Mamba", "TruthfulQA": the 2025 task list has pages for them, the
    2022 methods export does not). Never a PwC dataset or method for another
    type ("OPT" the dataset is not OPT the model), never a metric (PwC has no
    metric pages)."""
    from extractors.keys import singular_key

    groups = [_GROUP[etype]] + (["method", "data"] if etype is EntityType.TASK else [])
    variants = [singular_key(k) or k for k in keys]
    if etype is EntityType.METHOD:
        variants += [k[:-4] for k in keys if k.endswith("loss") and len(k) > 8]
    for group in groups:
        for k in variants:
            e = loose.get((group, k))
            if e is not None and e.external_id is None and e.type is not EntityType.METRIC:
                return e
    return None


#: PwC pages named for a concept's systems or methods: "Recommendation
#: Systems" (recommendation), "Task-Oriented Dialogue Systems", "Policy Gradient
#: Methods"; datasets named with "Dataset"/"Benchmark" after the name
#: ("Mapillary Vistas Dataset", "Meta-World Benchmark"); and spellings the name
#: keys keep apart ("Behavioural cloning", "Open-Domain Dialog"). Each of the
#: 7 pages these reach in the curated files was read: all name the entry's concept.
_PAGE_SUFFIXES = {EntityType.TASK: ("systems", "methods"), EntityType.DATASET: ("dataset", "benchmark")}
_PAGE_SPELLINGS = (("behavioural", "behavioral"), ("behaviour", "behavior"), ("dialog", "dialogue"))


def page_variants(etype: EntityType, key: str) -> list[str]:
    """Keys of the concept a PwC row of ``etype`` may name under another form (above)."""
    out = [key[: -len(s)] for s in _PAGE_SUFFIXES.get(etype, ()) if key.endswith(s) and len(key) - len(s) >= 4]
    if etype is EntityType.TASK:
        out += [key.replace(a, b) for a, b in _PAGE_SPELLINGS if a in key and (a != "dialog" or "dialogue" not in key)]
    return out


def _page_for(etype: EntityType, keys: list[str], loose: dict[tuple[str, str], GazetteerEntry]) -> GazetteerEntry | None:
    """A curated entry without a PwC id whose concept a PwC task or dataset
    page names with a suffix or in another spelling (:func:`page_variants`)."""
    from extractors.keys import singular_key

    variants = [singular_key(v) or v for k in keys for v in page_variants(etype, k)]  # loose keys are singular
    for group in ("task", "method") if etype is EntityType.TASK else ("data",):
        for k in variants:
            e = loose.get((group, k))
            if e is not None and e.external_id is None and e.type is not EntityType.METRIC:
                return e
    return None


@lru_cache(maxsize=1)
def default_entries() -> tuple[GazetteerEntry, ...]:
    """The shipped gazetteer, loaded once per process."""
    return tuple(load_entries())


def gazetteer_version(directory: Path = GAZETTEER_DIR) -> str:
    """Content hash of the gazetteer files: part of the pipeline version.

    Every data file of the directory counts, so a table added later (as
    acronym_evidence.tsv.gz was, at stop 39, without joining a hand-kept
    list) still makes `kg build` re-extract when it changes."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.tsv*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
