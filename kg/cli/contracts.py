"""What every command promises its caller: one-line errors with the exit code
the README states, output paths that are checked (never created on the fly),
names resolved alike everywhere, short SPARQL syntax errors.

Exit codes (README): 1 failure (bad query, store error, unknown input
format, unknown name); 2 usage error (click's own, and a missing output
directory); 3 some input records rejected.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import click

from ontology import PREFIXES

from ..resolve import ENTITY_PARAMS, PARAM_TYPES, UnknownName, resolve, resolve_one, suggest, what_for
from ..stores import Store, StoreError
from . import EXIT_USAGE


class UsageFail(click.ClickException):
    """A usage error reported on one line ("Error: ..."), exit 2."""

    exit_code = EXIT_USAGE


def check_output(path: str | None, directory: bool = False) -> str | None:
    """``path`` if it can be written: its parent directory must exist (a
    missing one is an error, never created). ``directory``: ``path`` is an
    output directory, which may itself be created, but not its parents."""
    if path in (None, "-"):
        return path
    p = Path(path)
    if directory and p.is_dir():
        return path
    if not directory and p.is_dir():
        raise UsageFail(f"output {path} is a directory; give a file name")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise UsageFail(f"output directory {parent} does not exist (create it first)")
    return path


def output_callback(directory: bool = False):
    """A click callback applying :func:`check_output` to an option's value."""
    def callback(ctx, param, value):
        return check_output(value, directory)
    return callback


def check_input_formats(inputs: Iterable[str], forced: str | None) -> None:
    """Files named on the command line must be in a known format (exit 1
    before any store is opened); files found inside directories are checked
    per file while reading, and an unknown one is a rejected record."""
    if forced:
        return
    from ..sources import UnknownFormatError, detect_format

    for item in inputs:
        if Path(item).is_file():
            try:
                detect_format(Path(item))
            except UnknownFormatError as exc:
                raise click.ClickException(str(exc)) from exc


def fail_unknown(exc: UnknownName) -> click.ClickException:
    return click.ClickException(str(exc))


def resolve_name(store: Store, typed: str, types: Iterable[str] | None = None):
    """The entity ``typed`` names (:func:`kg.resolve.resolve_one`), or a
    one-line error (exit 1) with "did you mean" suggestions."""
    try:
        return resolve_one(store, typed, types)
    except UnknownName as exc:
        raise fail_unknown(exc) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def resolve_params(store: Store, params: Mapping[str, Any], strict: bool) -> dict[str, Any]:
    """Entity-name parameters (:data:`kg.resolve.ENTITY_PARAMS`) bound to the
    canonical name of the entity the typed text names (name, alias or id, any
    case). ``strict`` (presets): an unknown name is an error; else (a user's
    own query) it is bound as typed, with a note on stderr."""
    out = dict(params)
    for key, value in params.items():
        if key not in ENTITY_PARAMS or not isinstance(value, str):
            continue
        types = PARAM_TYPES.get(key)
        hits = resolve(store, value, types)
        if hits:
            out[key] = hits[0].name
            continue
        exc = UnknownName(value, what_for(types), suggest(store, value, types))
        if strict:
            raise fail_unknown(exc)
        click.echo(f"note: {exc}; bound as typed", err=True)
    return out


# -- SPARQL syntax errors -------------------------------------------------------------
_PREFIXED = re.compile(r"(?<![\w<:/#?$])([A-Za-z][\w.-]*)?:(?=[A-Za-z_\d])")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_STRINGS_IRIS = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|<[^\s<>]*>|#[^\n]*")
_POSITION = re.compile(r"error at (\d+):(\d+)")


def unknown_prefixes(query: str) -> list[str]:
    """Prefixes the query uses that are neither predefined nor declared."""
    text = _STRINGS_IRIS.sub(lambda m: " " * len(m.group()), query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)} | set(PREFIXES)
    out: list[str] = []
    for m in _PREFIXED.finditer(text):
        name = m.group(1) or ""
        if name not in declared and name not in out:
            out.append(name)
    return out


def sparql_error(query: str, message: str) -> str:
    """A short, clear message for a SPARQL syntax error (one line)."""
    where = _POSITION.search(message)
    at = f" at line {where.group(1)}, column {where.group(2)}" if where else ""
    if "Prefix not found" in message or "prefix" in message.lower():
        unknown = unknown_prefixes(query)
        if unknown:
            names = ", ".join(f"{p}:" for p in unknown)
            return (f"SPARQL: unknown prefix {names}{at}; predefined: {', '.join(f'{p}:' for p in PREFIXES)} "
                    f"(declare others with PREFIX)")
    expected = re.search(r"expected (one of )?(.*)", message)
    if expected:
        tokens = re.findall(r"\"([^\"]+)\"|^(\w[\w ]*)$", expected.group(2))
        shown = [a or b for a, b in tokens][:8]
        if shown:
            return f"SPARQL syntax error{at}: expected {' or '.join(shown)}"
    first = message.splitlines()[0] if message else "syntax error"
    return f"SPARQL syntax error{at}" if len(first) > 200 else first


__all__ = ["UsageFail", "check_input_formats", "check_output", "output_callback", "resolve_name", "resolve_params",
           "sparql_error", "unknown_prefixes"]
