"""notebooks/explore_seeds.ipynb runs top to bottom on the seeds (embedded
store in a tmp dir) without a cell error, and is stored without outputs."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "notebooks" / "explore_seeds.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.slow
def test_notebook_runs_on_the_seeds(seeds_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_SEEDS", str(seeds_dir))
    monkeypatch.setenv("KG_NOTEBOOK_STORE", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "built " in text and "papers" in text
    figures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(figures) >= 5, f"only {len(figures)} figures"
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<iframe srcdoc=" in html  # the embedded ego graph
    assert (tmp_path / "store").is_dir()  # the store went to the tmp dir, not the repo
