"""Build ontology/gazetteer/pwc.tsv from the Papers with Code exports.

``python -m ontology.pwc_import ../shared/corpora/pwc ../shared/corpora/abstracts``
reads the methods (methods-2022.jsonl.gz: name, full name, slug, collections),
the tasks (tasks-2025.txt and the task names of task-summaries/) and the datasets named per task in task-summaries/
(top datasets and benchmark names; a benchmark's split or setting after the
dataset's name, "COCO test-dev", "CIFAR-100, 40% Symmetric Noise", is cut off),
and writes one row per entity with its Papers with Code path: the method's
slug as exported; a task's and a dataset's path from its name by Papers with
Code's slug rule (lower case, runs of other characters as '-'): derived, not
looked up. A task listed with a setting in brackets ("Common Sense Reasoning
(Few-Shot)") is a page of its own, never the plain task's (the plain name keeps
its page) and its setting no alias; a bracketed acronym ("(ASR)") is one.
Curated entries get a page from outside the exports only under their own name:
a research area (``area/<slug>``: "Computer Vision"), or a dataset that the
leaderboard or NLP-progress rows name ("WikiText-2", "SNLI") when both
spellings give one path (:func:`curated_names`).

PwC names include common words ("Attention", "Dropout", "Reasoning"), which
as gazetteer surfaces would tag every "attention" in an abstract. So a row is
*matched* in text (``match`` = 1) only with evidence from real abstracts
(counted here on 20,000 sampled abstracts of ../shared/corpora/abstracts): a
coined name (capitals inside or digits: "ResNet", "VQ-VAE"; not a capitals
acronym of up to 4 letters, VOS or TUM, which is anyone's) written that way
in at least 2 sampled abstracts (3 for a dataset) and more often so than in
lower case; a task or a method of two or more words found in at least 5 (a
task only with a task's head word: PwC files "Word Embeddings" and "Data
Augmentation" as tasks, which SciER annotates as methods).
Datasets that no sampled abstract names and no curated entry lists are left
out (the file stays small). Every other row is *linked only*:
an extracted mention with the same name gets its id. The data is CC BY-SA 4.0
(Papers with Code); the file header says so.
"""
from __future__ import annotations

import csv
import gzip
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from . import GAZETTEER_DIR

OUT = GAZETTEER_DIR / "pwc.tsv"
BASE = "https://paperswithcode.com/"
HEADER = (
    "# Papers with Code methods, tasks and datasets with their ids (https://paperswithcode.com/<pwc>).\n"
    "# Source: Papers with Code exports (methods 2022: github:mariaayuso/topic-modeling-on-software commit 93b8bff;\n"
    "# tasks and task summaries July 2025: github:World-Snapshot/papers-with-code), read from ../shared/corpora/pwc.\n"
    "# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Attribution: Papers with Code\n"
    "# (paperswithcode.com), its contributors. This file is a derived work under the same licence.\n"
    "# Built by ontology/pwc_import.py. Columns: type, name, aliases (|), pwc (method slugs as exported; task, area and\n"
    "# dataset paths derived from the name by the PwC slug rule; leaderboard and NLP-progress dataset names and research\n"
    "# areas only where they are a curated entry's own name), categories (method collections, |), tasks\n"
    "# (BENCHMARK_FOR: tasks a dataset is a top dataset or benchmark of, |), match (1 = matched in text; 0 = linked\n"
    "# only), docs (sampled abstracts writing it), label (the name a node shows when not the PwC short name:\n"
    "# the long name, where real abstracts write it at least twice as often).\n"
)
_SPLIT = re.compile(r"(?:,.*|\s+\((?:[^()]*)\)$|\s+(?:val|valid|validation|test|test-dev|test-std|dev|train|testfinal|"
                    r"test set|val set|full|mini|small|large)$)", re.I)
