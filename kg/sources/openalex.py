"""OpenAlex works: a single work, a list, an API page, or JSON lines.

OpenAlex does not ship abstracts as text (licensing): it ships an inverted
index, word -> positions, which is rebuilt here. A work without one has no
abstract for us and is rejected like any other abstract-less record.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import RecordError, normalise_arxiv_id
from . import Item, iter_json_objects, make_record

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", re.I)


def rebuild_abstract(index: Any) -> str | None:
    """The abstract text from an ``abstract_inverted_index``; None if unusable."""
    if not isinstance(index, dict) or not index:
        return None
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            return None
        for pos in positions:
            if not isinstance(pos, int) or pos < 0:
                return None
            slots[pos] = word
    return " ".join(slots[p] for p in sorted(slots))


def _authors(work: dict[str, Any]) -> list[str]:
    names = []
    for authorship in work.get("authorships") or []:
        author = authorship.get("author") if isinstance(authorship, dict) else None
        name = author.get("display_name") if isinstance(author, dict) else None
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def work_record(work: dict[str, Any], display: str, line: int) -> Item:
    """One record from one OpenAlex work object."""
    meta: dict[str, Any] = {}
    if work.get("id"):
        meta["openalex_id"] = str(work["id"])
    if isinstance(work.get("doi"), str) and work["doi"].strip():
        meta["doi"] = _DOI_PREFIX.sub("", work["doi"].strip())
    ids = work.get("ids") if isinstance(work.get("ids"), dict) else {}
    if isinstance(ids.get("arxiv"), str) and ids["arxiv"].strip():
        meta["arxiv_id"] = normalise_arxiv_id(ids["arxiv"])
    authors = _authors(work)
    if authors:
        meta["authors"] = authors
    index = work.get("abstract_inverted_index")
    abstract = rebuild_abstract(index)
    if abstract is None and index:
        return RecordError(display, line, "malformed abstract_inverted_index")
    title = work.get("title") or work.get("display_name")
    return make_record(
        display, line, title, abstract,
        date=work.get("publication_date") or None, id=meta.get("openalex_id"), meta=meta,
    )


def read_openalex(path: Path, display: str) -> Iterator[Item]:
    """Works from a JSON document (work, list, ``{"results": [...]}``) or JSON lines."""
    for item in iter_json_objects(path, display):
        if isinstance(item, RecordError):
            yield item
        else:
            yield work_record(item[1], display, item[0])
