"""Numbers as reports write them: money, percents, quantities with units, comparisons, dates.

Every parser returns None rather than a guess: "约", ranges and text it does not understand
give None, and the caller records why. Chinese numerals go through cn2an.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex as re

DATA = Path(__file__).resolve().parent / "data"

# money unit -> multiplier to yuan
MONEY_UNITS = {"元": 1.0, "万元": 1e4, "万": 1e4, "亿元": 1e8, "亿": 1e8, "千元": 1e3, "百万元": 1e6}

NUM = r"[-−－+]?\d[\d,，]*(?:\.\d+)?"
_num_re = re.compile(NUM)
_money_re = re.compile(rf"({NUM})\s*(亿元|万元|千元|百万元|元|万|亿)?")
_pct_re = re.compile(rf"({NUM})\s*[%％]")
OPS = [("≥", ">="), (">=", ">="), ("不低于", ">="), ("不少于", ">="), ("大于等于", ">="), ("以上", ">="),
       ("至少", ">="), ("达到", ">="), ("≤", "<="), ("<=", "<="), ("不超过", "<="), ("不高于", "<="),
       ("不多于", "<="), ("小于等于", "<="), ("以内", "<="), ("以下", "<="), ("控制在", "<="), ("低于", "<"),
       ("少于", "<"), ("小于", "<"), ("高于", ">"), ("大于", ">"), ("超过", ">"), ("＞", ">"), (">", ">"),
       ("＜", "<"), ("<", "<"), ("=", "="), ("＝", "="), ("等于", "=")]


def clean(text: str | None) -> str:
    """NFKC width folding and no whitespace: '１２３ ，４５％' -> '123,45%'."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", t)


def to_float(text: str | None) -> float | None:
    """A plain number with thousands separators; None when the text holds anything else."""
    t = clean(text).replace("，", ",").replace("−", "-").replace("－", "-")
    if not t or not re.fullmatch(r"[-+]?\d[\d,]*(\.\d+)?|[-+]?\.\d+", t):
        return None
    if "," in t and not re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        return None  # "1,2" is not a number we trust
    return float(t.replace(",", ""))


_CURRENCY = re.compile(r"^(?:人民币|RMB|CNY|[¥￥])")
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"


def parse_money(text: str | None, default_unit: str = "元") -> float | None:
    """Yuan from '1243.21万元', '17,160,681.00', '￥1,234.00', '(57.08)', '一百二十万元', or a bare
    number in ``default_unit``. An accounting bracket is a negative figure."""
    t = clean(text)
    if not t or t in {"-", "—", "/", "无"}:
        return None
    t = _CURRENCY.sub("", t)
    t = re.sub(r"(?<=元)整$", "", t)
    # accounting brackets mark a negative amount, "(1,234.00)"; "（3）" is list numbering, not money
    neg = re.fullmatch(r"[(（]([-+]?\d[\d,]*\.\d{1,2}(?:亿元|万元|千元|元)?)[)）]", t)
    if neg:
        t = neg.group(1)
    m = re.fullmatch(rf"({NUM})(亿元|万元|千元|百万元|元|万|亿)?", t)
    if m:
        v = to_float(m.group(1))
    else:
        m = re.fullmatch(rf"([{_CN_DIGITS}]+?)(亿元|万元|千元|百万元|元)", t)
        v = chinese_number(m.group(1)) if m else None
    if v is None:
        return None
    unit = m.group(2) or default_unit
    v = round(v * MONEY_UNITS.get(unit, 1.0), 2)
    return -v if neg else v


def find_money(text: str, default_unit: str | None = None) -> list[tuple[float, str, int, int]]:
    """Every money amount with an explicit unit (or a default) in running text: (yuan, matched, start, end)."""
    out = []
    for m in _money_re.finditer(clean(text)):
        unit = m.group(2) or default_unit
        v = to_float(m.group(1))
        if unit and v is not None:
            out.append((round(v * MONEY_UNITS[unit], 2), m.group(0), m.start(), m.end()))
    return out


def parse_percent(text: str | None) -> float | None:
    """97.9 from '97.90%', '97.9％', '百分之九十五'; None without a percent sign or with two numbers."""
    t = clean(text)
    m = re.fullmatch(rf"({NUM})[%％]", t)
    if m:
        return to_float(m.group(1))
    m = re.fullmatch(r"百分之(.+)", t)
    if m:
        return to_float(m.group(1)) if re.fullmatch(NUM, m.group(1)) else chinese_number(m.group(1))
    return None


@dataclass
class Quantity:
    """A value as a target or actual is written: '≥95%', '不超过6秒', '175560次', '100.00%'."""

    op: str | None
    value: float | None
    unit: str | None
    text: str


def _unit_re() -> str:
    """The unit grammar of ``data/units.toml``: [magnitude] unit [per unit] [（alternative）], or
    [magnitude] one other Chinese character that is no approximation word (20艘, 3.2万种), optional."""
    data = _units_data()
    alt = lambda words: "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))  # noqa: E731
    known, per_words = alt(data["known"]), alt(data["known"] + data["per_words"])
    mags, per = alt(data["magnitudes"]), alt(data["per"])
    approx = "".join(re.escape(w) for w in data["approx"] if len(w) == 1)
    # a rate per something: a listed word or one or two characters, maybe two of them joined by "·"
    # (元/人·月, 元/生·天)
    per_part = rf"(?:{per_words}|\p{{Han}}{{1,2}})(?:·(?:{per_words}|\p{{Han}}{{1,2}}))?"
    one = rf"(?:(?:{mags})?(?:{known}))(?:(?:{per}){per_part})?(?:[（(](?:{known})[)）])?"
    return rf"({one}|(?:{mags})?(?![{approx}])\p{{Han}})?"


