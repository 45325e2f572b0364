"""The build manifest: what is in the store, per paper, for incremental builds.

One SQLite file beside the store (``<store>/manifest.sqlite`` for the
embedded store, ``.kg-manifest-<hash of URL>.sqlite`` in ``$KG_STATE_DIR`` or
the working directory for server URLs). It records:

* per paper: key, id, the hash of its text (title + abstract) and of its whole
  content (text + merged metadata + date + sources), its abbreviation
  definitions (pass 1), its registry contributions (the linker observations
  of its mentions, in order), and its position in the current inputs;
* the corpus acronym table (short-form key -> long-form ids), for ``kg
  entities --ambiguous``: no paper's links depend on it;
* a hash per entity description written to the store;
* the pipeline version the rows were extracted with.

The linker registry is never pickled: it is a pure fold of the per-paper
observations in input order, so an incremental build replays the rows and
gets exactly the registry a full build would have built.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

#: 2: no per-paper ``acro`` column (the mention keys a paper resolved through
#: the corpus acronym table, once re-extracted when another paper changed it;
#: links never depend on other papers, so nothing read them). A schema-1
#: manifest is migrated in place, its papers still unchanged.
SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS papers (
    key TEXT PRIMARY KEY,
    id TEXT,
    text_hash TEXT,
    content_hash TEXT,
    abbrs TEXT,
    obs TEXT,
    seq INTEGER,
    run INTEGER
);
CREATE INDEX IF NOT EXISTS papers_run_seq ON papers (run, seq);
CREATE TABLE IF NOT EXISTS acronyms (skey TEXT PRIMARY KEY, ids TEXT);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, hash TEXT);
"""


def manifest_path_for(location: str) -> Path:
    """Where the manifest of a store location lives."""
    if "://" in location:
        digest = hashlib.sha1(location.encode()).hexdigest()[:16]
        base = Path(os.environ.get("KG_STATE_DIR") or ".")
        return base / f".kg-manifest-{digest}.sqlite"
    return Path(location) / "manifest.sqlite"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _from_schema_1(db: sqlite3.Connection) -> None:
    """Drop the per-paper ``acro`` column; every other row stays as it was."""
    if "acro" in {r[1] for r in db.execute("PRAGMA table_info(papers)")}:
        try:
            db.execute("ALTER TABLE papers DROP COLUMN acro")
        except sqlite3.OperationalError:  # SQLite < 3.35: the column stays, unread and unwritten
            pass


_MIGRATIONS = {"1": _from_schema_1}


