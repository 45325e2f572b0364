"""Saved Hugging Face daily-papers listing pages (text copied from a browser).

The pages come in three layouts that differ only in chrome: blank lines or
none, with or without per-paper metadata (author count or organisation, a lone
"·", a date, an upvote count), and the first title sometimes glued to the
"Subscribe" button text. So the reader drops the header and the metadata lines
(attaching the metadata to the paper above them) and pairs what is left as
title, abstract. Titles and abstracts are told apart by shape rather than by
position alone, so a missing abstract costs one record, not the alignment of
the rest of the page.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import RecordError
from . import Item, make_record, read_text

HEADER_LINES = frozenset({
    "new",
    "Get trending papers in your email inbox!",
    "Get trending papers in your email inbox once a day!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
})
# Header phrases that may be glued to the first title ("SubscribeUER: ...");
# "new" is left out: too many titles legitimately start with it.
_GLUED = sorted(HEADER_LINES - {"new"}, key=len, reverse=True)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
DATE = re.compile(rf"^(?P<date>{_MONTH} \d{{1,2}}(?:, \d{{4}})?)(?:\s+(?P<upvotes>\d+))?$")
AUTHORS = re.compile(r"^[•·∙*-]\s*(?P<n>\d+)\s+authors?$")
SEPARATOR = "·"
_SENTENCE_BREAK = re.compile(r"[\w)\]][.!?]\s+[A-Z(]")


@dataclass(slots=True)
class _Paper:
    line: int
    title: str
    abstract: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    date: str | None = None


def _sentence_breaks(text: str) -> int:
    return len(_SENTENCE_BREAK.findall(text))


def looks_like_title(text: str) -> bool:
    """Short, one phrase, no final period: what a title line looks like."""
    return len(text.split()) <= 30 and _sentence_breaks(text) == 0 and not text.rstrip("\"')").endswith(".")


def looks_like_abstract(text: str) -> bool:
    """Long or several sentences: never a title."""
    return len(text.split()) > 40 or _sentence_breaks(text) >= 2


def _is_meta(text: str) -> bool:
    return text == SEPARATOR or bool(AUTHORS.match(text) or DATE.match(text))


def _organization(text: str) -> str:
    """Display name of an organisation line ("nvidia NVIDIA" -> "NVIDIA").

    The page shows the organisation's lowercase slug (the avatar's alt text)
    before its display name; a line without a slug is kept whole.
    """
    parts = text.split(maxsplit=1)
    if len(parts) == 2 and parts[0] == parts[0].lower():
        return parts[1]
    return text


def _body(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(line number, stripped text) of non-empty lines, page headers dropped.

    A header line met later (pages saved one after another into one file)
    starts a new header, whose date is the page's, not a paper's.
    """
    in_header = True
    for n, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            continue
        if text in HEADER_LINES:
            in_header = True
            continue
        if in_header:
            if DATE.match(text):
                continue
            text = _unglue(text)
            in_header = False
        yield n, text


def _unglue(text: str) -> str:
    """Strip header phrases glued to the front of the first content line."""
    stripped = True
    while stripped:
        stripped = False
        for phrase in _GLUED:
            if text.startswith(phrase) and len(text) > len(phrase):
                text, stripped = text[len(phrase):].lstrip(), True
    return text


def _attach(paper: _Paper, text: str) -> None:
    """Record one metadata line on the paper above it."""
    if text == SEPARATOR:
        return
    if m := AUTHORS.match(text):
        paper.meta["authors_count"] = int(m["n"])
    elif m := DATE.match(text):
        paper.date = m["date"]
        if m["upvotes"]:
            paper.meta["upvotes"] = int(m["upvotes"])
    else:
        paper.meta["organization"] = _organization(text)


def parse_page(text: str, display: str) -> list[_Paper | RecordError]:
    """Papers (and errors for unpairable lines) of one page, in page order."""
    body = list(_body(text.split("\n")))
    items: list[_Paper | RecordError] = []
    pending: _Paper | None = None  # a title waiting for its abstract
    last: _Paper | None = None  # the last complete paper, owner of metadata
    for i, (n, line) in enumerate(body):
        following = body[i + 1][1] if i + 1 < len(body) else None
        is_org = (
            pending is None and last is not None and following is not None
            and (following == SEPARATOR or bool(DATE.match(following)))
            and len(line.split()) <= 8 and not looks_like_abstract(line)
        )
        if _is_meta(line) or is_org:
            if pending is not None:  # metadata right after a title: no abstract
                items.append(RecordError(display, pending.line, "missing abstract"))
                pending = None
            if last is not None:
                _attach(last, line)
            continue
        if pending is None:
            if looks_like_abstract(line):
                items.append(RecordError(display, n, "abstract without a title"))
                last = None
                continue
            pending = _Paper(n, line)
        elif looks_like_title(line) and not looks_like_abstract(line):
            items.append(RecordError(display, pending.line, "missing abstract"))
            pending = _Paper(n, line)
        else:
            pending.abstract = line
            items.append(pending)
            last, pending = pending, None
    if pending is not None:
        items.append(RecordError(display, pending.line, "missing abstract"))
    return items


def read_hf(path: Path, display: str) -> Iterator[Item]:
    """Records of one saved HF listing page (pages are small: read whole)."""
    for item in parse_page(read_text(path, display), display):
        if isinstance(item, RecordError):
            yield item
        else:
            yield make_record(display, item.line, item.title, item.abstract, date=item.date, meta=item.meta)
