"""Rules over the normalized models (budgets, scores, indicators, the report card), plus the
row-level rules that need them: banded rules, proportional rules written in a cell, and
indicators that restate the report's own budget figures (预算执行率, 预算调整率)."""
from __future__ import annotations

import regex as re

import math

from . import formula as fx
from .bands import Band, apply, parse_grade_bands, parse_point_bands
from .compare import Fig, fmt, quantum_of
from .context import Context
from .registry import rule
from .tablemodel import blocks_of, kind_of, label_of, parse_cell, value


def _total_line(ctx: Context):
    lines = [b for b in ctx.result.budgets if b.line == "total"]
    return lines[0] if lines else None


@rule("budget_models")
def budget_models(ctx: Context):
    """年初 + 调整 = 全年; 执行数 / 全年预算 = 执行率; sub-lines add up to the total."""
    for b in ctx.result.budgets:
        name = "the whole budget" if b.line == "total" else b.line
        if b.initial_yuan is not None and b.adjusted_yuan is not None and b.final_yuan is not None:
            ctx.compare("budget_sum", f"{name}: 年初预算 + 调整 = 全年预算", Fig(b.final_yuan), b.initial_yuan + b.adjusted_yuan,
                        f"{fmt(b.initial_yuan)} + {fmt(b.adjusted_yuan)}", page=b.page, evidence=b.evidence)
        base = b.final_yuan if b.final_yuan is not None else (
            b.initial_yuan + b.adjusted_yuan if b.initial_yuan is not None and b.adjusted_yuan is not None else None)
        if b.reported_rate_pct is not None and b.spent_yuan is not None and base:
            ctx.compare("execution_rate", f"{name}: 执行数 / 全年预算 = 执行率", Fig(b.reported_rate_pct),
                        b.spent_yuan / base * 100, f"{fmt(b.spent_yuan)} / {fmt(base)} × 100", page=b.page,
                        evidence=b.evidence)
    total = _total_line(ctx)
    subs = [b for b in ctx.result.budgets if b.line != "total"]
    if total is None or len(subs) < 2:
        return
    for field in ("initial_yuan", "final_yuan", "spent_yuan"):
        tv = getattr(total, field)
        vals = [getattr(s, field) for s in subs]
        if tv is None or any(v is None for v in vals):
            continue
        if any(w in s.line for s in subs for w in ("小计", "合计", "其中")) or \
                abs(sum(vals) - tv) > ctx.settings.prose_parts_max_gap * abs(tv):
            continue  # lines of several levels (a subtotal and its items): not one breakdown of the total
        ctx.compare("budget_sum", f"budget lines add up to the total ({field})", Fig(tv), sum(vals),
                    " + ".join(fmt(v) for v in vals), page=total.page, evidence=total.evidence)


@rule("score_models")
def score_models(ctx: Context):
    """Sections within their 分值, 得分率 from 得分 / 分值, sections adding up to the total."""
    rep = ctx.result.report
    secs = ctx.result.scores
    for s in secs:
        if s.points is not None and s.max_points:
            if s.reported_rate_pct is not None:
                ctx.compare("score_rate", f"{s.section}: 得分 / 分值 = 得分率", Fig(s.reported_rate_pct),
                            s.points / s.max_points * 100, f"{fmt(s.points)} / {fmt(s.max_points)} × 100",
                            page=s.page, evidence=s.evidence)
            cap_found = any(c.rule == "item_cap" and c.status == "mismatch" for c in ctx.checks)
            if s.points > s.max_points > 0 and not cap_found:  # an item over its 分值 explains it
                ctx.compare("item_cap", f"{s.section}: points within its 分值", Fig(s.points), s.max_points,
                            f"at most {fmt(s.max_points)}", page=s.page, evidence=s.evidence)
        # a section may be a 二级指标 group (数量指标 小计) or a 一级指标: its items are those under it
        bare = lambda t: (t or "").removesuffix("指标")  # noqa: E731 - "数量" names the 数量指标 group
        items = [i for i in ctx.result.indicators if i.level2 and s.section and bare(i.level2) == bare(s.section)]
        if not items:
            items = [i for i in ctx.result.indicators
                     if i.level1 and s.section and (i.level1 in s.section or s.section in i.level1)]
        if s.points is not None and len(items) >= 2 and all(i.score is not None for i in items):
            ctx.compare("section_total", f"{s.section}: items add up to the section", Fig(s.points),
                        sum(i.score for i in items), " + ".join(fmt(i.score) for i in items), page=s.page,
                        evidence=s.evidence)
    caps = [s.max_points for s in secs]
    partial = all(c is not None for c in caps) and abs(sum(caps) - ctx.settings.full_marks) > 0.5
    # sections whose 分值 do not make the full marks (二级指标 subtotals beside a 执行率 score) are
    # not the whole total: adding them up proves nothing
    if rep.reported_score is not None and len(secs) >= 2 and all(s.points is not None for s in secs) and not partial:
        # a section already found wrong enters with its recomputed points: one error, one finding
        fixed = {c.reported: c.recomputed for c in ctx.checks
                 if c.rule == "section_total" and c.status == "mismatch" and c.recomputed is not None}
        pts = [fixed.get(s.points, s.points) for s in secs]
        ctx.compare("total_score", "sections add up to the total score", Fig(rep.reported_score),
                    sum(pts), " + ".join(f"{s.section} {fmt(p)}" for s, p in zip(secs, pts)),
                    page=(rep.provenance.get("reported_score") or {}).get("page"),
                    evidence=(rep.provenance.get("reported_score") or {}).get("evidence"))
    for i in ctx.result.indicators:
        if i.score is not None and i.weight and i.score > i.weight > 0:
            ctx.compare("item_cap", f"{i.name}: points within its 分值", Fig(i.score), i.weight,
                        f"at most {fmt(i.weight)}", page=i.page, evidence=i.evidence)


