"""One settings object per run, gathering each stage's thresholds.

Like pdfplumber's ``table_settings``: thresholds are named fields with defaults, not numbers
buried in code, and a user can override any of them (``Settings.from_toml``)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path


@dataclass
class PipelineSettings:
    workers: int = 2  # worker processes; the machine's cores by default in the CLI
    file_timeout: float = 300.0  # seconds one file may take before its worker is killed ...
    page_timeout: float = 30.0  # ... plus this much per PDF page (a scanned page costs ~8 CPU-s of OCR)
    max_file_mb: float = 200.0  # larger files are recorded as failed, not read
    worker_start_timeout: float = 180.0  # seconds a worker may take to load its models


# the settings tables a TOML may hold, and the dataclass each one configures
STAGES = {
    ("extract", "pdf"): "jixiao.extract.pdf.settings:PdfSettings",
    ("extract", "docx"): "jixiao.extract.docx.settings:DocxSettings",
    ("extract", "xlsx"): "jixiao.extract.xlsx.settings:XlsxSettings",
    ("extract", "ocr"): "jixiao.extract.ocr.settings:OcrSettings",
    ("extract", "legacy"): "jixiao.extract.legacy:LegacySettings",
    ("normalize", "segment"): "jixiao.normalize.segment:SegmentSettings",
    ("normalize", "card"): "jixiao.normalize.card:CardSettings",
    ("normalize", "tables"): "jixiao.normalize.tables.settings:TablesSettings",
    ("normalize", "prose"): "jixiao.normalize.prose.settings:ProseSettings",
}


@dataclass
class Settings:
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    extract: dict = field(default_factory=dict)  # reader-specific overrides, see extract/*/settings
    normalize: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)

    def validate(self) -> None:
        """Build every stage's settings once, so a bad key fails at start-up with one line,
        not in every worker."""
        from importlib import import_module  # noqa: PLC0415

        for group in ("extract", "normalize"):
            table = getattr(self, group)
            for name in table:
                target = STAGES.get((group, name))
                if target is None:
                    known = ", ".join(n for g, n in STAGES if g == group)
                    raise ValueError(f"unknown settings table [{group}.{name}] (known: {known})")
                module, cls = target.split(":")
                stage_settings(getattr(import_module(module), cls), self, group, name)
        from jixiao.checks.settings import CheckSettings  # noqa: PLC0415

        stage_settings(CheckSettings, self, "checks")

    @classmethod
    def from_toml(cls, path: str | Path) -> "Settings":
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        s = cls()
        for f in fields(s):
            if f.name in data:
                cur = getattr(s, f.name)
                if is_dataclass(cur):
                    for k, v in data[f.name].items():
                        setattr(cur, k, v)
                else:
                    cur.update(data[f.name])
        return s


def stage_settings(cls, settings=None, group: str = "extract", name: str | None = None):
    """A stage's settings dataclass with the user's overrides applied.

    Every stage accepts the same things: None (defaults), an instance of ``cls`` (used as is),
    a plain dict of overrides, or a run's ``Settings`` whose ``group`` table (``extract``,
    ``normalize``, ``checks``) holds them, under ``name`` when given (``[extract.pdf]``).
    An unknown key is an error: a misspelt threshold silently ignored would look like a bug."""
    if isinstance(settings, cls):
        return settings
    if isinstance(settings, dict):
        over = settings
    else:
        raw = getattr(settings, group, None) if settings is not None else None
        if isinstance(raw, cls):
            return raw
        over = raw if isinstance(raw, dict) else {}
        if name is not None:
            over = over.get(name) or {}
    out = cls()
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(over) - set(known))
    if unknown:
        where = f"[{group}.{name}]" if name else f"[{group}]"
        raise ValueError(f"unknown setting{'s' if len(unknown) > 1 else ''} in {where}: {', '.join(unknown)}")
    for key, value in over.items():
        current = getattr(out, key)
        if isinstance(current, (int, float)) and not isinstance(current, bool) and isinstance(value, (int, float)):
            value = type(current)(value)
        setattr(out, key, value)
    return out
