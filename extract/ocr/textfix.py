"""Repairs of what OCR gets wrong inside numbers, and nothing else.

Only confusions that cannot change a number's value when the context says it is a number are
repaired: a letter O inside "2O20" can only be a zero. Nothing is inserted and no digit is
changed into another digit; an ambiguous mark is left as read (a wrong number is worse than a
missing one, and the normalizer rejects what it cannot parse).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import regex

DATA = Path(__file__).with_name("data") / "ocr.toml"


@lru_cache(maxsize=4)
def vocabulary(path: str = str(DATA)) -> dict:
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _patterns(path: str = str(DATA)):
    voc = vocabulary(path)
    look = voc["numbers"]["digit_lookalikes"]
    marks = voc["decimals"]["marks"]
    units = sorted(voc["decimals"]["units"], key=len, reverse=True)
    thousands = voc["decimals"].get("thousands_marks", [])
    chars = "".join(regex.escape(c) for c in look)
    # a run of digits, look-alikes and number punctuation, not glued to other Latin letters
    run = regex.compile(rf"(?<![A-Za-z])[0-9{chars}][0-9{chars}.,%]*(?![A-Za-z])")
    mark_cls = "".join(regex.escape(m) for m in marks)
    unit_alt = "|".join(regex.escape(u) for u in units)
    decimal = regex.compile(rf"(?<=\d)[{mark_cls}](?=\d{{1,2}}(?:{unit_alt}))")
    tmarks = "".join(regex.escape(m) for m in thousands)
    thousand = regex.compile(rf"(?<![\d.])\d{{1,3}}(?:[{tmarks}]\d{{3}})+(?![\d])") if tmarks else None
    return look, run, decimal, thousand, tmarks


def fix_numbers(text: str, path: str = str(DATA)) -> str:
    """``text`` with digit look-alikes and misread decimal points repaired inside numbers."""
    look, run, decimal, thousand, tmarks = _patterns(path)

    def fix_run(m):
        s = m.group(0)
        if not any(ch.isdigit() and ch.isascii() for ch in s):
            return s  # no real digit: a word or a year in characters, not a number
        if not any(ch in look for ch in s):
            return s
        out = []
        for i, ch in enumerate(s):
            if ch in look:
                prev = s[i - 1] if i else ""
                nxt = s[i + 1] if i + 1 < len(s) else ""
                # a look-alike must sit next to a digit or another look-alike of the number
                if not (prev.isdigit() or nxt.isdigit() or prev in look or nxt in look):
                    out.append(ch)
                    continue
                out.append(look[ch])
            else:
                out.append(ch)
        return "".join(out)

    text = run.sub(fix_run, text)
    if thousand is not None:
        text = thousand.sub(lambda m: regex.sub(f"[{tmarks}]", ",", m.group(0)), text)
    text = decimal.sub(".", text)
    return text