class Manifest:
    """The manifest database (see module doc). ``path=None``: a temporary file."""

    def __init__(self, path: str | Path | None = None):
        self._tmp = None
        if path is None:
            self._tmp = tempfile.NamedTemporaryFile(prefix="kg-manifest-", suffix=".sqlite", delete=False)
            self._tmp.close()
            path = self._tmp.name
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA journal_mode=MEMORY" if self._tmp else "PRAGMA journal_mode=DELETE")
        self.db.execute("PRAGMA cache_size=-20000")  # 20 MB
        self.db.executescript(_SCHEMA)
        if self.get("schema") in _MIGRATIONS:
            _MIGRATIONS[self.get("schema")](self.db)
        elif self.get("schema") not in (None, SCHEMA_VERSION):
            self.reset()
        self.set("schema", SCHEMA_VERSION)
        self.run = int(self.get("run") or 0) + 1
        self.set("run", str(self.run))  # a crashed build never reuses its run number
        self.db.commit()
        self.seq = 0

    # -- meta ----------------------------------------------------------------
    def get(self, k: str) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return None if row is None else row[0]

    def set(self, k: str, v: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (k, v))

    def reset(self) -> None:
        """Forget everything (full rebuild)."""
        for t in ("papers", "acronyms", "entities"):
            self.db.execute(f"DELETE FROM {t}")
        self.db.execute("DELETE FROM meta WHERE k NOT IN ('schema', 'run')")
        self.db.commit()

    def invalidate(self) -> None:
        """Keep rows but force re-extraction of every paper and rewrite of every entity."""
        self.db.execute("UPDATE papers SET content_hash=NULL, text_hash=NULL")
        self.set("entities_ok", "0")
        self.db.commit()

    def paper_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]

    # -- pass 1 --------------------------------------------------------------
    def see(self, key: str, pid: str, thash: str, compute_abbrs) -> None:
        """Mark ``key`` as the next distinct paper of this run; reuse its
        abbreviations when its text is unchanged, else ``compute_abbrs()``."""
        self.seq += 1
        row = self.db.execute("SELECT text_hash FROM papers WHERE key=?", (key,)).fetchone()
        if row is None:
            self.db.execute(
                "INSERT INTO papers (key, id, text_hash, abbrs, seq, run) VALUES (?, ?, ?, ?, ?, ?)",
                (key, pid, thash, _dumps(compute_abbrs()), self.seq, self.run),
            )
        elif row[0] != thash:
            self.db.execute(
                "UPDATE papers SET text_hash=?, abbrs=?, content_hash=NULL, seq=?, run=? WHERE key=?",
                (thash, _dumps(compute_abbrs()), self.seq, self.run, key),
            )
        else:
            self.db.execute("UPDATE papers SET seq=?, run=? WHERE key=?", (self.seq, self.run, key))

    def abbreviation_rows(self, retained: bool) -> Iterator[list]:
        """Abbreviations of the current papers in input order (then of retained
        papers no longer in the inputs, when they are kept)."""
        for (abbrs,) in self.db.execute("SELECT abbrs FROM papers WHERE run=? ORDER BY seq", (self.run,)):
            yield json.loads(abbrs or "[]")
        if retained:
            for (abbrs,) in self.db.execute("SELECT abbrs FROM papers WHERE run<>? ORDER BY run, seq", (self.run,)):
                yield json.loads(abbrs or "[]")

    # -- acronym table -------------------------------------------------------
    def acronym_table(self) -> dict[str, set[str]]:
        return {k: set(json.loads(v)) for k, v in self.db.execute("SELECT skey, ids FROM acronyms")}

    def save_acronym_table(self, table: dict[str, set[str]]) -> None:
        self.db.execute("DELETE FROM acronyms")
        self.db.executemany("INSERT INTO acronyms VALUES (?, ?)", ((k, _dumps(sorted(v))) for k, v in table.items()))

    # -- pass 2 --------------------------------------------------------------
    def lookup(self, key: str) -> tuple[str | None, list | None]:
        """(content hash, abbreviations) of a paper row."""
        row = self.db.execute("SELECT content_hash, abbrs FROM papers WHERE key=?", (key,)).fetchone()
        if row is None:
            return None, None
        return row[0], json.loads(row[1]) if row[1] is not None else None

    def record(self, rows: Iterable[tuple[str, str, str, list]]) -> None:
        """Store (key, id, content hash, observations) of extracted papers."""
        self.db.executemany(
            "UPDATE papers SET id=?, content_hash=?, obs=? WHERE key=?",
            ((pid, ch, _dumps(obs), key) for key, pid, ch, obs in rows),
        )

    def commit(self) -> None:
        self.db.commit()

    # -- end of build --------------------------------------------------------
    def stale(self) -> list[str]:
        """Paper ids in the manifest but not in this run's inputs."""
        return [r[0] for r in self.db.execute("SELECT id FROM papers WHERE run<>? AND id IS NOT NULL", (self.run,))]

    def drop_stale(self) -> None:
        self.db.execute("DELETE FROM papers WHERE run<>?", (self.run,))

    def observation_rows(self) -> Iterator[list]:
        """Per-paper observations, current papers in input order, then retained ones."""
        q = "SELECT obs FROM papers WHERE obs IS NOT NULL ORDER BY (run<>?), run, seq"
        for (obs,) in self.db.execute(q, (self.run,)):
            yield json.loads(obs)

    def entity_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM entities"))

    def save_entity_hashes(self, changed: dict[str, str], removed: Iterable[str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?)", changed.items())
        self.db.executemany("DELETE FROM entities WHERE id=?", ((i,) for i in removed))

    def finish(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()
        if self._tmp is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
