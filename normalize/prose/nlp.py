"""The tokenizer and entity ruler every prose rule reads through.

jieba segments Chinese without a model; the domain dictionary (``data/userdict.txt``) plus every
vocabulary phrase keeps terms such as 预算执行率 or 自评得分 whole, so a keyword is one token and
cannot be found inside a longer indicator name. spaCy's ``blank("zh")`` with the jieba segmenter
gives Doc/Span offsets, and an EntityRuler fed from data files labels keywords (vocabulary
phrases) and quantities (token patterns in ``data/prose_patterns.jsonl``). The rules in the other
modules then reason over that short, ordered list of labelled spans per clause.
"""
from __future__ import annotations

import json
import re
import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jixiao.normalize.numbers import magnitude_units, plain_units

DATA = Path(__file__).resolve().parent.parent / "data"
VOCAB_FILE = DATA / "prose_vocab.toml"
PATTERN_FILE = DATA / "prose_patterns.jsonl"
USERDICT_FILE = DATA / "userdict.txt"
KEYWORD_FREQ = 300000  # above any userdict entry: a vocabulary phrase is always kept whole


@dataclass(frozen=True)
class Ent:
    label: str  # KW for a vocabulary phrase, else PCT / MONEY / POINTS / QTY / NUM
    text: str
    start: int  # character offsets in the analysed text
    end: int


class Vocab:
    """The vocabulary file, with reverse lookups from a phrase to the roles it plays."""

    def __init__(self, data: dict):
        self.data = data
        self.roles: dict[str, set[str]] = {}
        for section, table in data.items():
            for key, words in table.items():
                if isinstance(words, list):
                    for w in words:
                        self.roles.setdefault(w, set()).add(f"{section}.{key}")

    def words(self, section: str, key: str) -> list[str]:
        return list(self.data.get(section, {}).get(key, []))

    def table(self, section: str, key: str) -> dict:
        return dict(self.data.get(section, {}).get(key, {}))

    def has(self, text: str, role: str) -> bool:
        return role in self.roles.get(text, ())

    def keyword_phrases(self) -> list[str]:
        """Phrases worth a KW entity: those of the roles the rules look up by token."""
        keep = {"budget", "score"}
        out = {w for w, roles in self.roles.items() if any(r.split(".")[0] in keep for r in roles)}
        for key in ("op_ge", "op_le", "op_eq", "op_gt", "op_lt", "reach", "post_ge", "post_le"):
            out.update(self.words("indicator", key))
        return sorted(out, key=len, reverse=True)


@lru_cache(maxsize=None)
def vocab() -> Vocab:
    return Vocab(tomllib.loads(VOCAB_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def pipeline():
    """spaCy blank zh with jieba and the EntityRuler; built once per process (about a second)."""
    import jieba  # noqa: PLC0415 - heavy; only workers that read prose pay for it
    import spacy  # noqa: PLC0415

    jieba.setLogLevel(logging.WARNING)
    if USERDICT_FILE.exists():
        jieba.load_userdict(str(USERDICT_FILE))
    v = vocab()
    phrases = v.keyword_phrases()
    for w in phrases:
        jieba.add_word(w, freq=KEYWORD_FREQ)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    patterns = [{"label": "KW", "pattern": w} for w in phrases]
    for line in PATTERN_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            patterns.append(json.loads(line))
    # quantities in the units of data/units.toml ("78岁"), and with a magnitude ("7.42万平方米",
    # longer than the MONEY "7.42万"); the patterns file may add more
    number = {"TEXT": {"REGEX": r"^\d+(\.\d+)?$"}}
    mags = magnitude_units()
    # "5分" is POINTS; "2023年" a date and "2023年度" a period far more often than a duration
    plain = [u for u in plain_units() if u not in ("分", "年", "度")]
    glued = "|".join(re.escape(u) for u in sorted(plain, key=len, reverse=True))
    patterns += [{"label": "QTY", "pattern": [number, {"TEXT": {"IN": plain}}]},
                 {"label": "QTY", "pattern": [{"TEXT": {"REGEX": rf"^\d+(\.\d+)?(?:{glued})$"}}]},
                 {"label": "QTY", "pattern": [number, {"TEXT": {"IN": mags}}]},
                 {"label": "QTY", "pattern": [number, {"TEXT": {"IN": sorted({m[0] for m in mags})}},
                                              {"TEXT": {"IN": sorted({m[1:] for m in mags})}}]}]
    ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=4096)
def ents(text: str) -> tuple[Ent, ...]:
    """Labelled spans of one clause, in order. Cached: reports repeat sentences (TOC, summary)."""
    doc = pipeline()(text)
    return tuple(Ent(e.label_, e.text, e.start_char, e.end_char) for e in doc.ents)
