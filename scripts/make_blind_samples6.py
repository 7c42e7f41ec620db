#!/usr/bin/env python3
"""Write a SIXTH blind test set: five more places and layouts the reader was not built on.

    python scripts/make_blind_samples6.py [OUT_DIR]          (default: tests/data/blind6)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on this set
measures how the product generalises.

* fujian-youxi-2023-project-form.{docx,pdf}: 尤溪县 项目支出绩效自评表 whose 年度指标值 cells use many notations
  (90%-95%, ≥95%（含）, 不低于95%, ≤±5%, 100%以上, ≥1.2万元/户, ≥3次/年) and full-width digits (９８．５％, and
  １，２３４．５６ in the money block); planted: 执行率 ≠ 全年执行数/全年预算数.
* zhejiang-jinyun-2023-department-form.{xlsx,pdf}: 缙云县市场监督管理局 部门整体支出绩效自评表, money in 元 as
  numeric cells, indicators only 一级/二级 (二级 = the item), 自评等级 in a merged cell; planted: 总分 ≠ sum of 得分.
* jiangxi-wuyuan-2023-third-party.{docx,pdf}: 婺源县 third-party report in prose on one fund's THREE projects, one
  overall score; planted: the projects' 实际支出 do not add up to the stated total.
* shandong-yishui-2023-project-report.{docx,pdf}: 沂水县 self-evaluation REPORT with the 自评表 mid-text (一级 merged,
  合计 row, separate 自评等级 row), total repeated as "本项目绩效自评综合得分为91.6分"; planted: prose 数量指标 19分
  vs the table's 18.
* anhui-huoshan-2023-project-form.{xlsx,pdf}: 霍山县 项目支出绩效自评表 with a horizontal two-header-row money block
  (全年预算数 / 全年执行数 × 合计 / 财政拨款 / 其他资金); planted: 全年执行数 合计 ≠ 财政拨款 + 其他资金.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json) are derived from
the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_common import publish  # noqa: E402
from samples_blind6_forms import make_huoshan, make_jinyun, make_youxi  # noqa: E402
from samples_blind6_reports import make_wuyuan, make_yishui  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind6",
            (make_youxi, make_jinyun, make_wuyuan, make_yishui, make_huoshan))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
