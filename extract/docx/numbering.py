"""List numbering: turn a paragraph's numPr into the label Word prints ("1." / "（一）" / "①").

The label is not in the text runs; Word computes it from numbering.xml and counters kept while
laying out the document. Chinese reports number their sections this way (一、 / （一） / 1.), and
the normalizer needs those labels to tell a section heading from an indicator name, so the
counters are replayed here in body order. Counters belong to the abstract list definition, as in
Word: two w:num instances of one abstractNum continue each other unless one restarts with a
startOverride."""
from __future__ import annotations

from dataclasses import dataclass, field

from .ooxml import int_val, on, val, w

CN_DIGITS = "零一二三四五六七八九"
CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = CN_DIGITS, units: str = "十百千") -> str:
    """1 -> 一, 10 -> 十, 15 -> 十五, 21 -> 二十一, 105 -> 一百零五 (as Word prints list labels)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero and parts:
                parts.append(digits[0])
            parts.append(digits[d] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    if text.startswith(digits[1] + units[0]) and len(text) <= 3 and digits is CN_DIGITS:
        text = text[1:]  # 一十五 -> 十五
    return text


def roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def letter(n: int) -> str:
    """Word repeats the letter: 27 -> AA, 28 -> BB."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def format_number(n: int, fmt: str | None) -> str:
    fmt = fmt or "decimal"
    if fmt in ("none",):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if n < 10 else str(n)
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        r = letter(n)
        return r if fmt == "upperLetter" else r.lower()
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting", "koreanCounting"):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return chinese_counting(n, CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return enclosed(n, 0x2460, 20)
    if fmt == "decimalEnclosedFullstop":
        return enclosed(n, 0x2488, 20)
    if fmt == "decimalEnclosedParen":
        return enclosed(n, 0x2474, 20)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)  # decimal, decimalHalfWidth and the formats without a CJK reading


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = "%1."
    is_lgl: bool = False
    suff: str = "tab"


@dataclass
class Instance:
    abstract: str
    overrides: dict[int, Level] = field(default_factory=dict)
    starts: dict[int, int] = field(default_factory=dict)  # startOverride per level, applied once


def _level(el) -> Level:
    lt = el.find(w("lvlText"))
    return Level(start=int_val(el.find(w("start")), default=1), fmt=val(el.find(w("numFmt"))) or "decimal",
                 text=val(lt) if lt is not None else None, is_lgl=on(el.find(w("isLgl"))),
                 suff=val(el.find(w("suff"))) or "tab")


class Numbering:
    def __init__(self, root=None, styles=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum -> the style its numbering lives in
        self.nums: dict[str, Instance] = {}
        self.styles = styles
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[tuple[str, int]] = set()
        if root is None:
            return
        for an in root.iter(w("abstractNum")):
            aid = an.get(w("abstractNumId"))
            self.abstracts[aid] = {int(l.get(w("ilvl"), "0")): _level(l) for l in an.findall(w("lvl"))}
            link = val(an.find(w("numStyleLink")))
            if link:
                self.style_links[aid] = link
        for num in root.iter(w("num")):
            inst = Instance(abstract=val(num.find(w("abstractNumId"))) or "")
            for ov in num.findall(w("lvlOverride")):
                ilvl = int(ov.get(w("ilvl"), "0"))
                so = int_val(ov.find(w("startOverride")))
                if so is not None:
                    inst.starts[ilvl] = so
                if ov.find(w("lvl")) is not None:
                    inst.overrides[ilvl] = _level(ov.find(w("lvl")))
            self.nums[num.get(w("numId"))] = inst

    def _resolve(self, num_id: str) -> tuple[str, Instance] | None:
        inst = self.nums.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        for _ in range(3):  # numStyleLink: the real definition hangs off a numbering style
            link = self.style_links.get(aid)
            if not link or self.styles is None:
                break
            linked_num, _lvl = self.styles.num_pr(link)
            target = self.nums.get(linked_num or "")
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return (aid, inst) if aid in self.abstracts else None

    def level(self, aid: str, inst: Instance, ilvl: int) -> Level | None:
        return inst.overrides.get(ilvl) or self.abstracts.get(aid, {}).get(ilvl)

    def label(self, num_id: str | None, ilvl: int | None) -> tuple[str | None, str]:
        """(label, suffix) for the next paragraph of this list, advancing the counters.

        None when the paragraph is not numbered (numId 0 switches numbering off) or the
        definition is missing; "" for a level whose format prints nothing."""
        if not num_id or num_id == "0":
            return None, ""
        found = self._resolve(num_id)
        if found is None:
            return None, ""
        aid, inst = found
        ilvl = ilvl or 0
        lvl = self.level(aid, inst, ilvl)
        if lvl is None:
            return None, ""
        counters = self.counters.setdefault(aid, {})
        if ilvl in inst.starts and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = inst.starts[ilvl] - 1
            # a restart of the list also restarts its deeper levels
            for deeper in [k for k in counters if k > ilvl]:
                del counters[deeper]
        counters[ilvl] = counters.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt == "bullet":
            return (lvl.text or "•"), lvl.suff
        text = lvl.text if lvl.text is not None else f"%{ilvl + 1}."
        for k in range(9):
            token = f"%{k + 1}"
            if token not in text:
                continue
            klvl = self.level(aid, inst, k) or Level()
            n = counters.get(k, klvl.start)
            fmt = "decimal" if (lvl.is_lgl and k < ilvl) else klvl.fmt
            text = text.replace(token, format_number(n, fmt))
        return text, lvl.suff

    def is_bullet(self, num_id: str | None, ilvl: int | None) -> bool:
        found = self._resolve(num_id or "")
        if found is None:
            return False
        lvl = self.level(found[0], found[1], ilvl or 0)
        return lvl is not None and lvl.fmt == "bullet"