_PAREN_FULL = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<full>[^()]{6,})\)$")
#: A benchmark's setting in brackets is no second name: "CIFAR-10 (10% data)", "ImageNet
#: (targeted PGD, max perturbation=16)", "(partial ratio 0.1)" were aliases that linked "10% data".
_SETTING = re.compile(r"[%=,]|\d|^[a-z]")
_BAD = re.compile(r"[\^#$!@*]{2,}|^N/A$|^\W*$")
_NOT_TASKS = {"all", "other", "others", "none", "misc", "general"}  # PwC filler rows
SAMPLE = 20_000
MAX_WORDS = 5


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def read_methods(pwc: Path) -> list[dict]:
    rows = []
    with gzip.open(pwc / "methods-2022.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            sl = (m.get("url") or "").rsplit("/", 1)[-1]
            if not sl or not m.get("name"):
                continue
            aliases = [m["full_name"]] if m.get("full_name") and m["full_name"].lower() != m["name"].lower() else []
            cats = sorted({c["collection"] for c in m.get("collections") or [] if c.get("collection")})
            rows.append({"type": "Method", "name": m["name"].strip(), "aliases": aliases, "pwc": f"method/{sl}",
                         "categories": cats, "tasks": []})
    return rows


def task_names(pwc: Path) -> list[str]:
    """tasks-2025.txt, then the task and parent-task names of task-summaries/."""
    names = [line.strip().strip('"').strip() for line in (pwc / "tasks-2025.txt").read_text(encoding="utf-8").splitlines()]
    tables = [*sorted((pwc / "task-summaries").glob("*/*.csv")), *sorted((pwc / "task-summaries").glob("*.csv"))]
    for f in tables:
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                names.extend((r.get(col) or "").strip() for col in ("Task Name", "Parent Task", "Parent Task "))
    return list(dict.fromkeys(n for n in names if n))


def _acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` ("ASR", "CoIR", "XAI", "3D-QA") abbreviates ``name`` ("Automatic
    Speech Recognition"): one token with two capitals or more, starting with
    the name's first letter (X for "Ex..."), its letters in the name in order.
    A setting in brackets ("Few-Shot", "1-shot", "RoI", "AVG") is none."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]{1,9}", short) or sum(c.isupper() for c in short) < 2:
        return False
    low, first = name.lower(), short[0].lower()
    if not (low.startswith(first) or (first == "x" and low.startswith("ex"))):
        return False
    pos = 0
    for c in short.lower()[1:].replace("-", ""):
        pos = low.find(c, pos + 1)
        if pos < 0:
            return False
    return True


def task_row_name(raw: str) -> tuple[str, list[str]]:
    """(name, aliases) of a PwC task: "Automatic Speech Recognition (ASR)" is the
    name with its acronym; "Common Sense Reasoning (Few-Shot)" or "Face
    Recognition (Closed-Set)" is a task of its own, named with its setting: its
    page is not the plain task's, and "Few-Shot" names no task."""
    m = _PAREN_FULL.match(raw)
    if m and _spells(m.group("name"), m.group("full")) and _acronym_of(m.group("name").strip(), m.group("full")):
        return m.group("name").strip(), [m.group("full").strip()]  # "XAI (Explainable Artificial Intelligence)"
    m = re.match(r"^(?P<name>[^()]{6,}?)\s*\((?P<short>[^()]+)\)$", raw)
    if m and _acronym_of(m.group("short").strip(), m.group("name")):
        return m.group("name").strip(), [m.group("short").strip()]
    return raw, []


def read_tasks(pwc: Path) -> list[dict]:
    """Task rows, a plain name before its bracketed forms: "Recommendation
    Systems" keeps its own page, not that of "Recommendation Systems (Item
    cold-start)" listed before it."""
    rows = []
    by_name: dict[str, dict] = {}
    for raw in sorted(task_names(pwc), key=lambda n: "(" in n):  # stable: file order otherwise
        name, aliases = task_row_name(raw)
        if name.lower() in by_name:  # "Automatic Speech Recognition (ASR)" after the plain name: its acronym
            row = by_name[name.lower()]
            row["aliases"] += [a for a in aliases if a not in row["aliases"]]
            continue
        if len(name) < 3 or _BAD.search(name) or not re.search(r"[A-Za-z]{3}", name) or name.lower() in _NOT_TASKS:
            continue
        by_name[name.lower()] = {"type": "Task", "name": name, "aliases": aliases, "pwc": f"task/{slug(raw)}",
                                 "categories": [], "tasks": []}
        rows.append(by_name[name.lower()])
    return rows


def dataset_name(raw: str) -> tuple[str, list[str]] | None:
    """(name, aliases) of a task summary's dataset or benchmark entry."""
    raw = raw.strip()
    if not raw or _BAD.search(raw) or len(raw) > 60:
        return None
    m = _PAREN_FULL.match(raw)
    if m and " " in m.group("full") and _SETTING.search(m.group("full")) is None and _spells(m.group("name"), m.group("full")):
        return m.group("name").strip(), [m.group("full").strip()]
    name = _SPLIT.sub("", raw).strip()
    if len(name.split()) > 1 and _task_head(name):
        # a task's name ("Hyperpartisan News Detection", "Visual Question Generation"): no dataset's. 4
        # rows; on draw_sample(3000, 28090907) their 6 nodes were all the task (HND x2, VQG, long-term
        # visual localization x2 typed Dataset), and so was the 1 on 768 shared-task abstracts
        return None
    return (name, []) if len(name) >= 2 else None


def _spells(name: str, full: str) -> bool:
    """Whether ``full`` may spell ``name`` out: one of its words starts with the
    name's first letter ("ObjectNet (ImageNet classes)" is a setting)."""
    first = name.strip()[:1].lower()
    return any(w[:1].lower() == first for w in re.findall(r"[A-Za-z][\w-]*", full))


def read_datasets(pwc: Path) -> list[dict]:
    by_name: dict[str, dict] = {}
    files = sorted((pwc / "task-summaries").glob("*/*_tasks_detailed.csv"))
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                task = (r.get("Task Name") or "").strip()
                for col in ("Common Datasets (Top 10)", "Benchmarks"):
                    for raw in (r.get(col) or "").split(";"):
                        got = dataset_name(raw)
                        if got is None:
                            continue
                        name, aliases = got
                        row = by_name.setdefault(name.lower(), {"type": "Dataset", "name": name, "aliases": [],
                                                                "pwc": f"dataset/{slug(name)}", "categories": [], "tasks": []})
                        row["aliases"] = sorted(set(row["aliases"]) | set(aliases))
                        if task and task not in row["tasks"]:
                            row["tasks"].append(task)
    return list(by_name.values())


def read_areas(pwc: Path) -> list[dict]:
    """Papers with Code's research areas (task-summaries/research_areas.csv:
    "Computer Vision", "Natural Language Processing", "Reasoning"), each with
    its area page (``area/<slug>``)."""
    with (pwc / "task-summaries" / "research_areas.csv").open(encoding="utf-8") as fh:
        names = [(r.get("Research Area") or "").strip() for r in csv.DictReader(fh)]
    return [{"type": "Task", "name": n, "aliases": [], "pwc": f"area/{slug(n)}", "categories": [], "tasks": []}
            for n in names if n]


def leaderboard_dataset_names(pwc: Path) -> list[str]:
    """Dataset names of the leaderboard rows (``dataset``), then of the
    NLP-progress rows (the parts of ``section_path`` after the task): noisy
    ("Supervised:", "Knowledge-based", "Evaluation"), so :func:`build` keeps
    only those that are a curated dataset's own name."""
    names: list[str] = []
    with gzip.open(pwc / "leaderboard-rows.jsonl.gz", "rt", encoding="utf-8") as fh:
        names.extend((json.loads(line).get("dataset") or "").strip() for line in fh)
    with gzip.open(pwc / "nlp-progress-rows.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            names.extend(s.strip() for s in (json.loads(line).get("section_path") or [])[1:] if isinstance(s, str))
    return list(dict.fromkeys(n for n in names if n and not _BAD.search(n)))


def curated_names(pwc: Path, curated: dict[str, dict[str, set[str]]]) -> list[dict]:
    """Rows for curated entries that Papers with Code names only outside its
    exports: a research area with a curated task's name ("computer vision"),
    a leaderboard dataset with a curated dataset's name ("WikiText-2", "SNLI",
    "SQuAD2.0" for SQuAD 2.0; page path from the leaderboard's spelling).
    Only the entry's own name counts, never an alias: enwik8's alias "Hutter
    Prize" is a leaderboard, "WMT 2014 EN-DE" a table of the WMT 2014 page;
    and never a curated Benchmark: "SemEval" and "TREC" there are one
    dataset of a campaign. ``curated``: type -> name key -> slugs of curated entries' names."""
    from extractors.keys import name_key

    rows = [r for r in read_areas(pwc) if name_key(r["name"]) in curated.get("Task", set())]
    for n in leaderboard_dataset_names(pwc):
        if slug(n) in curated.get("Dataset", {}).get(name_key(n), ()):
            # and both spellings give one path: "X-Sum" (x-sum) is XSum (xsum), "SQuAD2.0" (squad2-0)
            # is SQuAD 2.0 (squad-2-0): which is PwC's page the data does not say
            rows.append({"type": "Dataset", "name": n, "aliases": [], "pwc": f"dataset/{slug(n)}", "categories": [], "tasks": []})
    return rows


#: "A **Feedforward Network**, or a **Multilayer Perceptron (MLP)**, is ...": the first
#: words of a PwC method's description, which name it twice.
_STATED = re.compile(r"^(?:An?|The)?\s*\*\*([^*]{2,80})\*\*,?\s+or\s+(?:an?\s+|the\s+)?\*\*([^*]{2,80})\*\*")
_CATEGORY_LINK = re.compile(r"paperswithcode\.com/methods/category/([a-z0-9-]+)")


def method_pages(pwc: Path, curated: dict[str, dict[str, set[str]]], covered: set[str] = frozenset()) -> list[dict]:
    """Rows for curated methods whose Papers with Code page the exported
    methods name under another name, in PwC's own words, never by a fuzzy join:

    - a name PwC's description states as the method's other name ("A
      **Feedforward Network**, or a **Multilayer Perceptron (MLP)**"): the
      curated "multilayer perceptron" gets method/feedforward-network;
    - a method collection whose name is a curated method's name (singular or
      plural: "Convolutional Neural Networks" for "convolutional neural
      network", "Adversarial Training") and whose page PwC's descriptions link
      to (``methods/category/<slug>``: the path is seen, not derived).

    Only a curated entry's own name counts, never an alias (the stated "SAM"
    and "LSA" name other things than the curated Segment Anything Model and
    latent semantic analysis). Of the curated entries these reach 4 that had
    no id, each page read and right: multilayer perceptron
    (feedforward-network), convolutional and recurrent neural network and
    adversarial training (their collections); He initialization and
    Advantage Actor-Critic get again the page their alias gave. On the seeds
    371 -> 375 of 567 gazetteer-matched nodes carry an id. ``curated``: type -> name key -> slugs;
    ``covered``: singular name keys the other rows give a page already (a
    curated "Transformer" keeps method/transformer, not the collection)."""
    from extractors.keys import name_key, singular_key

    own = curated.get("Method", {})
    singular = {singular_key(k) or k: k for k in own}
    rows: list[dict] = []
    linked: set[str] = set()
    collections: dict[str, str] = {}
    with gzip.open(pwc / "methods-2022.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            desc = (m.get("description") or "").strip()
            linked.update(_CATEGORY_LINK.findall(desc))
            for c in m.get("collections") or []:
                if c.get("collection"):
                    collections.setdefault(slug(c["collection"]), c["collection"])
            sl = (m.get("url") or "").rsplit("/", 1)[-1]
            stated = _STATED.match(desc)
            if not sl or not stated:
                continue
            for part in (p.strip() for g in stated.groups() for p in re.split(r"\s*\(|\)", g)):
                key = name_key(part)
                if key in own and (singular_key(key) or key) not in covered:
                    rows.append({"type": "Method", "name": part, "aliases": [], "pwc": f"method/{sl}",
                                 "categories": [], "tasks": []})
    for sl, name in collections.items():
        key = singular.get(singular_key(name_key(name)) or name_key(name))
        if key is not None and sl in linked and (singular_key(key) or key) not in covered:
            rows.append({"type": "Method", "name": name, "aliases": [], "pwc": f"methods/category/{sl}",
                         "categories": [], "tasks": []})
    return rows


def sample_counts(abstracts: Path, surfaces: set[str], n: int = SAMPLE, seed: int = 28) -> tuple[Counter, Counter]:
    """(case-exact docs, lower-case docs) per surface, over ``n`` sampled abstracts."""
    texts = []
    for fname in ("conference_papers.jsonl.gz", "acl_anthology.jsonl.gz"):
        with gzip.open(abstracts / fname, "rt", encoding="utf-8") as fh:
            texts.extend((json.loads(line).get("abstract") or "") for line in fh)
    random.Random(seed).shuffle(texts)
    exact_set = {s for s in surfaces if len(s.split()) <= MAX_WORDS}
    lower_set = {s.lower() for s in exact_set}
    exact, lower = Counter(), Counter()
    tok = re.compile(r"[A-Za-z0-9][\w.+-]*[\w+]|[A-Za-z0-9]")
    for text in texts[:n]:
        words = tok.findall(text)
        seen_e, seen_l = set(), set()
        for i in range(len(words)):
            for k in range(1, MAX_WORDS + 1):
                if i + k > len(words):
                    break
                g = " ".join(words[i : i + k])
                if g in exact_set:
                    seen_e.add(g)
                gl = g.lower()
                if gl in lower_set:
                    seen_l.add(gl)
        exact.update(seen_e)
        lower.update(seen_l)
    return exact, lower


def _coined(name: str) -> bool:
    return any(c.isupper() for c in name[1:]) or any(c.isdigit() for c in name)


#: Only methods are matched in text. Matching the tasks and datasets too (with
#: the rules below) cost SciERC dev 48.81 -> 48.21 and TDMSci train 74.35 ->
#: 74.01 exact F1 (SciER dev 70.64 -> 70.68): PwC files "Word Embeddings",
#: "Data Augmentation", "Binary Classification" as tasks and "YouTube",
#: "CoNLL" as datasets. They are linked when the extractors find them.
MATCHED_TYPES = ("Method",)


def _task_head(name: str) -> bool:
    """A task's name ends in a word that names a task ("... Recognition",
    "... Detection"; extractors.names' task heads), not in "learning", which
    names paradigms and methods as often."""
    from extractors.names import TASK_HEADS

    last = name.lower().split()[-1] if name.split() else ""
    return last != "learning" and last.endswith(TASK_HEADS)


def decide(row: dict, exact: Counter, lower: Counter) -> tuple[bool, int]:
    """(matched in text, sampled abstracts writing it) for one row."""
    name = row["name"]
    docs = max([exact[name]] + [exact[a] for a in row["aliases"]])
    if row["type"] not in MATCHED_TYPES:
        return False, docs  # tasks and datasets: linked only
    short_acronym = len(name) <= 4 and name.isupper()  # VOS, TUM, REM: anyone's acronym
    need = 3 if row["type"] == "Dataset" else 2
    if (" " not in name and _coined(name) and not short_acronym and exact[name] >= need
            and exact[name] * 2 >= lower[name.lower()]):
        return True, docs
    if row["type"] == "Task" and not _task_head(name):
        return False, docs  # PwC files "Word Embeddings", "Data Augmentation", "Deep Learning" as tasks
    if row["type"] in ("Task", "Method"):
        multi = [s for s in (name, *row["aliases"]) if len(re.findall(r"[A-Za-z]{2,}", s)) >= 2]
        ldocs = max((lower[s.lower()] for s in multi), default=0)
        if ldocs >= 5:
            return True, max(docs, ldocs)
    return False, docs


def corpus_counts(abstracts: Path, rows: list[dict]) -> tuple[Counter, Counter]:
    """(short-name docs, long-name docs) over every abstract (title and text) of
    ``abstracts`` for the method rows with a long name beside their short one.
    A one-word short name with two capitals or more ("T-D", "GBO") counts
    case-exactly (anyone's acronym in lower case is another word); any other
    ("Detr", "CTC Loss") and every long name case-insensitively."""
    pairs = [(r["name"], r["aliases"][0]) for r in rows if r["type"] == "Method" and r["aliases"]]
    exact = {s for s, _ in pairs if sum(c.isupper() for c in s) >= 2 and " " not in s}
    folded = {s.lower() for s, _ in pairs if s not in exact} | {lf.lower() for _, lf in pairs}
    first_e, first_f = {s.split()[0] for s in exact}, {s.split()[0] for s in folded}
    longest = max((len(s.split()) for s in exact | folded), default=1)
    tok = re.compile(r"[A-Za-z0-9][\w.+-]*[\w+]|[A-Za-z0-9]")
    short_docs, long_docs = Counter(), Counter()
    for fname in ("conference_papers.jsonl.gz", "acl_anthology.jsonl.gz"):
        with gzip.open(abstracts / fname, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                words = tok.findall(f"{d.get('title') or ''}\n{d.get('abstract') or ''}")
                low = [w.lower() for w in words]
                seen_e, seen_f = set(), set()
                for i in range(len(words)):
                    for k in range(1, longest + 1) if words[i] in first_e else ():
                        if (g := " ".join(words[i : i + k])) in exact:
                            seen_e.add(g)
                    for k in range(1, longest + 1) if low[i] in first_f else ():
                        if (g := " ".join(low[i : i + k])) in folded:
                            seen_f.add(g)
                short_docs.update(seen_e)
                long_docs.update(seen_f)
    counts = Counter({s: short_docs[s] if s in exact else long_docs[s.lower()] for s, _ in pairs})
    return counts, Counter({lf: long_docs[lf.lower()] for _, lf in pairs})


def display_label(row: dict, short_docs: Counter, long_docs: Counter) -> str:
    """The name a node of this row shows, when not the row's own: PwC names
    311 methods by a short form papers seldom write ("T-D" for Transformer
    Decoder, "GBO" for gradient-based optimization, "AE" for autoencoders).
    The long name is shown where the 120,000 real abstracts write it at least
    twice as often as the short one (counted by :func:`corpus_counts`; the
    short name stays an alias, so linking is unchanged). Of the 577 methods
    with a long name, 37 change (the list is in the commit message: "T-D" -> Transformer Decoder,
    "GBO" -> Gradient-based optimization, "AE" -> Autoencoders, "RESCAL RP" -> RESCAL ...)."""
    if row["type"] != "Method" or not row["aliases"]:
        return ""
    short, long_name = row["name"], row["aliases"][0]
    return long_name if short_docs[short] * 2 < long_docs[long_name] else ""


def build(pwc: Path, abstracts: Path, out: Path = OUT) -> Counter:
    from extractors.keys import name_key, singular_key

    from . import EntityType
    from .gazetteer import load_entries, page_variants

    entries = load_entries(pwc=False)
    curated = {name_key(s) for e in entries for s in e.surfaces}
    own_names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in entries:
        own_names[e.type.value][name_key(e.name)].add(slug(e.name))
    rows = read_methods(pwc) + read_tasks(pwc) + read_datasets(pwc) + curated_names(pwc, own_names)
    covered = {singular_key(k) or k for r in rows for k in map(name_key, (r["name"], *r["aliases"]))}
    rows += method_pages(pwc, own_names, covered)
    surfaces = {s for r in rows for s in (r["name"], *r["aliases"])}
    exact, lower = sample_counts(abstracts, surfaces)
    short_docs, long_docs = corpus_counts(abstracts, rows)
    stats: Counter = Counter()
    seen: set[tuple[str, str]] = set()
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.write("type\tname\taliases\tpwc\tcategories\ttasks\tmatch\tdocs\tlabel\n")
        for r in rows:
            if (r["type"], r["name"].lower()) in seen or "\t" in r["name"]:
                continue
            seen.add((r["type"], r["name"].lower()))
            match, docs = decide(r, exact, lower)
            keys = {name_key(s) for s in (r["name"], *r["aliases"])}
            keys |= {v for k in keys for v in page_variants(EntityType.DATASET, k)}  # "Meta-World Benchmark"
            if r["type"] == "Dataset" and not docs and not lower[r["name"].lower()] and not curated & keys:
                continue  # a dataset no sampled abstract names, unknown to the curated files: left out (small file)
            stats[(r["type"], match)] += 1
            fh.write("\t".join([r["type"], r["name"], "|".join(a for a in r["aliases"] if "|" not in a), r["pwc"],
                                "|".join(r["categories"]), "|".join(r["tasks"]), "1" if match else "0", str(docs),
                                display_label(r, short_docs, long_docs)]) + "\n")
    return stats


if __name__ == "__main__":
    pwc_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/pwc")
    abstracts_dir = Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora/abstracts")
    for (etype, match), n in sorted(build(pwc_dir, abstracts_dir).items()):
        print(etype, "matched" if match else "linked only", n)
