"""Titles stored on care items (Chinese, as branch staff write them); screens may show
their own translated label for the kind instead."""
from __future__ import annotations

FESTIVAL_TITLES = {"spring_festival": "春节问候", "dragon_boat": "端午节问候",
                   "mid_autumn": "中秋节问候", "national_day": "国庆节问候"}
KIND_TITLES = {"birthday": "生日祝福", "festival": "节日问候", "health_reminder": "健康回访提醒",
               "renewal_reminder": "续保提醒"}


def care_title(kind: str, key: str = "") -> str:
    if kind == "festival" and key in FESTIVAL_TITLES:
        return FESTIVAL_TITLES[key]
    return KIND_TITLES.get(kind, kind)
