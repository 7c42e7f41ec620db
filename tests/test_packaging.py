"""`pip install .` (not editable) gives a working `jixiao` command with its data files."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.schemas.export import OUT, schema_texts

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_non_editable_install_has_command_and_data(tmp_path, corpus):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps",
                    "--target", str(target), str(ROOT)], check=True, cwd=tmp_path)
    env = dict(os.environ, PYTHONPATH=str(target))
    probe = subprocess.run([sys.executable, "-c", "import jixiao, jixiao.extract, jixiao.normalize, jixiao.db, "
                            "jixiao.schemas; print(jixiao.__file__)"], env=env, cwd=tmp_path,
                           capture_output=True, text=True, check=True)
    assert probe.stdout.strip().startswith(str(target))
    data = list((target / "jixiao" / "normalize" / "data").glob("*"))
    assert data, "normalize/data files are not installed"
    assert not (target / "extract").exists() and not (target / "db").exists()  # no generic top-level names
    script = target / "bin" / "jixiao"
    help_out = subprocess.run([str(script), "--help"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert help_out.returncode == 0 and "ingest" in help_out.stdout
    out = subprocess.run([str(script), "extract", str(corpus / "anhui-chizhou-guichi-2022-xmzpb.xlsx"), "--json"],
                         env=env, cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["format"] == "xlsx"


def test_committed_json_schemas_are_current():
    for fname, text in schema_texts().items():
        path = OUT / fname
        assert path.exists(), f"{path} missing: run python -m jixiao.schemas.export"
        assert path.read_text(encoding="utf-8") == text, f"{fname} is stale: run python -m jixiao.schemas.export"
