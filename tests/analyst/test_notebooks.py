"""The notebooks: committed clean, free of pipeline logic, and run top to bottom (marked, in CI)."""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
NAMES = ["review_verdicts.ipynb", "evaluate.ipynb"]

nbformat = pytest.importorskip("nbformat", reason="needs the notebooks extra (pip install .[test])")


def _code_cells(name: str) -> list:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for cell in _code_cells(name):
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_holds_no_pipeline_logic(name: str) -> None:
    """Notebooks call factcheck; functions, classes and file writes belong in the library."""
    tree = ast.parse("\n".join(cell.source for cell in _code_cells(name)))
    defined = [type(node).__name__ for node in ast.walk(tree)
               if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda)]
    assert defined == []
    calls = {node.func.attr for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    assert not calls & {"write_text", "write_bytes", "open"}


@pytest.mark.parametrize("name", NAMES)
def test_notebook_uses_only_the_public_api(name: str) -> None:
    """``import factcheck`` and its top-level names only: internals may move, the API stays."""
    tree = ast.parse("\n".join(cell.source for cell in _code_cells(name)))
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names]
    imported += [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert [m for m in imported if m.startswith("factcheck")] == ["factcheck"]
    import factcheck

    used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name) and node.value.id == "factcheck"}
    assert used <= set(factcheck.__all__), used - set(factcheck.__all__)


def _execute(name: str, cwd: Path) -> None:
    nbclient = pytest.importorskip("nbclient", reason="install the notebooks extra")
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()


@pytest.mark.integration
@pytest.mark.notebook
def test_review_notebook_runs_and_its_override_reaches_reports_and_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_NOTEBOOK_OUT", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_REPORTS", raising=False)
    before = sorted(p.name for p in NOTEBOOKS.iterdir())
    _execute("review_verdicts.ipynb", cwd=NOTEBOOKS)

    reports = tmp_path / "reports"
    reviews = [json.loads(line) for line in (reports / "reviews.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert len(reviews) == 1 and reviews[0]["reviewer"] == "Notebook demo"
    claim_id = reviews[0]["claim_id"]
    with open(reports / "claims.csv", encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["claim_id"] == claim_id)
    assert (row["reviewed_label"], row["final_label"]) == ("unverified", "unverified")
    exported = json.loads((reports / "claimreview.jsonld").read_text(encoding="utf-8"))
    item = next(i for i in exported if i["identifier"] == claim_id)
    assert item["reviewRating"]["alternateName"] == "Unverified"
    assert sorted(p.name for p in NOTEBOOKS.iterdir()) == before  # nothing written beside it


@pytest.mark.integration
@pytest.mark.notebook
def test_evaluate_notebook_runs_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_EVAL_SET", raising=False)
    monkeypatch.delenv("FACTCHECK_EVAL_EVIDENCE", raising=False)
    _execute("evaluate.ipynb", cwd=REPO)
