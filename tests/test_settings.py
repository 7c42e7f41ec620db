"""Settings: one override mechanism for every stage, checked when the run starts."""
import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.extract.pdf.settings import PdfSettings
from jixiao.normalize.prose.settings import ProseSettings
from jixiao.settings import Settings, stage_settings


def test_toml_overrides_reach_each_stage(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text("[pipeline]\nworkers = 1\n[extract.pdf]\nmin_text_chars = 12\n[normalize.prose]\n", encoding="utf-8")
    s = Settings.from_toml(f)
    s.validate()
    assert s.pipeline.workers == 1
    assert PdfSettings.from_settings(s).min_text_chars == 12
    assert PdfSettings.from_settings(None) == PdfSettings()
    assert ProseSettings.from_settings(s) == ProseSettings()


def test_numbers_take_the_field_type():
    s = stage_settings(PdfSettings, {"snap_tolerance": 2})
    assert s.snap_tolerance == 2.0 and isinstance(s.snap_tolerance, float)


@pytest.mark.parametrize("toml, message", [
    ("[extract.pdf]\nmin_txt_chars = 3\n", "unknown setting in [extract.pdf]: min_txt_chars"),
    ("[extract.pfd]\nx = 1\n", "unknown settings table [extract.pfd]"),
    ("[pipeline\n", "Expected"),
])
def test_bad_settings_file_is_one_line_error(tmp_path, toml, message):
    f = tmp_path / "s.toml"
    f.write_text(toml, encoding="utf-8")
    (tmp_path / "in").mkdir()
    out = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "r.db"), "--config", str(f)])
    assert out.exit_code == 2
    assert message in out.output and "Traceback" not in out.output
