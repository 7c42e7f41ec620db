"""Show a cell's value the way the sheet shows it, from its number format.

Reports state money as the sheet displays it (17,160,681.00, 97.90%), and a value read from
the raw cell would be 17160681 or 0.979 - a different figure to anyone comparing with the
PDF. The formatter covers the formats budget forms use (fixed decimals, thousands
separators, percents, literal text and units, sections for negatives, dates); anything it
does not understand falls back to the General rendering, never to an exception."""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DATE_TOKENS = re.compile(r"(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p)", re.I)
QUOTED = re.compile(r'"([^"]*)"')
BRACKET = re.compile(r"\[[^\]]*\]")


def general(value: float, digits: int = 15) -> str:
    """Excel's General: integers plainly, floats without binary noise (0.1+0.2 -> 0.3)."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        return f"{mant}E{int(exp):+03d}"
    return text


def split_sections(fmt: str) -> list[str]:
    """Split on ';' outside quotes and brackets."""
    out, cur, quote, depth = [], [], False, 0
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "\\" and i + 1 < len(fmt):
            cur.append(fmt[i:i + 2])
            i += 2
            continue
        if ch == '"':
            quote = not quote
        elif not quote and ch == "[":
            depth += 1
        elif not quote and ch == "]":
            depth = max(depth - 1, 0)
        if ch == ";" and not quote and not depth:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _literal(section: str) -> str:
    """Text a section prints around its number: quoted strings, escaped chars, $ etc."""
    s = BRACKET.sub("", section)
    s = QUOTED.sub(lambda m: m.group(1), s)
    s = re.sub(r"\\(.)", r"\1", s)
    s = re.sub(r"_.", " ", s)  # _x pads with the width of x
    s = re.sub(r"\*.", "", s)  # *x repeats x to fill the cell
    return s


def is_date_format(fmt: str) -> bool:
    stripped = QUOTED.sub("", BRACKET.sub("", fmt))
    stripped = re.sub(r"\\.", "", stripped)
    return bool(re.search(r"[ymdhs]", stripped, re.I)) and not re.search(r"[0#?]", stripped)


def format_date(value, fmt: str, iso_numeric: bool = True) -> str:
    """Dates in a numeric pattern (m/d/yy, mm-dd-yy: locale-dependent) become ISO; patterns with
    words or CJK literals (yyyy"年"m"月"d"日") are rendered as written."""
    if isinstance(value, dt.time):
        value = dt.datetime.combine(dt.date(1900, 1, 1), value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        return str(value)
    section = split_sections(fmt)[0]
    plain = QUOTED.sub("", BRACKET.sub("", section))
    has_date = bool(re.search(r"[yd]", plain, re.I))
    has_time = bool(re.search(r"[hs]", plain, re.I))
    literal_words = bool(QUOTED.search(section)) or bool(re.search(r"[\u4e00-\u9fff]", section))
    if iso_numeric and has_date and not literal_words and not re.search(r"mmm|ddd", plain, re.I):
        day = value.date().isoformat()
        if has_time and (value.hour or value.minute or value.second):
            return f"{day} {value:%H:%M}" + (f":{value:%S}" if re.search(r"s", plain, re.I) else "")
        return day
    return _render_date(value, section)


def _render_date(value: dt.datetime, section: str) -> str:
    out = []
    tokens = re.split(r'("[^"]*"|\\.|\[[^\]]*\])', section)
    ampm = bool(re.search(r"am/pm|a/p", section, re.I))
    prev = ""
    for tok in tokens:
        if not tok:
            continue
        if tok.startswith('"'):
            out.append(tok[1:-1])
            continue
        if tok.startswith("\\"):
            out.append(tok[1:])
            continue
        if tok.startswith("["):
            continue
        pos = 0
        for m in DATE_TOKENS.finditer(tok):
            out.append(tok[pos:m.start()])
            low = m.group(0).lower()
            rest = tok[m.end():].lower()
            minute = low in ("m", "mm") and (prev in ("h", "hh") or rest.lstrip(":").startswith("s"))
            if low == "yyyy":
                out.append(f"{value.year:04d}")
            elif low == "yy":
                out.append(f"{value.year % 100:02d}")
            elif low == "mmmm":
                out.append(value.strftime("%B"))
            elif low == "mmm":
                out.append(value.strftime("%b"))
            elif low in ("mm", "m"):
                n = value.minute if minute else value.month
                out.append(f"{n:02d}" if low == "mm" else str(n))
            elif low == "dddd":
                out.append(value.strftime("%A"))
            elif low == "ddd":
                out.append(value.strftime("%a"))
            elif low in ("dd", "d"):
                out.append(f"{value.day:02d}" if low == "dd" else str(value.day))
            elif low in ("hh", "h"):
                h = value.hour % 12 or 12 if ampm else value.hour
                out.append(f"{h:02d}" if low == "hh" else str(h))
            elif low in ("ss", "s"):
                out.append(f"{value.second:02d}" if low == "ss" else str(value.second))
            elif low in ("am/pm", "a/p"):
                out.append(("AM" if value.hour < 12 else "PM") if low == "am/pm" else ("A" if value.hour < 12 else "P"))
            prev = low
            pos = m.end()
        out.append(tok[pos:])
    return "".join(out)


def _round(value: float, places: int) -> Decimal:
    """Round half away from zero on the decimal shown, as Excel does (2.675 -> 2.68)."""
    try:
        d = Decimal(repr(float(value)))
    except InvalidOperation:
        d = Decimal(0)
    return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _number(value: float, section: str) -> str | None:
    """Render with one numeric section; None when the section is beyond this formatter."""
    body = BRACKET.sub("", section)
    body_noquote = re.sub(r'"[^"]*"|\\.|_.|\*.', "", body)
    if re.search(r"[?/]", body_noquote) or not re.search(r"[0#]", body_noquote):
        return None
    m = re.search(r"[0#,]*[0#](?:[.][0#]*)?(?:[eE][+-][0#]+)?,*|[.][0#]+", body_noquote)
    if m is None:
        return None
    spec = m.group(0)
    percent = body_noquote.count("%")
    sci = re.search(r"[eE][+-]", spec)
    trailing = len(spec) - len(spec.rstrip(","))
    core = spec.rstrip(",")
    value = value * (100 ** percent) / (1000 ** trailing)
    if sci:
        mant = core[:sci.start()]
        places = len(mant.split(".")[1]) if "." in mant else 0
        text = f"{abs(value):.{places}E}"
        m2, e = text.split("E")
        number = f"{m2}E{'+' if int(e) >= 0 else '-'}{abs(int(e)):0{len(core) - sci.end()}d}"
    else:
        ip, _, fp = core.partition(".")
        places = len(fp)
        d = _round(abs(value), places)
        text = f"{d:,.{places}f}" if "," in ip else f"{d:.{places}f}"
        whole, _, frac = text.partition(".")
        min_int = ip.replace(",", "").count("0")
        if whole.replace(",", "") == "0" and min_int == 0:
            whole = ""
        elif len(whole.replace(",", "")) < min_int:
            whole = whole.zfill(min_int)
        optional = len(fp) - len(fp.rstrip("#"))  # '#' decimals drop trailing zeros
        if optional and frac:
            keep = len(frac) - optional
            frac = frac[:keep] + frac[keep:].rstrip("0")
        number = whole + ("." + frac if frac else "")
    # literal text around the digits: take the section with the digit pattern replaced
    lit_before, lit_after = _split_literal(section, spec)
    return f"{lit_before}{number}{lit_after}"


def _split_literal(section: str, spec: str) -> tuple[str, str]:
    raw = BRACKET.sub("", section)
    # find the digit pattern outside quotes
    idx, quote, i = -1, False, 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\":
            i += 2
            continue
        if ch == '"':
            quote = not quote
        elif not quote and raw.startswith(spec, i):
            idx = i
            break
        i += 1
    if idx < 0:
        return "", _literal(raw).replace(spec, "")
    return _literal(raw[:idx]), _literal(raw[idx + len(spec):])


def format_value(value, fmt: str | None, iso_dates: bool = True) -> str:
    """The text a cell shows. Strings show as they are; errors (#DIV/0!) too."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = (fmt or "General").strip()
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return format_date(value, fmt if is_date_format(fmt) else "yyyy-mm-dd", iso_dates)
    if isinstance(value, dt.timedelta):
        return str(value)
    if not isinstance(value, (int, float)):
        return str(value)
    if fmt.lower() in ("general", "@", ""):
        return general(value)
    sections = split_sections(fmt)
    if any(re.match(r"\[[<>=]", s) for s in sections):
        return general(value)  # conditional sections: rare in forms, not worth a guess
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        section, sign = sections[1], ""
    elif value == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
        if not re.search(r"[0#?]", re.sub(r'"[^"]*"', "", section)):
            return _literal(section).strip() if _literal(section).strip() else ""
    else:
        section, sign = sections[0], "-" if value < 0 else ""
    if section.strip().lower() == "general":
        return sign + general(abs(value))
    text = _number(abs(value), section)
    if text is None:
        return general(value)
    if sign and not re.search(r"[1-9]", text):
        sign = ""  # -0.001 shown with two decimals is 0.00, not -0.00
    return (sign + text).strip()
