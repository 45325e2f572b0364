"""Established lower-case techniques and tasks, mined from real abstracts.

"data augmentation", "knowledge distillation", "beam search", "deep
learning", "fine-tuning": names a researcher wants as nodes (the audit's
guide counts them specific), written lower-case, so neither capitals nor a
coined shape mark them, and the curated gazetteer lists few. What marks them
is how the literature writes them (termhood, Frantzi, Ananiadou & Mima 2000;
distributional typing, Hearst 1992, Shang et al. 2018):

* recurrence: the lower-case phrase is written in many abstracts
  (document frequency, :data:`MIN_DF`);
* use as a thing: it is the object of "using / with / via / apply / adopt /
  based on X", or the subject of "X is used" (:mod:`ontology.usage_evidence`'s
  contexts), in at least :data:`MIN_CONTEXTS` occurrences, and those contexts
  type it clearly (Method: tools; Task: "for X", "the X task");
* a name: for a phrase of two or more words, abstracts define it as an
  abbreviation's long form or write it in Title Case
  (:mod:`ontology.phrase_evidence`, at least :data:`MIN_NAMED` abstracts),
  or Papers with Code lists it as a task or method name that the gazetteer
  only links (:func:`listed_names`: "fraud detection", "binary
  classification", "depthwise convolution"); where usage leaves such a
  phrase's type open, Papers with Code's type decides if the head agrees
  (a Task name ends in a task head, a Method name does not);
  one word must instead be used as a tool in most of its contexts and have a
  technique's head (:data:`ONE_WORD_HEADS`);
* where the contexts do not decide the type (a tool share between 0.2 and
  0.5), the head word does ("fine-tuning": "for fine-tuning" as often as
  "with fine-tuning"), if the phrase is used so in at least
  :data:`HEAD_USE_SHARE` of the abstracts naming it; never "learning", which
  heads fields and settings as often as techniques;
* a whole name: no one word precedes it, or follows it, in
  :data:`TAIL_SHARE` or more of its uses ("entity recognition" is written
  after "named", "simultaneous localization" before "and mapping").

Candidates are the phrases of one to three lower-case words that end in a
technique's or a task's head word (:data:`METHOD_HEADS`, :data:`TASK_HEADS`)
and open on no determiner, pronoun or word of praise/degree/place
(:data:`NOT_FIRST`). Gazetteer names are left out (the gazetteer matches them).

Stop 38 (issue 28's node recall): of the 1,606 specific gold entities of
audit parts A-I, 793 were no node of their paper (standard tier), 407 of them
lower-case phrases of several words. Counted over the 120,000 abstracts, the
lower-case multi-word gold entities that are defined or Title-Cased in 3+
abstracts or listed by Papers with Code are specific far more often than
generic (written in 10-29 abstracts: 15 specific, 0 generic; 30-99: 41 / 2;
100+: 103 / 27, the generic ones mostly Dataset-headed: "knowledge base",
"shared task", which no head here takes), and those without such evidence
are mostly generic (100+ abstracts: 47 specific, 252 generic). So the floor
went from 30 abstracts to 10 (:data:`MIN_DF`, :data:`MIN_DF_LISTED`), Papers
with Code names count as names, and the heads took "algorithm", "passing",
"connection", "approximation", "coding" (Method) and "planning",
"navigation", "locomotion", "manipulation", "capture", "relatedness",
"simplification", "mining", "induction", "description" (Task); "similarity"
and "rendering" were tried and left out ("semantic similarity" is a
measure as often as a task, "neural rendering" a technique). Table 105 ->
364 rows. Audit A-I, standard: nodes right 985 -> 992, wrong type, generic
and fragments unchanged, one new fragment-judged node ("dataset generation"
cut from a paper's own "regularization dataset generation strategy");
fast: 831 -> 852 right. On ``draw_sample(3000, 11031103)`` of
bench/same_output.py (standard, with kg/nodes.py taking a mined term from any
extractor): 99 papers change, +105 nodes (62 Task, 43 Method) -3 (renamed),
+55 paper relations -1. 45 new nodes read at random: 40 right, 2 wrong
("motion capture" of a "motion capture system", "word translation" cut from
"content word translation probability"), 3 "entity embeddings" meaning the
vectors (the audit's guide counts "contextual embeddings" a specific Method);
20 new relations read: 17 right (wrong: ADDRESSES of "motion capture data"
and of a "motion capture system", USES of "data mining", a Task).
SciERC train exact micro F1 standard 72.91 -> 72.94, fast 25.63 -> 26.44;
TDMSci train standard 74.02 -> 73.99, fast 56.74 -> 56.87 (kg evaluate).

``python -m ontology.established_terms ../shared/corpora/abstracts`` rebuilds
``ontology/gazetteer/established_terms.tsv`` (phrase, type, document
frequency, tool and problem contexts, defined and Title Case abstracts):
counts derived from the abstracts, no text of them; the abstracts' own
licences (ACL Anthology CC BY 4.0; the conference file's publishers) cover
such derived statistics as they cover phrase_evidence.tsv.gz.
:func:`established_terms` reads it.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import GAZETTEER_DIR

PATH = GAZETTEER_DIR / "established_terms.tsv"

#: Head words of techniques and model families.
METHOD_HEADS = frozenset("""learning network networks model models augmentation distillation search sampling
    regularization attention embedding embeddings tuning fine-tuning finetuning optimization descent transformer
    transformers encoder encoders decoder decoders pooling dropout normalization clustering decoding pruning
    quantization bootstrapping boosting bagging ensemble ensembles crowdsourcing prompting regression classifier
    classifiers forest forests machine machines process processes filter filters convolution convolutions
    mechanism loss losses programming annealing propagation backpropagation reduction factorization
    decomposition autoencoder autoencoders perceptron perceptrons tree trees field fields words transfer
    training pre-training pretraining inference estimator estimation algorithm algorithms passing connection
    connections approximation coding""".split())
#: Head words of tasks.
TASK_HEADS = frozenset("""detection recognition segmentation classification translation answering summarization
    parsing generation tagging labeling labelling extraction retrieval tracking prediction captioning
    resolution disambiguation recommendation localization completion matching alignment inpainting
    synthesis reasoning understanding verification identification planning navigation locomotion manipulation
    capture relatedness simplification mining induction description""".split())
#: One word is a node only as a technique used as a tool ("fine-tuning", "bootstrapping").
ONE_WORD_HEADS = frozenset("""augmentation distillation fine-tuning finetuning dropout clustering pruning
    quantization bootstrapping boosting bagging ensemble ensembles crowdsourcing prompting backpropagation
    transformer transformers autoencoder autoencoders perceptron""".split())
#: First words that make the phrase a description, not a name.
NOT_FIRST = frozenset("""a an the this that these those our their its his her such other same each every any
    all both either some many most more less few several various different multiple new novel proposed existing
    previous prior current recent standard conventional traditional typical common general generic simple
    basic naive efficient effective robust accurate fast better best improved strong weak good poor
    high low key main final first second last overall further additional original specific particular certain
    whole entire full single two three four five one proper appropriate suitable well state-of-the-art sota
    modern advanced powerful popular successful classical classic vanilla baseline underlying corresponding
    respective resulting given known above following present same own whose which what when where how
    powerful lightweight light heavy complex sophisticated extensive limited careful""".split())
MIN_DF = 10
#: The same floor for a name Papers with Code lists (it needs no definition or Title Case).
MIN_DF_LISTED = 10
#: Where usage is undecided, the head types a phrase only if it is written as a tool or a task in
#: at least this share of the abstracts naming it ("fine-tuning": 199 contexts in 2,177; "social
#: network": 17 in 360, a thing studied, not used).
HEAD_USE_SHARE = 0.05
MIN_CONTEXTS = 10
MIN_NAMED = 3
#: One word: tool share of its contexts, and contexts at least.
ONE_WORD_TOOL_SHARE = 0.8
ONE_WORD_MIN_CONTEXTS = 30

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|[^\sA-Za-z]")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_COLUMNS = ("phrase", "type", "df", "tool", "problem", "defined", "titled")


def candidate_counts(texts) -> Counter:
    """Document frequency of the lower-case candidate phrases."""
    from .phrase_evidence import phrase_key

    df: Counter = Counter()
    heads = METHOD_HEADS | TASK_HEADS
    for text in texts:
        words = _WORD.findall(text)
        seen = set()
        for j, w in enumerate(words):
            if w not in heads and w.rsplit("-", 1)[-1] not in heads:
                continue
            for size in (1, 2, 3):
                i = j - size + 1
                if i < 0:
                    break
                part = words[i : j + 1]
                if not all(_LOWER_WORD.match(x) for x in part) or part[0].split("-")[0] in NOT_FIRST:
                    break
                seen.add(phrase_key(" ".join(part)))
        df.update(seen)
    return df


def select(df: Counter, tool: Counter, problem: Counter, known: set[str],
           listed: dict[str, str] | None = None) -> list[tuple]:
    """The rows of the established terms (module docstring), typed. ``listed``: phrase key ->
    type of the Papers with Code task and method names the gazetteer only links (a curated
    list of names: it stands for the naming evidence, and types a phrase its usage leaves open)."""
    from .phrase_evidence import evidence
    from .usage_evidence import decide

    listed = listed or {}
    rows = []
    joined = {k.replace(" ", "") for k in known}  # "multitask learning" is the gazetteer's "multi-task learning"
    for key, n in df.items():
        if n < (MIN_DF_LISTED if key in listed else MIN_DF) or key in known or key.replace(" ", "") in joined:
            continue
        t, p = tool[key], problem[key]
        words = key.split(" ")
        d, ti = evidence(key)
        if len(words) == 1:
            if (key not in ONE_WORD_HEADS or key.endswith("ing") or t + p < ONE_WORD_MIN_CONTEXTS
                    or t < ONE_WORD_TOOL_SHARE * (t + p)):
                continue  # (a one-word gerund reads as a verb as often: "methods for boosting the model")
            typ = "Method"
        else:
            if d + ti < MIN_NAMED and key not in listed:
                continue
            typ = decide(t, p, min_count=MIN_CONTEXTS)
            head = words[-1]
            if typ is None and key in listed and (listed[key] == "Task") == (head in TASK_HEADS):
                typ = listed[key]  # usage too thin or split: Papers with Code's type, where the head agrees
            if typ is None and t + p >= max(MIN_CONTEXTS, HEAD_USE_SHARE * n):
                # usage undecided ("for fine-tuning" as often as "with fine-tuning"): a technique's or a
                # task's head decides; not "learning", which heads fields and settings as often
                share = t / (t + p)
                if head in METHOD_HEADS and head not in TASK_HEADS and not head.endswith("learning") and share >= 0.3:
                    typ = "Method"
                elif head in TASK_HEADS and share <= 0.5:
                    typ = "Task"
            if typ is None or typ == "Task" and head not in TASK_HEADS and not head.endswith("learning") \
                    or typ == "Method" and head in TASK_HEADS:
                continue  # no clear usage, or usage against the head ("semantic parsing" used as a tool)
        rows.append((key, typ, n, t, p, d, ti))
    return sorted(rows)


#: Words before a phrase that do not lengthen its name (a determiner, a preposition, a verb's particle).
_FUNCTION = frozenset("""the a an of for with to in on by from and or as is are was were be that which this these
    our their its via using use used based into than at , . ; : ( ) [ ] " '""".split())
