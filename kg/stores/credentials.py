"""Where a Bolt store's credentials come from, and how they stay out of
messages.

Split out of :mod:`kg.stores.neo4j` because keeping credentials off the
command line and out of every printed message is one idea, apart from
writing and reading the graph: ``user``/``password`` arguments (library
use), else the ``NEO4J_USER`` / ``NEO4J_PASSWORD`` environment variables,
else the ``[neo4j]`` table of ``$KG_CONFIG`` or ``~/.config/mlkg/neo4j.toml``;
a URL is named in messages without its ``user:password@`` part.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .base import StoreError


CONFIG_PATH = Path("~/.config/mlkg/neo4j.toml")


def load_credentials(user: str | None = None, password: str | None = None) -> tuple[str, str]:
    """``(user, password)`` from arguments, environment, then config file."""
    cfg: dict[str, Any] = {}
    path = Path(os.environ["KG_CONFIG"]) if os.environ.get("KG_CONFIG") else CONFIG_PATH.expanduser()
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                cfg = tomllib.load(fh).get("neo4j", {}) or {}
        except (OSError, tomllib.TOMLDecodeError) as exc:
            # the message names the file and the problem, never its content
            raise StoreError(f"cannot read store config {path}: {type(exc).__name__}") from None
    user = user or os.environ.get("NEO4J_USER") or cfg.get("user") or "neo4j"
    if password is None:
        password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        password = cfg.get("password", "")
    return str(user), str(password)


def _safe_url(url: str) -> str:
    """The URL without any ``user:password@`` part, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"