def _units_data() -> dict:
    import tomllib  # noqa: PLC0415

    return tomllib.loads((DATA / "units.toml").read_text(encoding="utf-8"))


def plain_units() -> list[str]:
    """The known units that are no money and no percent: what a count or measure is stated in."""
    return [u for u in _units_data()["known"] if u not in MONEY_UNITS and u not in ("%", "％", "‰")]


def magnitude_units() -> list[str]:
    """'万亩', '万平方米', '万人次': a magnitude with a plain unit, the quantities the prose reader
    must not take for money ("7.42万" then "平方米")."""
    return [m + u for m in _units_data()["magnitudes"] for u in plain_units()]


UNIT_RE = _unit_re()
# "≤±5%": a deviation bound, its size is the figure; "≥95%（含）": the bound is inclusive, as ≥ says
_qty_re = re.compile(rf"^(?P<op>{'|'.join(re.escape(o) for o, _ in OPS)})?(?:(?<=[≤<]|不超过|以内)±)?(?P<num>{NUM})"
                     rf"(?P<unit>{UNIT_RE})(?P<post>以上|以内|以下|及以上|及以下|内)?(?:[(（]含[)）])?$")


def parse_quantity(text: str | None) -> Quantity | None:
    """Comparison, number and unit of a short value cell; None for prose ('效果明显') or ranges."""
    raw = "" if text is None else str(text)
    t = clean(raw).rstrip("。；;")
    if not t:
        return None
    m = _qty_re.match(t)
    if not m:
        cn = chinese_number(t)
        return Quantity(None, cn, None, raw) if cn is not None else None
    op = dict(OPS).get(m.group("op")) if m.group("op") else None
    post = m.group("post")
    if post and not op:
        op = ">=" if post in ("以上", "及以上") else "<="
    unit = m.group("unit") or None
    if unit == "％":
        unit = "%"
    return Quantity(op, to_float(m.group("num")), unit, raw)


def comparable_units(a: str | None, b: str | None) -> bool:
    """Whether a target and an actual are in one measure: the same unit, or one the other's rate
    per period ("≥3次/年" against "4次"); 万人 against 人 is another scale and is not."""
    if not a or not b or a == b:
        return True
    return a.split("/")[0] == b.split("/")[0] and ("/" in a) != ("/" in b)


def find_op(text: str) -> str | None:
    """The comparison a phrase states ('不低于' -> '>='), the first one found."""
    t = clean(text)
    best = None
    for word, op in OPS:
        i = t.find(word)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, op)
    return best[1] if best else None


def chinese_number(text: str) -> float | None:
    """一百二十 -> 120 via cn2an; None for anything that is not wholly a number."""
    t = clean(text)
    if not t or not re.fullmatch(rf"[{_CN_DIGITS}]+", t):
        return None
    try:
        import cn2an  # noqa: PLC0415 - cn2an is slow to import; most cells never need it

        return float(cn2an.cn2an(t, "smart"))
    except (ValueError, KeyError):
        return None


_date_re = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*[日号])?)?")
_date_num_re = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-/.．])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2}))?(?!\d)")
_date_cn_re = re.compile(r"(?P<y>[二〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?:(?P<d>[一二三四五六七八九十]{1,3})日)?")


def parse_date(text: str | None) -> str | None:
    """ISO date or month: '2023年4月28日' -> '2023-04-28', '2021 年 8 月' -> '2021-08'."""
    if not text:
        return None
    t = unicodedata.normalize("NFKC", text)
    m = _date_re.search(t)
    if not (m and m.group("m")):
        m = _date_num_re.search(t) or m  # 2023-4-28, 2023/04/28, 2023.4.28
    if m and m.group("m"):
        y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
        if not 1 <= mo <= 12:
            return None
        return f"{y:04d}-{mo:02d}-{int(d):02d}" if d and 1 <= int(d) <= 31 else f"{y:04d}-{mo:02d}"
    m = _date_cn_re.search(t)
    if m:
        try:
            import cn2an  # noqa: PLC0415

            y = int("".join(str("〇一二三四五六七八九".index(ch)) if ch in "〇一二三四五六七八九" else "0" for ch in m.group("y")))
            mo = int(cn2an.cn2an(m.group("m"), "smart"))
            d = int(cn2an.cn2an(m.group("d"), "smart")) if m.group("d") else None
        except (ValueError, KeyError):
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if d else f"{y:04d}-{mo:02d}"
    return None


def parse_year(text: str | None) -> int | None:
    """The year of '2022年度', '（2022年）', '2022'; None for anything else or a year out of range."""
    t = clean(text)
    m = re.search(r"((?:19|20)\d{2})年", t) or re.fullmatch(r"[(（]?((?:19|20)\d{2})[)）]?", t)
    return int(m.group(1)) if m else None


def decimals(text: str | None) -> int | None:
    """How many decimals a figure was written with ('94.28%' -> 2): the precision checks round to."""
    m = _num_re.search(clean(text))
    if not m:
        return None
    s = m.group(0)
    return len(s.split(".", 1)[1]) if "." in s else 0
