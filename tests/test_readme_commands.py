"""The README's `kg view` examples run as written (issue 24: both crashed on
a fresh install, scipy being undeclared) against the seeds store.

Only ``--store`` is added (the seeds built once for the session) and the
output goes to a temporary directory: the command lines are read from the
README, so the test follows it when it changes.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_commands(prefix: str) -> list[list[str]]:
    """Argument lists of the README's bash lines that start with ``prefix``."""
    out = []
    for block in re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            line = line.strip()
            if line.startswith(prefix + " ") or line == prefix:
                out.append(shlex.split(line, comments=True)[1:])
    return out


def test_readme_shows_two_view_examples():
    views = readme_commands("kg view")
    assert len(views) >= 2 and all("-o" in v for v in views)


@pytest.mark.parametrize("args", readme_commands("kg view"), ids=lambda a: " ".join(a))
def test_readme_view_example_runs(args, seeds_store, tmp_path, monkeypatch):
    store, _ = seeds_store
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, args + ["--store", str(store)])
    assert r.exit_code == 0, r.output
    page = tmp_path / args[args.index("-o") + 1]
    html = page.read_text(encoding="utf-8")
    assert "vis-network" in html or "vis.Network" in html or "new vis" in html
    assert page.stat().st_size > 5_000
