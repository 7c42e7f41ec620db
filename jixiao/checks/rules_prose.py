"""Rules over running text: a rate against the two counts it is made of, a growth against last
year's figure, a total against its 其中 parts, a 得分率 against 得分 / 分值.

Sentences are the unit: a figure and the words around it are read together, and nothing is
checked unless the sentence itself names every input (else the finding would be a guess)."""
from __future__ import annotations

import regex as re

from .compare import Fig, fmt, quantum_of
from .context import MONEY_UNITS, NUM, Context
from .registry import rule

COUNT_UNITS = r"人次|户次|件次|项|件|个|人|户|宗|次|家|份|条|张|台|套|所|座|名|篇|期|场"
N = rf"(?<![\d.,])(?:{NUM})"  # a whole number, never the tail of a longer one
MONEY = rf"(?P<num>{N})(?P<unit>亿元|万元|千元|元)"
PCT = rf"(?P<pct>{NUM})%"


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _share(a: str, b: str) -> bool:
    """Two phrases name the same thing when they share a two-character word."""
    grams = {a[i:i + 2] for i in range(len(a) - 1)}
    return any(b[i:i + 2] in grams for i in range(len(b) - 1))


def _strip_parens(text: str) -> str:
    """Parenthesised asides hold rates per person, dates and references, never parts of a sum."""
    prev = None
    while prev != text:
        prev = text
        text = re.sub(r"\([^()]*\)|（[^（）]*）", "", text)
    return text


@rule("prose_ratio")
def prose_ratio(ctx: Context):
    """'公布1816项，其中可在线申办1661项，网上可办率达91.4%': the rate from the two counts."""
    pv = ctx.vocab.get("prose", {})
    bad = pv.get("not_ratio", [])
    pat = re.compile(rf"(?P<a>{N})(?P<u>{COUNT_UNITS})(?P<mid>[^%。;；]{{0,60}}?)(?P<b>{N})(?P=u)"
                     rf"(?P<tail>[^%。;；\d]{{0,30}}?)率(?:为|达|是|达到|约)?(?P<pct>{NUM})%")
    for s in ctx.sentences:
        t = _strip_parens(s.text)
        for m in pat.finditer(t, overlapped=True):
            mid, tail = m.group("mid"), m.group("tail")
            if re.search(rf"{NUM}(?:{COUNT_UNITS})", mid) or any(w in tail + "率" for w in bad):
                continue
            if any(w in tail for w in ("增长", "下降", "增加", "减少", "同比", "比上年", "较上年")):
                continue
            a, b = _num(m.group("a")), _num(m.group("b"))
            if a <= 0 or b <= 0:
                continue
            reported = _num(m.group("pct"))
            if reported > ctx.settings.max_prose_rate:
                continue
            stem = tail.lstrip(",，、")
            noun_a = re.split(r"[,，;；:：。、]", t[max(0, m.start() - 16):m.start()])[-1]
            if a >= b:  # part after whole: the usual order
                if "其中" not in mid and not _share(stem, mid):
                    continue
            elif not _share(stem, noun_a):  # whole after part: only when the rate names the first
                continue
            small, large = min(a, b), max(a, b)
            ctx.compare("prose_ratio", f"rate in text: {m.group(0)[:70]}",
                        Fig(reported, quantum_of(m.group("pct")), m.group("pct") + "%"), small / large * 100,
                        f"{fmt(small)} / {fmt(large)} {m.group('u')} × 100", page=s.page, evidence=s.text)


@rule("prose_named_ratio")
def prose_named_ratio(ctx: Context):
    """'预算安排9,860万元，实际到位9,412.60万元，资金到位率95.64%': the rate from the amounts its
    name points at (``[[prose.named_ratios]]``), each found by the words right before it."""
    for spec in ctx.vocab.get("prose", {}).get("named_ratios", []):
        rate = re.compile(rf"{re.escape(spec['rate'])}(?:为|达|是|达到)?(?P<pct>{NUM})%")
        for s in ctx.sentences:
            t = _strip_parens(s.text)
            m = rate.search(t)
            if not m:
                continue
            found: dict[str, list[float]] = {"numerator": [], "denominator": []}
            for a in re.finditer(MONEY, t[: m.start()]):
                before = re.split(r"[,，;；:：。、]", t[: a.start()])[-1]
                for kind in found:
                    if any(before.endswith(w) or before.endswith(w + "为") for w in spec[kind]):
                        found[kind].append(_num(a.group("num")) * MONEY_UNITS[a.group("unit")])
                        break
            if len(found["numerator"]) != 1 or len(found["denominator"]) != 1 or not found["denominator"][0]:
                continue
            num, den = found["numerator"][0], found["denominator"][0]
            ctx.compare("prose_ratio", f"{spec['rate']} in text: {m.group(0)}",
                        Fig(_num(m.group("pct")), quantum_of(m.group("pct")), m.group("pct") + "%"), num / den * 100,
                        f"{fmt(num)} / {fmt(den)} × 100", page=s.page, evidence=s.text)


