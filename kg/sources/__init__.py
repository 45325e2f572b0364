"""Source readers: input files -> :class:`~kg.records.PaperRecord` s.

One entry point, :func:`read_records`, streams records from files and
directories in any of :data:`FORMATS`, detecting the format per file unless one
is forced. Bad records never stop a build: they are handed to ``on_error`` as
:class:`~kg.records.RecordError` (file + line) and reading goes on, so a
corpus with a few broken lines still builds and the report says what was lost.

This module also holds the byte-level helpers every reader shares (gzip,
encoding fallback, NUL removal, JSON containers), so that decoding quirks are
handled once and line numbers mean the same thing in every format. Readers are
imported lazily, which keeps ``from kg.sources import ...`` in the submodules
free of import cycles.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from ..records import PaperRecord, RecordError, SourceRef

__all__ = [
    "FORMATS", "UnknownFormatError", "detect_format", "iter_input_files", "read_records",
]

FORMATS = ("hf", "jsonl", "csv", "arxiv-atom", "arxiv-snapshot", "openalex")

Item = PaperRecord | RecordError
"""What a format reader yields: a record, or a recoverable error for one record.

A reader *raises* RecordError for problems that end the file (truncated gzip,
broken XML); records yielded before that are kept.
"""

_HEAD_BYTES = 16384
_GZIP_MAGIC = b"\x1f\x8b"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HF_MARKERS = ("Get trending papers in your email inbox", "byAK and the research community", "Daily Papers")
_ATOM_NS = "http://www.w3.org/2005/Atom"


class UnknownFormatError(ValueError):
    """The format of a file could not be determined; the message names the file."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(f"{path}: unknown input format ({reason}); use --format to choose one of {', '.join(FORMATS)}")
        self.path, self.reason = str(path), reason


