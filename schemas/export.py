"""Write the JSON Schema of each public model beside this file (schemas/json/*.schema.json).

The committed files let users validate exports without Python; a test regenerates them in
memory and fails when they drift from the models."""
from __future__ import annotations

import json
from pathlib import Path

from .models import BudgetLine, Check, Indicator, Report, ScoreSection

MODELS = {"report": Report, "budget_line": BudgetLine, "indicator": Indicator,
          "score_section": ScoreSection, "check": Check}
OUT = Path(__file__).parent / "json"


def schema_texts() -> dict[str, str]:
    return {f"{name}.schema.json": json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
            for name, model in MODELS.items()}


def write(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fname, text in schema_texts().items():
        p = out / fname
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    for p in write():
        print(p)
