"""Read the gold corpora (SciERC, SciER, TDMSci) into :class:`GoldDoc` s.

Split out of :mod:`kg.evaluate` because reading a corpus is its own idea and
has its own callers: the entity scorer, the relation scorer
(:mod:`kg.evaluate_relations`) and the trainers (``extractors/train_ner.py``,
``train_encoder.py``, ``train_relclf.py``) read gold through these functions
without scoring anything. Each format (DyGIE-style JSON lines, SciER
sentence records, TDMSci CoNLL) becomes tokens, the text rebuilt from them
(Penn Treebank escapes undone, the spacing around punctuation restored) and
gold token spans with the corpus' own type names.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence


@dataclass
class GoldDoc:
    """One unit of text with gold entity spans over its tokens.

    ``spans`` are (start, end, type) token spans with ``end`` exclusive and the
    corpus' own type names (SciERC's Material, Generic... are kept: trainers
    may need them; scoring drops them).
    """

    doc_id: str
    words: list[str]
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    spaces: list[bool] | None = None  # whitespace after each token (default: one space)

    def __post_init__(self) -> None:
        if self.spaces is None:
            self.spaces = [True] * len(self.words)
            if self.spaces:
                self.spaces[-1] = False

    @property
    def offsets(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for word, space in zip(self.words, self.spaces):
            out.append((pos, pos + len(word)))
            pos += len(word) + (1 if space else 0)
        return out

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces))

    def char_spans(self) -> list[tuple[int, int, str]]:
        """Gold spans as (start_char, end_char, corpus type)."""
        offs = self.offsets
        return [(offs[s][0], offs[e - 1][1], t) for s, e, t in self.spans]


#: Penn Treebank escapes in SciERC/SciER tokens -> the characters they stand for.
PTB_ESCAPES = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
               "``": '"', "''": '"'}
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "?", "!", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{"}


def _glued(prev: str, word: str) -> bool:
    """SciER's PDF-derived tokens split every number into digits and every
    hyphenated word at its hyphens ("ResNet - 1 0 1", "YOLOv 3", "few - shot",
    "C 3 D"); True where two tokens were one word in the paper."""
    if word == "-" or prev == "-":
        return True
    if len(word) == 1 and word.isdigit():
        if len(prev) == 1 and prev.isdigit():
            return True
        # a name before it ("YOLOv 3", "C 3 D", "VOC 2 0 1 2"), not a word ("in 2 0 1 8", "Table 2")
        return prev[-1:].isalpha() and prev != prev.lower() and not (len(prev) > 1 and prev[1:].islower())
    if len(prev) == 1 and prev.isdigit():
        return len(word) == 1 and word.isupper()  # "3 D", "1 M"
    return False


def _glued_name(before: str, digit: str, after: str) -> bool:
    """A '2' or '4' that reads 'to'/'for' inside a name SciER split at its
    digit ("Word 2 Vec", "Seq 2 Seq", "pix 2 pix", "Node 2 vec", "Res 2 Net"):
    a capitalised word before and a capital after, the same word on both
    sides, or the '2vec' family. A capitalised word before and a lower-case
    word after ("Table 2 shows", "Figure 4 and") is prose. On SciER train +
    dev sentences these three shapes cover 83 gold name spans and no table
    or figure reference."""
    if digit not in ("2", "4") or not (before.isalpha() and after.isalpha()):
        return False
    return ((before[0].isupper() and after[0].isupper()) or before.lower() == after.lower()
            or after.lower() == "vec")


def _glued_number(before: str, prev: str, word: str, after: str) -> bool:
    """The decimal point SciER splits off ("SQuAD 2 . 0", "8 3 . 9 %"): a
    '.' between a digit and a single digit is inside the number (505 times in
    SciER train's sentences, never at a sentence's end), unless a capitalised
    word follows the digit (a footnote mark: "Uses ResNet-101. 6 Using the
    ..."); and a version's 'v' takes its number ("SQuAD v 1 . 1")."""
    if prev == "." and before[-1:].isdigit():
        return len(word) == 1 and word.isdigit() and not (after.istitle() and after.isalpha())
    return prev == "v" and word[:1].isdigit()


def detokenize(words: Sequence[str], split_words: bool = False) -> tuple[list[str], list[bool]]:
    """PTB-tokenised words -> (words, spaces) that read like the original text.

    SciERC and SciER ship Penn Treebank tokens ("networks -LRB- CNNs -RRB- ,");
    the pipeline is built for abstracts as written ("networks (CNNs),"), so the
    escapes are undone and the spacing around punctuation restored. Token
    boundaries (hence gold spans) are unchanged; only characters between them.
    """
    out = [PTB_ESCAPES.get(w, w) for w in words]
    spaces = [True] * len(out)
    quote_open = False
    for i, w in enumerate(out):
        if w == '"':
            if quote_open and i > 0:
                spaces[i - 1] = False
            elif not quote_open:
                spaces[i] = False
            quote_open = not quote_open
        if w in _NO_SPACE_AFTER:
            spaces[i] = False
        if w in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    if split_words:
        for i in range(1, len(out)):
            before, after = out[i - 2] if i > 1 else "", out[i + 1] if i + 1 < len(out) else ""
            if _glued(out[i - 1], out[i]) or _glued_number(before, out[i - 1], out[i], after):
                spaces[i - 1] = False
        for i in range(1, len(out) - 1):
            if _glued_name(out[i - 1], out[i], out[i + 1]):
                spaces[i - 1] = spaces[i] = False
    if spaces:
        spaces[-1] = False
    return out, spaces


def _json_lines(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_dygie(path: str | Path, tokens_key: str = "sentences", chunk_sentences: int | None = None,
               split_words: bool = False) -> list[GoldDoc]:
    """DyGIE-style JSON lines (SciERC ``*.json``, SciER ``dev.jsonl``).

    ``ner`` holds one list per sentence of ``[start, end, type]`` with
    inclusive, document-level token indices. ``chunk_sentences`` splits long
    documents (SciER full texts) into units of that many sentences, about an
    abstract's length; a span never crosses a sentence, so none is lost.
    """
    docs = []
    for n, rec in enumerate(_json_lines(Path(path))):
        doc_id = str(rec.get("doc_key") or rec.get("doc_id") or n)
        sentences = rec["sentences"]
        ner = rec.get("ner") or [[] for _ in sentences]
        step = chunk_sentences or len(sentences) or 1
        base = 0
        for c in range(0, max(len(sentences), 1), step):
            words: list[str] = []
            spans: list[tuple[int, int, str]] = []
            chunk_base = base
            for sent, ents in zip(sentences[c : c + step], ner[c : c + step]):
                for start, end, label in ents:
                    spans.append((start - chunk_base, end - chunk_base + 1, label))
                words.extend(sent)
                base += len(sent)
            if words:
                suffix = f"#{c // step}" if chunk_sentences and len(sentences) > step else ""
                words, spaces = detokenize(words, split_words)
                docs.append(GoldDoc(doc_id + suffix, words, spans, spaces))
    return docs


def _find_tokens(words: list[str], surface: list[str], used: list[bool]) -> int | None:
    n = len(surface)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == surface and not any(used[i : i + n]):
            return i
    return None


def read_scier_sentences(path: str | Path) -> list[GoldDoc]:
    """SciER sentence-level JSON lines: ``sentence`` (space-separated tokens)
    and ``ner`` as ``[surface, type]``; each surface is located in the token
    sequence (first unused occurrence, longest surfaces first)."""
    docs = []
    for n, rec in enumerate(_json_lines(Path(path))):
        words = rec["sentence"].split()
        used = [False] * len(words)
        spans = []
        for surface, label in sorted(rec.get("ner", []), key=lambda x: -len(x[0].split())):
            toks = surface.split()
            i = _find_tokens(words, toks, used) if toks else None
            if i is None:
                continue
            for k in range(i, i + len(toks)):
                used[k] = True
            spans.append((i, i + len(toks), label))
        words, spaces = detokenize(words, split_words=True)
        docs.append(GoldDoc(f"{rec.get('doc_id', '')}:{n}", words, sorted(spans), spaces))
    return docs


def read_conll(path: str | Path) -> list[GoldDoc]:
    """TDMSci CoNLL: ``token <TAB> char_offset <TAB> BIO`` lines, blank line
    between sentences. The offsets rebuild the sentence's original spacing
    ("domain-specific" rather than "domain - specific")."""
    docs: list[GoldDoc] = []
    rows: list[tuple[str, int, str]] = []

    def flush() -> None:
        if not rows:
            return
        words = [r[0] for r in rows]
        spaces = [rows[i][1] + len(rows[i][0]) < rows[i + 1][1] for i in range(len(rows) - 1)] + [False]
        spans: list[tuple[int, int, str]] = []
        start, label = None, None
        for i, (_, _, tag) in enumerate(rows + [("", 0, "O")]):
            prefix, _, typ = tag.partition("-")
            if start is not None and (prefix != "I" or typ.lower() != label.lower()):
                spans.append((start, i, label))
                start = None
            if prefix == "B" or (prefix == "I" and start is None):
                start, label = i, typ.capitalize()
        docs.append(GoldDoc(f"s{len(docs)}", words, spans, spaces))
        rows.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                parts = line.split()
            try:
                offset = int(parts[1])
            except (ValueError, IndexError):
                offset = rows[-1][1] + len(rows[-1][0]) + 1 if rows else 0
            rows.append((parts[0], offset, parts[-1]))
    flush()
    return docs


def detect_corpus(path: str | Path) -> tuple[str, str]:
    """(corpus, format) of a file: format is dygie, scier_sentences or conll."""
    path = Path(path)
    if path.suffix.lower() in {".conll", ".bio", ".tsv"}:
        return "tdmsci", "conll"
    with open(path, encoding="utf-8") as fh:
        first = fh.readline().strip()
    if not first.startswith("{"):
        return "tdmsci", "conll"
    rec = json.loads(first)
    if "sentence" in rec:
        return "scier", "scier_sentences"
    if "doc_tokens" in rec or "Dataset" in json.dumps(rec.get("ner", [])):
        return "scier", "dygie"
    return "scierc", "dygie"


def resolve_path(path: str | Path) -> Path:
    """A corpus file; a directory means its dev split (or TDMSci's train file)."""
    path = Path(path)
    if path.is_dir():
        for name in ("dev.json", "dev.jsonl", "train.conll"):
            if (path / name).exists():
                return path / name
        raise FileNotFoundError(f"no dev.json, dev.jsonl or train.conll in {path}")
    return path


def read_corpus(path: str | Path, corpus: str | None = None) -> tuple[str, list[GoldDoc]]:
    """Read any of the three formats; returns (corpus name, documents)."""
    path = resolve_path(path)
    detected, fmt = detect_corpus(path)
    corpus = corpus or detected
    if fmt == "conll":
        return corpus, read_conll(path)
    if fmt == "scier_sentences":
        return corpus, read_scier_sentences(path)
    return corpus, read_dygie(path, chunk_sentences=10 if corpus == "scier" else None,
                              split_words=corpus == "scier")