# ---------------------------------------------------------------- byte input


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, transparently gunzipped (by magic number, not name)."""
    raw = open(path, "rb")
    if raw.peek(2)[:2] == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def _utf16_encoding(head: bytes) -> str | None:
    """'utf-16' for a BOM, an explicit endianness for BOM-less ASCII-ish UTF-16."""
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    return None


def _decode_line(data: bytes, first: bool) -> str:
    """UTF-8 (BOM allowed on the first line), else latin-1, which never fails.

    Decided per line so one stray byte cannot garble a whole streamed file;
    for a genuinely latin-1 file the result is the same as a whole-file switch.
    """
    if first and data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def iter_lines(path: Path, display: str) -> Iterator[str]:
    """Decoded lines (line endings kept, NULs removed), streamed.

    A truncated or corrupt gzip stream raises RecordError at the line reached,
    after every complete line before it has been yielded.
    """
    n = 0
    try:
        with _open_binary(path) as fh:
            enc = _utf16_encoding(fh.peek(4)[:4])  # type: ignore[attr-defined]
            if enc:
                for line in io.TextIOWrapper(fh, encoding=enc, errors="replace", newline=""):
                    n += 1
                    yield line.replace("\x00", "").lstrip("\ufeff") if n == 1 else line.replace("\x00", "")
                return
            for data in fh:
                n += 1
                yield _decode_line(data, n == 1).replace("\x00", "")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise RecordError(display, n + 1, f"truncated or corrupt gzip data ({exc})") from exc


def read_text(path: Path, display: str) -> str:
    """The whole decoded file (for small inputs: HF pages, Atom feeds)."""
    return "".join(iter_lines(path, display))


def _head(path: Path) -> tuple[str, bool]:
    """The first decoded characters and whether that is the whole file.

    A truncated gzip gives what could be read and ``complete=False``, so the
    reader itself reports the line where the data ends.
    """
    data, truncated = b"", False
    with _open_binary(path) as fh:
        try:
            while len(data) <= _HEAD_BYTES:
                chunk = fh.read1(_HEAD_BYTES + 1 - len(data))  # type: ignore[attr-defined]
                if not chunk:
                    break
                data += chunk
        except (EOFError, zlib.error, gzip.BadGzipFile):
            truncated = True
    complete = len(data) <= _HEAD_BYTES and not truncated
    data = data[:_HEAD_BYTES]
    enc = _utf16_encoding(data[:4])
    if enc:
        text = data.decode(enc, errors="replace")
    else:
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    return text.lstrip("\ufeff").replace("\x00", ""), complete


# ---------------------------------------------------------------- JSON input


def json_layout(path: Path) -> Literal["lines", "document"]:
    """JSON lines (one object per line) or one JSON document (object/array).

    ``.jsonl``/``.ndjson`` are always lines, so a broken first line is one bad
    record rather than a broken document; ``.json`` is sniffed.
    """
    if {s.lower() for s in path.suffixes} & {".jsonl", ".ndjson"}:
        return "lines"
    seen = 0
    for line in iter_lines(path, str(path)):
        s = line.strip()
        if not s:
            continue
        if s.startswith("["):
            return "document"
        try:
            json.loads(s)
            return "lines"
        except json.JSONDecodeError:
            seen += 1
            if seen >= 2:
                return "document"
    return "document"


def iter_json_objects(path: Path, display: str) -> Iterator[tuple[int, dict[str, Any]] | RecordError]:
    """(line or 1-based index, object) pairs from JSON lines or a JSON document.

    A document may be one object, an array of objects or an API page
    ``{"results": [...]}`` (OpenAlex). JSON lines are streamed.
    """
    if json_layout(path) == "lines":
        for n, line in enumerate(iter_lines(path, display), 1):
            s = line.strip()
            if not s:
                continue
            try:
                obj = json.loads(s)
            except json.JSONDecodeError as exc:
                yield RecordError(display, n, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            if isinstance(obj, dict):
                yield n, obj
            else:
                yield RecordError(display, n, f"expected a JSON object, got {type(obj).__name__}")
        return
    try:
        doc = json.loads(read_text(path, display))
    except json.JSONDecodeError as exc:
        raise RecordError(display, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if isinstance(doc, dict) and isinstance(doc.get("results"), list):
        doc = doc["results"]
    items = doc if isinstance(doc, list) else [doc]
    for i, obj in enumerate(items, 1):
        if isinstance(obj, dict):
            yield i, obj
        else:
            yield RecordError(display, i, f"expected a JSON object, got {type(obj).__name__}")


def _first_json_object(path: Path) -> dict[str, Any] | None:
    for item in iter_json_objects(path, str(path)):
        if not isinstance(item, RecordError):
            return item[1]
    return None


def _json_format(path: Path) -> str:
    """Which JSON dialect, from the keys of the first object."""
    try:
        obj = _first_json_object(path)
    except RecordError as exc:
        raise UnknownFormatError(path, f"unreadable JSON: {exc.reason}") from exc
    if obj is None:  # nothing to go by: the generic reader reports what is wrong
        return "jsonl"
    keys = set(obj)
    if "abstract_inverted_index" in keys or "authorships" in keys or str(obj.get("id", "")).startswith("https://openalex.org/"):
        return "openalex"
    if "authors_parsed" in keys or {"id", "update_date"} <= keys:
        return "arxiv-snapshot"
    return "jsonl"


# ---------------------------------------------------------------- public API


def detect_format(path: Path) -> str:
    """The format of one file, by extension and by sniffing its first bytes."""
    path = Path(path)
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    ext = suffixes[-1] if suffixes else ""
    try:
        head, _ = _head(path)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnknownFormatError(path, f"unreadable: {exc}") from exc
    start = head.lstrip()[:1]
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".jsonl", ".ndjson", ".json") or (ext not in (".txt", ".xml", ".atom") and start in ("{", "[")):
        return _json_format(path)
    if ext in (".xml", ".atom") or (ext != ".txt" and start == "<"):
        if "<feed" in head and _ATOM_NS in head:
            return "arxiv-atom"
        raise UnknownFormatError(path, "XML but not an Atom feed")
    if any(marker in head for marker in _HF_MARKERS):
        return "hf"
    if ext == ".txt" and _looks_like_title_abstract(head):
        return "hf"
    raise UnknownFormatError(path, f"unrecognised extension {ext or '(none)'!r} and content")


def _looks_like_title_abstract(head: str) -> bool:
    """A plain page without the HF chrome: short line, then a long one."""
    lines = [s.strip() for s in head.splitlines() if s.strip()][:2]
    return len(lines) == 2 and len(lines[0].split()) <= 30 and len(lines[1].split()) >= 40


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; directories walked recursively, sorted, hidden entries skipped."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"input not found: {path}")


def _walk(directory: Path) -> Iterator[Path]:
    for entry in sorted(os.scandir(directory), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _reader(fmt: str) -> Callable[[Path, str], Iterator[Item]]:
    from . import arxiv, hf, openalex, tabular

    return {
        "hf": hf.read_hf,
        "jsonl": tabular.read_json,
        "csv": tabular.read_csv,
        "arxiv-atom": arxiv.read_atom,
        "arxiv-snapshot": arxiv.read_snapshot,
        "openalex": openalex.read_openalex,
    }[fmt]


def read_records(
    inputs: Iterable[str | Path] | str | Path,
    fmt: str | None = None,
    on_error: Callable[[RecordError], None] | None = None,
) -> Iterator[PaperRecord]:
    """Stream the records of every input file, in input order.

    ``fmt`` forces one format for every file (else detected per file). Bad
    records go to ``on_error`` and reading continues; without ``on_error`` the
    first one is raised. Whole-file problems (empty file, unknown format,
    unreadable file) are reported with line 0; with no ``on_error`` an unknown
    format raises :class:`UnknownFormatError`.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]

    def report(err: RecordError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    for path in iter_input_files(inputs):
        display = str(path)
        try:
            head, complete = _head(path)
            if complete and not head.strip():
                report(RecordError(display, 0, "empty file"))
                continue
            kind = fmt or detect_format(path)
        except UnknownFormatError as exc:
            if on_error is None:
                raise
            on_error(RecordError(display, 0, f"unknown input format: {exc.reason}"))
            continue
        except (OSError, EOFError, zlib.error) as exc:
            report(RecordError(display, 0, f"cannot read file: {exc}"))
            continue
        items = _reader(kind)(path, display)
        while True:
            try:
                item = next(items)
            except StopIteration:
                break
            except RecordError as exc:  # ends this file; earlier records were kept
                report(exc)
                break
            except OSError as exc:
                report(RecordError(display, 0, f"cannot read file: {exc}"))
                break
            if isinstance(item, RecordError):
                report(item)
            else:
                yield item


def make_record(display: str, line: int, title: Any, abstract: Any, **fields: Any) -> Item:
    """A PaperRecord, or the RecordError explaining why there cannot be one.

    Every reader goes through here so "missing abstract" means the same thing
    everywhere; only surrounding whitespace is stripped.
    """
    if abstract is not None and not isinstance(abstract, str):
        return RecordError(display, line, f"abstract is not text ({type(abstract).__name__})")
    if not abstract or not abstract.strip():
        return RecordError(display, line, "missing abstract")
    title = "" if title is None else str(title)
    return PaperRecord(title=title.strip(), abstract=abstract.strip(), source=SourceRef(display, line, fields.get("id")), **fields)
