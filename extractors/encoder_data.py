"""Training sentences for the encoder tagger, with partial labels (no torch).

The corpora are read, detokenised and mapped to our labels by the readers of
:mod:`extractors.train_ner` (TDMSci, SciERC, rule-labelled silver text); this
module only turns their examples into sentences of words, each word with the
set of BILUO tags it may take:

* a gold or silver entity word: exactly its tag;
* a "missing" word (no label: SciERC Material spans our rules do not type,
  every unlabelled word of a silver abstract): any tag (no loss);
* an "outside" word: ``O``, or any tag of a type the corpus does not annotate
  (TDMSci has no Method, SciERC no Dataset). This is the partial-label loss
  of Jie et al. (NAACL 2019) / "fuzzy CRF" (Shang et al., EMNLP 2018): the
  loss is ``-log`` of the probability mass on the allowed tags, so a corpus
  is never taken to say that an unannotated type is absent.

Sentences are cut with the pipeline's own rule
(:func:`extractors.sentences.sentence_offsets`) so training sees what the
component sees at run time: one sentence at a time, spaCy tokens as words.
"""
from __future__ import annotations

import gzip
import json
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .ner import biluo_labels
from .sentences import sentence_offsets
from .train_ner import CORPORA_DIR, LABELS

TAGS = biluo_labels(LABELS)  # "O", then B/I/L/U for each label
#: Types a corpus does not annotate: its "outside" words may be any of them.
SILENT = {"tdmsci": ("Method",), "scierc": ("Dataset",), "silver": ()}
#: Longest sentence (in words) trained on or tagged in one piece; longer ones are cut.
MAX_WORDS = 160
#: Silver abstracts: ACL Anthology records from 2016 on (CC BY 4.0) and
#: conference papers, every ``SILVER_STRIDE``-th record (a fixed sample).
ABSTRACTS_DIR = CORPORA_DIR / "abstracts"
SILVER_STRIDE = 97


@dataclass
class Sentence:
    """Words of one sentence and, per word, a boolean row over :data:`TAGS`."""

    words: list[str]
    allowed: np.ndarray  # [n_words, len(TAGS)] bool
    source: str

    def gold_spans(self) -> list[tuple[int, int, str]]:
        """Entity spans of words whose tag is certain (for held-out scoring)."""
        from .ner import biluo_spans

        tags = [TAGS[int(row.argmax())] if row.sum() == 1 else "O" for row in self.allowed]
        return biluo_spans(tags)


def _allowed_row(tag: str, silent: Sequence[str]) -> np.ndarray:
    row = np.zeros(len(TAGS), dtype=bool)
    if tag == "":
        row[:] = True
    elif tag == "O":
        row[0] = True
        for j, t in enumerate(TAGS):
            if t[2:] in silent:
                row[j] = True
    else:
        row[TAGS.index(tag)] = True
    return row


def split_sentences(words: list[str], spaces: list[bool], rows: list[np.ndarray], source: str,
                    max_words: int = MAX_WORDS) -> list[Sentence]:
    """Cut one tagged text into sentences (the pipeline's rule) of words,
    whitespace tokens dropped; a sentence longer than ``max_words`` is cut
    into pieces, at an entity-free word where possible."""
    text, starts = "", []
    for w, s in zip(words, spaces):
        starts.append(len(text))
        text += w + (" " if s else "")
    bounds = sentence_offsets(text)
    groups: dict[int, list[int]] = {}
    for i, w in enumerate(words):
        if w.strip():
            groups.setdefault(bisect_right(bounds, starts[i]) - 1, []).append(i)
    out = []
    for idx in groups.values():
        while idx:
            cut = len(idx)
            if cut > max_words:
                cut = max_words
                while cut > max_words // 2 and rows[idx[cut]][0] == 0:  # not inside an entity
                    cut -= 1
            piece, idx = idx[:cut], idx[cut:]
            out.append(Sentence([words[i] for i in piece], np.stack([rows[i] for i in piece]), source))
    return out


def example_sentences(examples: Iterable, source: str) -> list[Sentence]:
    """Sentences of :func:`extractors.train_ner.tag_example` examples."""
    silent = SILENT[source]
    out = []
    for ex in examples:
        ref = ex.reference
        rows = [_allowed_row(t.tag_, silent) for t in ref]
        out += split_sentences([t.text for t in ref], [bool(t.whitespace_) for t in ref], rows, source)
    return out


def silver_abstracts(limit: int | None = None) -> list[str]:
    """Title + abstract of a fixed sample of real abstracts (see :data:`SILVER_STRIDE`)."""
    texts: list[str] = []
    for name, keep in (("acl_anthology.jsonl.gz", lambda r: int(r.get("year") or 0) >= 2016),
                       ("conference_papers.jsonl.gz", lambda r: True)):
        path = ABSTRACTS_DIR / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n % SILVER_STRIDE:
                    continue
                rec = json.loads(line)
                abstract = (rec.get("abstract") or "").strip()
                if abstract and keep(rec):
                    texts.append(f"{(rec.get('title') or '').strip()}\n\n{abstract}")
    return texts[:limit] if limit else texts


def training_sentences(tdmsci_docs=None, scierc_docs=None, silver_limit: int | None = 400,
                       log=print) -> dict[str, list[Sentence]]:
    """All training sentences, by source. ``tdmsci_docs``/``scierc_docs``:
    GoldDocs to use instead of the full train files (cross-validation)."""
    from kg.evaluate import read_corpus

    from . import train_ner as tn

    rules = tn._rules_nlp()
    nlp = tn.blank_nlp()
    if tdmsci_docs is None:
        tdmsci_docs = read_corpus(CORPORA_DIR / "tdmsci" / "train.conll", "tdmsci")[1]
    if scierc_docs is None:
        scierc_docs = read_corpus(CORPORA_DIR / "scierc" / "train.json", "scierc")[1]
    parts = {
        "tdmsci": tn.tdmsci_examples(nlp, tdmsci_docs, rules),
        "scierc": tn.scierc_examples(nlp, scierc_docs, rules),
        "silver": tn.silver_examples(nlp, silver_abstracts(silver_limit), rules) if silver_limit != 0 else [],
    }
    out = {name: example_sentences([tn.tag_example(ex) for ex in exs], name) for name, exs in parts.items()}
    if log:
        log("sentences: " + ", ".join(f"{k} {len(v)}" for k, v in out.items()))
    return out
