"""Tiny, safe arithmetic over named inputs: the relations written in data/checks.toml or in a
report's own header ('得分=完成率*权重'). Only + - * / ( ) numbers abs() min() max() are allowed."""
from __future__ import annotations

import ast
import operator

import regex as re

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCS = {"abs": abs, "min": min, "max": max}


def normalise(text: str) -> str:
    """Report notation to Python: × ÷ − and '100%' -> '100/100'."""
    t = text.replace("×", "*").replace("÷", "/").replace("−", "-").replace("－", "-").replace("＊", "*")
    t = t.replace("（", "(").replace("）", ")")
    return re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", t)


def names(expr: str) -> list[str]:
    tree = ast.parse(normalise(expr), mode="eval")
    return [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id not in _FUNCS]


def evaluate(expr: str, values: dict[str, float]) -> float | None:
    """The expression's value, or None when an input is missing or a division is by zero."""
    try:
        tree = ast.parse(normalise(expr), mode="eval")
    except SyntaxError:
        return None

    def ev(n):
        if isinstance(n, ast.Expression):
            return ev(n.body)
        if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
            return float(n.value)
        if isinstance(n, ast.Name):
            v = values.get(n.id)
            if v is None:
                raise KeyError(n.id)
            return v
        if isinstance(n, ast.BinOp) and type(n.op) in _OPS:
            return _OPS[type(n.op)](ev(n.left), ev(n.right))
        if isinstance(n, ast.UnaryOp) and type(n.op) in _OPS:
            return _OPS[type(n.op)](ev(n.operand))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in _FUNCS:
            return _FUNCS[n.func.id](*[ev(a) for a in n.args])
        raise ValueError(ast.dump(n))

    try:
        return ev(tree)
    except (KeyError, ZeroDivisionError, ValueError, TypeError):
        return None


def split(formula: str) -> tuple[str, str]:
    lhs, rhs = formula.split("=", 1)
    return lhs.strip(), rhs.strip()
