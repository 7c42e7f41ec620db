"""The rules' vocabulary (header words, total labels, relations, grade bands) from data/*.toml.

Every TOML file in the data folder is read and merged, lists appended, so a user can drop in a
file of their own words without editing ours."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _merge(into: dict, new: dict) -> None:
    for k, v in new.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        elif isinstance(v, list) and isinstance(into.get(k), list):
            into[k] = into[k] + [x for x in v if x not in into[k]]
        else:
            into[k] = v


@lru_cache(maxsize=4)
def load(folder: str | None = None) -> dict:
    out: dict = {}
    for path in sorted(Path(folder or DATA).glob("*.toml")):
        _merge(out, tomllib.loads(path.read_text(encoding="utf-8")))
    return out
