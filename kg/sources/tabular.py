"""Generic tables of papers: JSON lines, a JSON array, CSV/TSV.

These are the formats people export from spreadsheets and scripts, so the
reader is liberal about columns (``abstract`` or ``text``; known columns are
matched case-insensitively; unknown columns ride along in ``meta``) and strict
about rows (a row with the wrong number of fields is rejected rather than
guessed at, since shifted columns would put titles into abstracts).
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..records import RecordError
from . import Item, iter_json_objects, iter_lines, make_record

KNOWN = ("id", "title", "abstract", "text", "date", "authors", "url", "doi", "arxiv_id")
_ABSTRACT_COLUMNS = ("abstract", "text")


def split_authors(value: Any) -> list[str]:
    """Authors from a list or a ";"- (preferred) or ","-separated string."""
    if value is None:
        return []
    if isinstance(value, list):
        names = [v.get("name", "") if isinstance(v, dict) else v for v in value]
        return [str(n).strip() for n in names if str(n).strip()]
    text = str(value)
    sep = ";" if ";" in text else ","
    return [a.strip() for a in text.split(sep) if a.strip()]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def record_from_mapping(obj: Mapping[str, Any], display: str, line: int) -> Item:
    """One record from a row/object; known keys are matched case-insensitively."""
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in obj.items():
        name = str(key).strip()
        low = name.lower()
        if low in KNOWN and low not in fields:
            fields[low] = value
        elif not _blank(value):
            extra[name] = value
    abstract = fields.get("abstract")
    if _blank(abstract):
        abstract = fields.get("text")
    elif not _blank(fields.get("text")):
        extra["text"] = fields["text"]
    meta: dict[str, Any] = {}
    authors = split_authors(fields.get("authors"))
    if authors:
        meta["authors"] = authors
    for key in ("url", "doi", "arxiv_id"):
        if not _blank(fields.get(key)):
            meta[key] = str(fields[key]).strip()
    meta.update(extra)
    rid = None if _blank(fields.get("id")) else str(fields["id"]).strip()
    date = None if _blank(fields.get("date")) else str(fields["date"]).strip()
    return make_record(display, line, fields.get("title"), abstract, date=date, id=rid, meta=meta)


def read_json(path: Path, display: str) -> Iterator[Item]:
    """JSON lines (streamed) or a JSON document holding an array of objects."""
    for item in iter_json_objects(path, display):
        if isinstance(item, RecordError):
            yield item
        else:
            yield record_from_mapping(item[1], display, item[0])


def _delimiter(path: Path) -> str:
    return "\t" if ".tsv" in [s.lower() for s in path.suffixes] else ","


def read_csv(path: Path, display: str) -> Iterator[Item]:
    """CSV (or TSV) with a header row; rows are streamed.

    Line numbers are physical: a row whose quoted field spans several lines is
    reported at its first line.
    """
    reader = csv.reader(iter_lines(path, display), delimiter=_delimiter(path))
    header: list[str] | None = None
    previous = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield RecordError(display, previous + 1, f"CSV error: {exc}")
            previous = reader.line_num
            continue
        start, previous = previous + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [re.sub(r"\s+", " ", cell).strip() for cell in row]
            if not {h.lower() for h in header} & set(_ABSTRACT_COLUMNS):
                yield RecordError(display, start, f"CSV has no 'abstract' or 'text' column; columns: {', '.join(header)}")
                return
            continue
        if len(row) != len(header):
            yield RecordError(display, start, f"expected {len(header)} fields, got {len(row)}")
            continue
        yield record_from_mapping(dict(zip(header, row)), display, start)