#: A phrase is the tail of a longer name when one word precedes it in at least this share of its uses
#: ("named" + "entity recognition", "word" + "sense disambiguation", "fake" + "news detection").
TAIL_SHARE = 0.4


def neighbours(texts, keys: set[str]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """Per phrase key, the words written right before it and right after it (lower-cased; after
    "and", the two words: "simultaneous localization" + "and mapping")."""
    from .phrase_evidence import phrase_key
    from .usage_evidence import tokens

    by_first: dict[str, set[int]] = {}
    for k in keys:
        by_first.setdefault(k.split(" ")[0], set()).add(len(k.split(" ")))
    before: dict[str, Counter] = {}
    after: dict[str, Counter] = {}
    for text in texts:
        toks = tokens(text)
        for i, tok in enumerate(toks):
            for size in by_first.get(tok, ()):
                key = phrase_key(" ".join(toks[i : i + size]))
                if key in keys:
                    before.setdefault(key, Counter())[toks[i - 1] if i else ""] += 1
                    nxt = toks[i + size] if i + size < len(toks) else ""
                    if nxt == "and" and i + size + 1 < len(toks):
                        nxt = "and " + toks[i + size + 1]
                    after.setdefault(key, Counter())[nxt] += 1
    return before, after


#: Words after a name that say what kind of thing it heads, not a longer name ("X-based", "X models").
_KIND_WORDS = frozenset("""-based model models method methods approach approaches architecture architectures framework
    frameworks technique techniques algorithm algorithms system systems layer layers""".split())


def is_tail(key: str, before: Counter, df: int, ignore: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase is mostly written as the tail (or, given the words after it, the head)
    of one longer name (:data:`TAIL_SHARE`)."""
    total = sum(before.values())
    content = [(w, n) for w, n in before.most_common(5) if w and w not in _FUNCTION and w not in ignore]
    return bool(total and content and content[0][1] >= TAIL_SHARE * total)


def build(corpus_dir: Path, path: Path = PATH) -> int:
    from .gazetteer import default_entries
    from .phrase_evidence import abstracts, phrase_key
    from .usage_evidence import count_texts

    df = candidate_counts(abstracts(corpus_dir))
    wanted = {k for k, n in df.items() if n >= min(MIN_DF, MIN_DF_LISTED)}
    tool, problem, total = count_texts(abstracts(corpus_dir), wanted)
    # names the gazetteer matches itself; a Papers with Code name it only links (``match`` False) stays
    known = {phrase_key(s) for e in default_entries() if e.match for s in e.surfaces}
    rows = select(df, tool, problem, known, listed_names())
    before, after = neighbours(abstracts(corpus_dir), {r[0] for r in rows})
    rows = [r for r in rows if not is_tail(r[0], before.get(r[0], Counter()), r[2])
            and not is_tail(r[0], after.get(r[0], Counter()), r[2], _KIND_WORDS)]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Established lower-case terms mined from {total} abstracts of ../shared/corpora/abstracts by"
                 " ontology/established_terms.py (thresholds in its docstring). Counts only.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(_COLUMNS)
        w.writerows(rows)
    return len(rows)


def listed_names() -> dict[str, str]:
    """Phrase key -> "Method" or "Task" of the lower-case-able Papers with Code names that the
    gazetteer links but does not match in text (ontology/pwc_import.py: tasks are never matched)."""
    from .gazetteer import default_entries
    from .phrase_evidence import phrase_key

    out: dict[str, str] = {}
    for e in default_entries():
        if e.match or not e.external_id or e.type.value not in ("Method", "Task"):
            continue
        for s in e.surfaces:
            if " " in s.strip() and not any(c.isdigit() for c in s) and not _INNER_CAP.search(s):
                out.setdefault(phrase_key(s), e.type.value)
    return out


_INNER_CAP = re.compile(r"[a-z][A-Z]|[A-Z]{2}")


@lru_cache(maxsize=1)
def established_terms() -> dict[str, str]:
    """phrase key -> "Method" or "Task" (empty if the table is missing)."""
    if not PATH.exists():
        return {}
    with open(PATH, encoding="utf-8") as fh:
        lines = (ln for ln in fh if not ln.startswith("#"))
        return {r["phrase"]: r["type"] for r in csv.DictReader(lines, delimiter="\t")}


if __name__ == "__main__":
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/abstracts")
    print(f"{build(corpus)} established terms -> {PATH}")
