"""Paper records: what every source reader yields, before any extraction.

A record is one sighting of a paper in one input (a file and a line). The same
paper seen in several inputs yields several records that share a ``key``; the
build merges them into one Paper (see :func:`paper_key`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class SourceRef:
    """Where a record was read: file path and 1-based line (or record index),
    and the record's own id there (the ``id`` field of JSON lines or CSV, an
    arXiv or OpenAlex id), so a user can join the graph back to their data."""

    file: str
    line: int
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "id": self.id}


@dataclass(slots=True)
class PaperRecord:
    """One paper as read from one source, raw text untouched.

    ``title`` and ``abstract`` are kept exactly as read (TeX and HTML leftovers
    included); the extractors see a normalised copy and map offsets back.
    ``meta`` holds optional, source-specific facts: ``authors`` (list of str),
    ``authors_count`` (int), ``organization`` (str), ``upvotes`` (int),
    ``url``, ``doi``, ``arxiv_id``, ``categories`` (list of str).
    """

    title: str
    abstract: str
    source: SourceRef
    date: str | None = None
    id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """The paper identity used to merge records (see :func:`paper_key`),
        computed once: builds ask for it several times per record."""
        if self._key is None:
            self._key = paper_key(self)
        return self._key


class RecordError(ValueError):
    """A record could not be read; carries the file and line for the report."""

    def __init__(self, file: str, line: int, reason: str):
        super().__init__(f"{file}:{line}: {reason}")
        self.file, self.line, self.reason = file, line, reason


_ARXIV_VERSION = re.compile(r"v\d+$")
_ARXIV_PREFIX = re.compile(r"^(?:https?://arxiv\.org/(?:abs|pdf)/|arxiv:)", re.I)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", re.I)


def normalise_title(title: str) -> str:
    """Casefolded, accent-stripped, punctuation-free title for identity."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text.casefold())
    return " ".join(text.split())


def normalise_arxiv_id(value: str) -> str:
    value = _ARXIV_PREFIX.sub("", value.strip())
    value = value.removesuffix(".pdf")
    return _ARXIV_VERSION.sub("", value)


def normalise_doi(value: str) -> str:
    return _DOI_PREFIX.sub("", value.strip()).lower()


def paper_key(record: PaperRecord) -> str:
    """Identity of a paper: arXiv id, else DOI, else the normalised title.

    Without a title, the record's ``id``, else a hash of the abstract.
    Prefixed so the kinds never collide: ``arxiv:2106.09685``,
    ``doi:10.1000/xyz``, ``title:inverse dynamics pretraining ...``.
    """
    arxiv = record.meta.get("arxiv_id")
    if arxiv:
        return "arxiv:" + normalise_arxiv_id(str(arxiv))
    doi = record.meta.get("doi")
    if doi:
        return "doi:" + normalise_doi(str(doi))
    title = normalise_title(record.title)
    if title:
        return "title:" + title
    if record.id:
        return "id:" + str(record.id).strip()
    # no title and no id: the abstract itself is the identity
    import hashlib

    return "abstract:" + hashlib.sha1(normalise_title(record.abstract).encode()).hexdigest()