@rule("restated")
def restated(ctx: Context):
    """A figure the text states differently from the form: the report contradicts itself. The
    sentence's figure is the reported one, the table's (the row kept) the one it is checked against."""
    for r in getattr(ctx.result, "restated", []):
        where = f"p{r.kept_page}" if r.kept_page else "the table"
        step = None
        if r.what.endswith("_yuan"):  # money in a sentence is mostly written in 万元 at 0-2 decimals
            step = next((q for q in (1e4, 1e3, 1e2, 1.0) if abs(r.other / q - round(r.other / q)) < 1e-6), 0.01)
        elif r.other_evidence:  # "得分18分" beside "得分12.5分": the sentence writes points to 0.1
            steps = [quantum_of(m) for m in re.findall(r"\d+(?:\.\d+)?(?=\s*[分%％])", r.other_evidence)]
            step = min(steps, default=None)
        ctx.compare("restated", f"{r.what}: text against table", Fig(r.other, step), r.kept,
                    f"the table ({where}) states {fmt(r.kept)}: {(r.kept_evidence or '')[:120]}",
                    page=r.other_page, evidence=r.other_evidence)


def _report_bands(ctx: Context):
    for s in ctx.sentences:
        b = parse_grade_bands(s.text)
        if b:
            return b, s.text
    for g in ctx.grids:
        for row in g.raw:
            for cell in row:
                if cell and len(cell) < 200:
                    b = parse_grade_bands(cell)
                    if b:
                        return b, cell
    return None, None


@rule("grade_band")
def grade_band(ctx: Context):
    """The grade follows from the total: the report's own bands when it states them, else the defaults."""
    rep = ctx.result.report
    score, grade, prov = rep.reported_score, rep.reported_grade, rep.provenance.get("reported_grade") or {}
    if score is None or not grade:
        score, grade, prov = _grade_in_text(ctx)
    if score is None or not grade:
        return
    bands, where = _report_bands(ctx)
    if bands is None:
        defaults = sorted(ctx.vocab.get("grade_bands", []), key=lambda g: -g["min"])
        bands, hi = [], math.inf
        for g in defaults:
            bands.append(Band(float(g["min"]), True, hi, False, g["grade"]))
            hi = float(g["min"])
        where = "default bands: " + ", ".join(f"{g['grade']} ≥ {g['min']}" for g in defaults)
    else:
        where = "the report's bands: " + where
    got = apply(bands, score)
    if got is None:
        return
    ctx.text_check("grade_band", f"grade for a total of {fmt(score)}", grade[:1] if grade[:1] in "优良中差" else grade,
                   got, where[:300], page=prov.get("page"), evidence=prov.get("evidence"), reported_value=score)


def _grade_in_text(ctx: Context):
    """'自评得分94分，评价等级为“良”' when the report card did not give both."""
    for s in ctx.sentences:
        m = re.search(r"(?:得分|总分|综合得分|自评分)(?:为|是)?[:：]?(\d+(?:\.\d+)?)分[^。]{0,24}?(?:等级|等次)(?:为|是)?"
                      r"[:：]?[“\"]?(优秀|优|良好|良|中等|中|差)", s.text)
        if m:
            return float(m.group(1)), m.group(2)[:1], {"page": s.page, "evidence": s.text[:500]}
    return None, None, {}


