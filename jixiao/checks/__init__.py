"""Spot-check rules: recompute a report's figures from its own other figures.

``run_checks`` is called by the pipeline once per report. Every rule lives in a small module and
registers itself (``registry.rule``); each recomputation becomes one ``Check`` row, the ones that
agree included, so an auditor sees what was verified as well as what was not."""
from __future__ import annotations

from jixiao.schemas import Check

# order matters: tables first, prose next, models last, so a model rule can see what the others found
from . import rules_table  # noqa: F401,I001  (registers the rules)
from . import rules_prose  # noqa: F401,I001
from . import rules_models  # noqa: F401,I001
from .context import Context
from .registry import RULES
from .settings import CheckSettings


def run_checks(result, seg=None, doc=None, settings=None) -> list[Check]:
    """Every recomputation for one report, duplicates (the same figures seen twice) folded."""
    ctx = Context(result=result, seg=seg, doc=doc, settings=CheckSettings.from_settings(settings))
    for name, fn in RULES.items():
        try:
            fn(ctx)
        except Exception as exc:  # one rule's failure on an odd template must not hide the others
            ctx.checks.append(Check(rule=name, subject=f"rule {name} could not run", status="unverifiable",
                                    detail=f"{type(exc).__name__}: {exc}"))
    rid = getattr(getattr(result, "report", None), "id", "") or ""
    out, seen = [], set()
    for c in ctx.checks:
        key = (c.status, c.rule if c.status in ("ok", "unverifiable") else "", c.subject if c.status == "ok" else "",
               None if c.reported is None else round(c.reported, 4),
               None if c.recomputed is None else round(c.recomputed, 4), c.reported_text, c.recomputed_text)
        if key in seen:
            continue
        seen.add(key)
        c.report_id = rid
        out.append(c)
    return out
