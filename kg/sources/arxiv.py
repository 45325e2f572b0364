"""arXiv sources: API responses (Atom XML) and the metadata snapshot (JSON lines).

Both carry titles and abstracts hard-wrapped with newlines and indentation;
that whitespace is layout, not content, so runs of it are collapsed to one
space (nothing else is touched: TeX stays TeX). The arXiv id is the paper's
identity, so it goes to ``meta["arxiv_id"]`` without its version suffix.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..records import RecordError
from . import Item, iter_json_objects, make_record, read_text

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_LAYOUT_SPACE = re.compile(r"[ \t\r\n]+")
_ABS_ID = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?:v\d+)?$")


def collapse(text: str | None) -> str:
    """Collapse layout whitespace (newline + indentation) to single spaces."""
    return _LAYOUT_SPACE.sub(" ", text or "").strip()


def arxiv_id_from_url(url: str) -> str | None:
    """'http://arxiv.org/abs/2106.09685v2' -> '2106.09685' (old ids keep their slash)."""
    m = _ABS_ID.search(url.strip())
    return m["id"] if m else None


def _entry_record(entry: ET.Element, display: str, index: int) -> Item:
    def text(tag: str) -> str:
        return collapse(entry.findtext(tag))

    raw_id = text(f"{ATOM}id")
    if "/api/errors" in raw_id:  # the API reports a bad query as an entry
        return RecordError(display, index, f"arXiv API error: {text(f'{ATOM}summary')}")
    meta: dict[str, Any] = {}
    arxiv_id = arxiv_id_from_url(raw_id)
    if arxiv_id:
        meta["arxiv_id"] = arxiv_id
    if raw_id:
        meta["url"] = raw_id
    authors = [collapse(a.findtext(f"{ATOM}name")) for a in entry.findall(f"{ATOM}author")]
    if any(authors):
        meta["authors"] = [a for a in authors if a]
    categories = [c.get("term", "") for c in entry.findall(f"{ATOM}category") if c.get("term")]
    if categories:
        meta["categories"] = categories
    primary = entry.find(f"{ARXIV}primary_category")
    if primary is not None and primary.get("term"):
        meta["primary_category"] = primary.get("term")
    for tag, key in (("doi", "doi"), ("journal_ref", "journal_ref")):
        value = text(f"{ARXIV}{tag}")
        if value:
            meta[key] = value
    published = text(f"{ATOM}published")
    return make_record(
        display, index, text(f"{ATOM}title"), text(f"{ATOM}summary"),
        date=published[:10] or None, id=raw_id or None, meta=meta,
    )


def read_atom(path: Path, display: str) -> Iterator[Item]:
    """Entries of an arXiv API Atom feed; ``line`` is the 1-based entry index.

    Parsed incrementally, so the entries before a truncation or syntax error
    are kept and the error reports the physical line where parsing stopped.
    """
    parser = ET.XMLPullParser(events=("start", "end"))
    index = 0
    root_checked = False
    try:
        parser.feed(read_text(path, display))
        for event, elem in parser.read_events():
            if not root_checked:
                root_checked = True
                if elem.tag != f"{ATOM}feed":
                    raise RecordError(display, 1, f"not an Atom feed (root element {elem.tag})")
            if event == "end" and elem.tag == f"{ATOM}entry":
                index += 1
                yield _entry_record(elem, display, index)
                elem.clear()
        parser.close()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 0
        raise RecordError(display, line, f"XML error after {index} entries: {exc}") from exc


def _snapshot_authors(obj: dict[str, Any]) -> list[str]:
    """'First Last [Suffix]' from authors_parsed; else split the authors string."""
    parsed = obj.get("authors_parsed")
    if isinstance(parsed, list):
        names = []
        for parts in parsed:
            if isinstance(parts, list):
                last, first, suffix = ([collapse(str(p)) for p in parts] + ["", "", ""])[:3]
                name = " ".join(p for p in (first, last, suffix) if p)
                if name:
                    names.append(name)
        return names
    if isinstance(obj.get("authors"), str):
        return [a.strip() for a in re.split(r",|\band\b", collapse(obj["authors"])) if a.strip()]
    return []


def read_snapshot(path: Path, display: str) -> Iterator[Item]:
    """The arXiv metadata snapshot (Kaggle ``arxiv-metadata-oai-snapshot.json``)."""
    for item in iter_json_objects(path, display):
        if isinstance(item, RecordError):
            yield item
            continue
        line, obj = item
        meta: dict[str, Any] = {}
        arxiv_id = collapse(str(obj.get("id") or ""))
        if arxiv_id:
            meta["arxiv_id"] = arxiv_id
            meta["url"] = f"https://arxiv.org/abs/{arxiv_id}"
        authors = _snapshot_authors(obj)
        if authors:
            meta["authors"] = authors
        if isinstance(obj.get("categories"), str) and obj["categories"].strip():
            meta["categories"] = obj["categories"].split()
        for src, key in (("doi", "doi"), ("journal-ref", "journal_ref")):
            if isinstance(obj.get(src), str) and obj[src].strip():
                meta[key] = collapse(obj[src])
        abstract = obj.get("abstract")
        yield make_record(
            display, line, collapse(str(obj.get("title") or "")),
            collapse(abstract) if isinstance(abstract, str) else abstract,
            date=obj.get("update_date") or None, id=arxiv_id or None, meta=meta,
        )
