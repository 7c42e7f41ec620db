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


@dataclass
class Settings:
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)
    extract: dict = field(default_factory=dict)  # reader-specific overrides, see extract/*/settings
    normalize: dict = field(default_factory=dict)
    checks: dict = field(default_factory=dict)

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