@rule("prose_growth")
def prose_growth(ctx: Context):
    """'支出42.87万元，比上年39.50万元增长9.32%': the growth from the two amounts."""
    pv = ctx.vocab.get("prose", {})
    up, down = pv.get("growth_up", []), pv.get("growth_down", [])
    markers = pv.get("base_markers", [])
    unit = rf"(?:{COUNT_UNITS}|亿元|万元|千元|元)"
    pat = re.compile(rf"(?P<a>{N})(?P<u>{unit})(?P<mid>[^。;；%]{{0,40}}?)(?P<b>{N})(?P=u)"
                     rf"(?P<tail>[^。;；%\d]{{0,16}}?)(?P<dir>{'|'.join(map(re.escape, up + down))})了?(?P<pct>{NUM})%")
    for s in ctx.sentences:
        t = _strip_parens(s.text)
        for m in pat.finditer(t, overlapped=True):
            mid, around = m.group("mid"), m.group("mid") + m.group("tail")
            if re.search(rf"{NUM}{unit}", mid) or not any(w in around for w in markers + ["比", "较"]):
                continue
            if not any(w in around for w in markers) and not re.search(r"(?:19|20)\d\d年", mid):
                continue
            cur, base = _num(m.group("a")), _num(m.group("b"))
            if base <= 0:
                continue
            sign = -1 if m.group("dir") in down else 1
            reported = sign * _num(m.group("pct"))
            ctx.compare("prose_growth", f"growth in text: {m.group(0)[:70]}",
                        Fig(reported, quantum_of(m.group("pct")), ("-" if sign < 0 else "") + m.group("pct") + "%"),
                        (cur - base) / base * 100, f"({fmt(cur)} − {fmt(base)}) / {fmt(base)} × 100",
                        page=s.page, evidence=s.text)


@rule("prose_points_change")
def prose_points_change(ctx: Context):
    """'完成98.6%，较2022年的96.8%提高2.8个百分点': the change in points of two stated rates."""
    pv = ctx.vocab.get("prose", {})
    up, down = pv.get("growth_up", []), pv.get("growth_down", [])
    pat = re.compile(rf"(?P<a>{N})%(?P<mid>[^。;；%]{{0,30}}?)(?P<b>{N})%(?P<tail>[^。;；%\d]{{0,8}}?)"
                     rf"(?P<dir>{'|'.join(map(re.escape, up + down))})了?(?P<z>{N})个百分点")
    for s in ctx.sentences:
        t = _strip_parens(s.text)
        for m in pat.finditer(t):
            if not re.search(r"[较比]|同期|上年|去年", m.group("mid")):
                continue  # two rates side by side, not one compared with the other
            cur, base = _num(m.group("a")), _num(m.group("b"))
            sign = -1 if m.group("dir") in down else 1
            ctx.compare("prose_growth", f"change in points in text: {m.group(0)[:70]}",
                        Fig(sign * _num(m.group("z")), quantum_of(m.group("z"))), cur - base,
                        f"{fmt(cur)} − {fmt(base)}", page=s.page, evidence=s.text)


@rule("prose_parts")
def prose_parts(ctx: Context):
    """'实际支出496.81万元，其中薪酬434.56万元…运营费用58.98万元': the parts against the total."""
    openers = ctx.vocab.get("prose", {}).get("parts_openers", [])
    op = "|".join(map(re.escape, openers))
    for s in ctx.sentences:
        t = _strip_parens(s.text)
        for m in re.finditer(rf"{MONEY}[,，]?(?:{op})", t):
            total = _num(m.group("num")) * MONEY_UNITS[m.group("unit")]
            rest = t[m.end():]
            parts = []
            for p in re.finditer(MONEY, rest):
                after = rest[p.end():p.end() + 1]
                if after in ("/", "每"):
                    continue
                if re.search(r"(?:合计|共计|总计|累计)$", rest[max(0, p.start() - 3):p.start()]) and parts:
                    break
                parts.append((_num(p.group("num")) * MONEY_UNITS[p.group("unit")], p.group(0)))
            if len(parts) < 2 or len(parts) > ctx.settings.max_prose_parts:
                continue
            q = quantum_of(m.group("num"), MONEY_UNITS[m.group("unit")])
            run, chosen = 0.0, None
            for k, (v, _) in enumerate(parts):
                run += v
                if k >= 1 and abs(run - total) <= q / 2 + 1e-6:
                    chosen = parts[:k + 1]
                    break
            if chosen is None:
                if len(parts) > 3 or any(v >= total for v, _ in parts):
                    continue  # too many figures after 其中 to know which are the parts
                if abs(sum(v for v, _ in parts) - total) > ctx.settings.prose_parts_max_gap * total:
                    continue  # far off: more likely figures of another kind than a wrong sum
                chosen = parts
            ctx.compare("prose_parts", f"parts in text: {m.group(0)} = {' + '.join(x for _, x in chosen)}",
                        Fig(total, q, m.group("num") + m.group("unit")),
                        sum(v for v, _ in chosen), " + ".join(x for _, x in chosen), page=s.page, evidence=s.text)


@rule("prose_score_rate")
def prose_score_rate(ctx: Context):
    """'该指标分值4分，评价得分3分，得分率80%': the rate from the two scores, and points within 分值."""
    pat = re.compile(rf"分值(?:为)?(?P<max>{N})分[^。;；%]{{0,12}}?得(?:分)?(?:为)?(?P<pts>{NUM})分"
                     rf"(?:[^。;；%\d]{{0,8}}?得分率(?:为|是)?(?P<pct>{NUM})%)?")
    for s in ctx.sentences:
        for m in pat.finditer(s.text):
            mx, pts = _num(m.group("max")), _num(m.group("pts"))
            if mx <= 0:
                continue
            if pts > mx:
                from jixiao.schemas import Check  # noqa: PLC0415

                ctx.checks.append(Check(rule="item_cap", subject=f"points within 分值 in text: {m.group(0)[:40]}",
                                        reported=pts, recomputed=mx, status="mismatch",
                                        detail=f"{fmt(pts)} points given where {fmt(mx)} are available",
                                        page=s.page, evidence=s.text[:500]))
            if m.group("pct"):
                ctx.compare("score_rate", f"得分率 in text: {m.group(0)[:60]}",
                            Fig(_num(m.group("pct")), quantum_of(m.group("pct")), m.group("pct") + "%"),
                            pts / mx * 100, f"{fmt(pts)} / {fmt(mx)} × 100", page=s.page, evidence=s.text)
