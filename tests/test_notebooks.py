"""Every notebook under notebooks/ runs top to bottom (nbclient), on the ingested corpus and on
the small realistic sample database, and its charts draw Chinese with a CJK font."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_workbench import build_sample_db  # noqa: E402

nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install 'jixiao[notebooks]')")
nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install 'jixiao[notebooks]')")
pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install 'jixiao[notebooks]')")

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def run_notebook(path: Path, db: Path, monkeypatch) -> "nbformat.NotebookNode":
    monkeypatch.setenv("JIXIAO_DB", str(db))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def outputs(nb) -> tuple[str, int]:
    text, images = [], 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                text.append(out["text"])
            if "image/png" in out.get("data", {}):
                images += 1
    return "".join(text), images


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("nb") / "reports.db")


def test_there_are_two_notebooks():
    assert [p.name[:3] for p in NOTEBOOKS] == ["01-", "02-"]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_sample_db_and_charts_use_the_cjk_font(path, sample_db, monkeypatch):
    nb = run_notebook(path, sample_db, monkeypatch)
    text, images = outputs(nb)
    assert images >= 2, text
    assert "chart fonts: ['Droid Sans Fallback']" in text
    if path.name.startswith("02"):
        assert "2 mismatch(es)" in text and "0 mismatch(es) without evidence" in text
        assert "1 budget line(s) whose stated rate differs" in text  # 临沧: 99.91 stated, 99.19 recomputed
    else:
        assert "budget_execution_rate" in text


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_corpus_db(path, corpus_db, monkeypatch):
    nb = run_notebook(path, corpus_db, monkeypatch)
    text, _ = outputs(nb)
    assert f"database: {corpus_db}" in text
    assert "chart fonts:" in text and "<missing>" not in text


def test_missing_named_db_is_an_error_not_a_rebuild(tmp_path, monkeypatch):
    from jixiao.workbench.notebook import notebook_db

    monkeypatch.setenv("JIXIAO_DB", str(tmp_path / "none.db"))
    with pytest.raises(FileNotFoundError, match="no such database"):
        notebook_db(tmp_path)
    monkeypatch.delenv("JIXIAO_DB")
    with pytest.raises(FileNotFoundError, match="no corpus/ folder"):
        notebook_db(tmp_path)
    os.environ.pop("JIXIAO_DB", None)