def _budget_values(ctx: Context) -> dict[str, float]:
    """The report's total budget figures: from the models, else from a budget table's total row."""
    t = _total_line(ctx)
    vals = {}
    if t is not None:
        vals = {k: v for k, v in (("initial", t.initial_yuan), ("adjust", t.adjusted_yuan), ("final", t.final_yuan),
                                  ("spent", t.spent_yuan)) if v is not None}
    if len(vals) >= 2:
        return vals
    for g in ctx.grids:
        for b in blocks_of(g, ctx.vocab):
            rows = [r for r in range(b.start, b.end)
                    if sum(1 for c, role in b.roles.items() if role in ("initial", "final", "spent", "adjust")
                           and value(g, r, c, b)) >= 2]
            tot = [r for r in rows if kind_of(label_of(g, r, b), ctx.vocab) == "total"]
            pick = tot[0] if tot else (rows[0] if len(rows) == 1 else None)
            if pick is not None:
                out = {}
                for c, role in b.roles.items():
                    v = value(g, pick, c, b)
                    if role in ("initial", "final", "spent", "adjust") and v and role not in out:
                        out[role] = v.value
                return out
    return vals


def _row_actual(g, r, b):
    c = b.col("actual")
    v = value(g, r, c, b) if c is not None else None
    return v if v is not None and v.percent else None


@rule("row_rules")
def row_rules(ctx: Context):
    """Per indicator row: a budget-derived rate recomputed, then the row's banded rule applied."""
    specs = ctx.vocab.get("budget_indicators", [])
    budget = None
    for g in ctx.grids:
        for b in blocks_of(g, ctx.vocab):
            cp, cm = b.col("points"), b.col("max_points")
            for r in range(b.start, b.end):
                actual = _row_actual(g, r, b)
                rate = actual.value if actual else None
                labels = [x for x in g.raw[r] if x and len(x) <= 20]
                for spec in specs:
                    if actual is None or not any(lab in spec["names"] for lab in labels):
                        continue
                    budget = budget if budget is not None else _budget_values(ctx)
                    for f in spec["formulas"]:
                        got = fx.evaluate(f, budget)
                        if got is None:
                            continue
                        c = ctx.compare("budget_ratio", f"{next(x for x in labels if x in spec['names'])} 完成值 "
                                        f"recomputed from the budget", Fig(actual.value, actual.quantum, actual.text),
                                        got * 100, f"{f} with " + ", ".join(f"{k} {fmt(v)}" for k, v in budget.items()),
                                        page=g.pages[r], evidence=" | ".join(x for x in g.raw[r] if x))
                        if c.status == "mismatch":
                            rate = got * 100  # apply the band to the true rate: one error, one finding
                        break
                pts = value(g, r, cp, b) if cp is not None else None
                if pts is None:
                    continue
                mx = value(g, r, cm, b) if cm is not None else None
                if mx is not None:
                    _proportional_cell(ctx, g, r, b, pts, mx)
                if rate is None:
                    continue
                for cell in g.raw[r]:
                    bands = parse_point_bands(cell) if "得" in cell else []
                    if bands:
                        got = apply(bands, rate)
                        if got is not None:
                            ctx.compare("band_rule", f"{label_of(g, r, b)}: banded rule applied to {fmt(rate)}%",
                                        Fig(pts.value, pts.quantum, pts.text), float(got),
                                        f"rule “{cell[:80]}” gives {got} points for {fmt(rate)}%",
                                        page=g.pages[r], evidence=" | ".join(x for x in g.raw[r] if x))
                        break


def _proportional_cell(ctx, g, r, b, pts, mx):
    """'得分=运营达标数/总数×分值' with '16个…中14个…' beside it: points from the stated ratio."""
    rule_cells = [x for x in g.raw[r] if re.search(r"得分=[^;；。]*[×*](?:分值|权重|该指标分值)", x)]
    if not rule_cells:
        return
    others = [x for x in g.raw[r] if x and x not in rule_cells and parse_cell(x) is None]
    ratio, how = None, ""
    for x in others:
        pcts = re.findall(r"(\d+(?:\.\d+)?)%", x)
        if pcts:
            ratio, how = float(pcts[-1]) / 100, f"{pcts[-1]}% stated"
            break
        m = re.search(r"(\d+)个[^,，;；。]{0,12}?中(?:有)?(\d+)个", x)
        if m and int(m.group(1)) > 0:
            ratio, how = int(m.group(2)) / int(m.group(1)), f"{m.group(2)} of {m.group(1)}"
            break
    if ratio is None:
        return
    ctx.compare("proportional_score", f"{label_of(g, r, b)}: points = ratio × 分值", Fig(pts.value, pts.quantum, pts.text),
                ratio * mx.value, f"{how} × {fmt(mx.value)} ({rule_cells[0][:60]})", page=g.pages[r],
                evidence=" | ".join(x for x in g.raw[r] if x))
