"""Charts with Chinese labels.

matplotlib's default font (DejaVu Sans) has no CJK glyphs, so every Chinese label comes out
as empty boxes with only a warning in the log. ``use_cjk_font`` registers a CJK font shipped
with the package (Droid Sans Fallback, Apache-2.0, see fonts/README.txt) or the one named by
the environment variable ``JIXIAO_CJK_FONT``, and puts it in the sans-serif fallback chain
after DejaVu Sans: Latin letters and digits keep their usual look, CJK characters fall back
per glyph (matplotlib >= 3.6).

The bundled font has no Latin glyphs, hence the two-font chain."""
from __future__ import annotations

import os
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
BUNDLED_FONT = FONT_DIR / "DroidSansFallbackFull.ttf"
FONT_ENV = "JIXIAO_CJK_FONT"
LATIN_FONT = "DejaVu Sans"  # matplotlib's own, always present


def cjk_font_path() -> Path:
    override = os.environ.get(FONT_ENV)
    return Path(override) if override else BUNDLED_FONT


def use_cjk_font() -> str:
    """Register the CJK font with matplotlib and make it the fallback; returns its family name."""
    import matplotlib  # noqa: PLC0415 - plotting is optional
    from matplotlib import font_manager  # noqa: PLC0415

    path = cjk_font_path()
    if not path.is_file():
        raise FileNotFoundError(f"CJK font not found: {path} (set {FONT_ENV} to a .ttf/.otf file)")
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    # an explicit family list, not the generic "sans-serif": matplotlib falls back glyph by
    # glyph only along font.family, it does not expand the generic name into a chain
    matplotlib.rcParams["font.family"] = [LATIN_FONT, name]
    matplotlib.rcParams["font.sans-serif"] = [LATIN_FONT, name] + [
        f for f in matplotlib.rcParams["font.sans-serif"] if f not in (LATIN_FONT, name)]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType so a PDF shows (and names) the real glyphs
    return name


def is_cjk(ch: str) -> bool:
    return "CJK" in unicodedata.name(ch, "") or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def fonts_for_text(text: str) -> set[str]:
    """Family names matplotlib will draw ``text``'s CJK characters with, under current rcParams.

    A character no font in the chain covers maps to ``"<missing>"``: that is the tofu a
    reader would see, so tests and notebooks can assert it never happens."""
    from matplotlib import font_manager  # noqa: PLC0415
    from matplotlib.ft2font import FT2Font  # noqa: PLC0415

    chain = font_manager.fontManager._find_fonts_by_props(font_manager.FontProperties())
    faces = [(FT2Font(str(p)), p) for p in chain]
    used = set()
    for ch in {c for c in text if is_cjk(c)}:
        for face, p in faces:
            if face.get_char_index(ord(ch)):
                used.add(face.family_name)
                break
        else:
            used.add("<missing>")
    return used


def figure_fonts(fig) -> set[str]:
    """Fonts used for the CJK characters of every text in a figure (title, labels, ticks, legend)."""
    from matplotlib.text import Text  # noqa: PLC0415

    fig.canvas.draw()
    text = "".join(t.get_text() for t in fig.findobj(Text))
    return fonts_for_text(text)


def place_label(row: dict) -> str:
    """城市·区县 年 for a chart axis: short enough to read, unique enough to tell reports apart."""
    place = "".join(x for x in (row.get("city") or row.get("province") or "?", row.get("county") or "") if x)
    year = row.get("fiscal_year")
    return f"{place} {year}" if year else place


# colours: a report whose own figures disagree stands out; the rest stay neutral
COLOR_OK = "#4C72B0"
COLOR_MISMATCH = "#C44E52"
COLOR_UNCHECKED = "#8C8C8C"


def _label(row: dict) -> str:
    name = row.get("project") or row.get("unit") or ""
    name = name if len(name) <= 12 else name[:11] + "…"
    return f"{place_label(row)} {name}".strip()


def indicator_chart(key: str, rows: list[dict]):
    """Horizontal bars of one indicator's actual value per report, targets as ticks.

    Rows without a numeric actual value are left out of the chart (and named in its
    footnote) rather than drawn as zero: a missing figure is not a figure of 0."""
    import matplotlib.pyplot as plt  # noqa: PLC0415

    use_cjk_font()
    drawn = [r for r in rows if r.get("actual_value") is not None]
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(drawn), 2) + 1.4))
    labels = [_label(r) for r in drawn]
    colors = [COLOR_MISMATCH if r.get("checks") == "mismatch" else COLOR_OK if r.get("checks") == "ok"
              else COLOR_UNCHECKED for r in drawn]
    ax.barh(range(len(drawn)), [r["actual_value"] for r in drawn], color=colors)
    for i, r in enumerate(drawn):
        if r.get("target_value") is not None:
            ax.plot([r["target_value"]], [i], marker="|", markersize=18, color="black")
    ax.set_yticks(range(len(drawn)), labels)
    ax.invert_yaxis()
    units = sorted({r.get("value_unit") or "" for r in drawn} - {""})
    ax.set_xlabel(f"实际完成值 / actual ({', '.join(units) or '—'})；竖线为目标值 / tick = target")
    ax.set_title(f"{key}：各地比较 / across places")
    missing = len(rows) - len(drawn)
    if missing:
        fig.text(0.01, 0.01, f"另有 {missing} 份报告无数值 / {missing} report(s) without a numeric value",
                 fontsize=8)
    fig.tight_layout()
    return fig


def budget_chart(rows: list[dict]):
    """Execution rate per report: as reported beside as recomputed (spent / final budget)."""
    import matplotlib.pyplot as plt  # noqa: PLC0415

    use_cjk_font()
    drawn = [r for r in rows if r.get("recomputed_rate_pct") is not None or r.get("reported_rate_pct") is not None]
    fig, ax = plt.subplots(figsize=(8, 0.5 * max(len(drawn), 2) + 1.4))
    y = list(range(len(drawn)))
    ax.barh([v - 0.2 for v in y], [r.get("reported_rate_pct") or 0 for r in drawn], height=0.4,
            color=COLOR_OK, label="报告所述 / reported")
    ax.barh([v + 0.2 for v in y], [r.get("recomputed_rate_pct") or 0 for r in drawn], height=0.4,
            color=COLOR_UNCHECKED, label="重算 支出/预算 / recomputed")
    ax.set_yticks(y, [_label(r) for r in drawn])
    ax.invert_yaxis()
    ax.set_xlabel("预算执行率 (%) / budget execution rate")
    ax.set_title("预算执行：报告所述与重算 / Budget execution, reported and recomputed")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def mismatch_chart(rows: list[dict]):
    """How far each stated figure is from its recomputation, as a percent of the latter."""
    import matplotlib.pyplot as plt  # noqa: PLC0415

    use_cjk_font()
    drawn = [r for r in rows if r.get("reported") is not None and r.get("recomputed")]
    fig, ax = plt.subplots(figsize=(8, 0.45 * max(len(drawn), 2) + 1.4))
    diffs = [100.0 * (r["reported"] - r["recomputed"]) / abs(r["recomputed"]) for r in drawn]
    ax.barh(range(len(drawn)), diffs, color=[COLOR_MISMATCH if d > 0 else COLOR_OK for d in diffs])
    labels = [f"{place_label(r)} {r.get('rule')}: {(r.get('subject') or '')[:14]}" for r in drawn]
    ax.set_yticks(range(len(drawn)), labels)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("(所述 − 重算) / 重算 (%) / (reported − recomputed) / recomputed")
    ax.set_title("不一致的幅度 / Size of each mismatch")
    fig.tight_layout()
    return fig
