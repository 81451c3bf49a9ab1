"""Search keys for Chinese names: full pinyin and initials, lower-case, no separators."""
from __future__ import annotations

import re

# Surnames whose everyday reading pypinyin would pick wrongly; applied to the first
# character only, where the surname sits.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "区": "ou", "仇": "qiu", "解": "xie",
    "查": "zha", "朴": "piao", "盖": "ge", "缪": "miao", "覃": "qin", "召": "shao",
}
# Two-character surnames still in use (the rest of the Hundred Family Surnames' compound
# ones are rare): where a given name starts after them.
COMPOUND_SURNAMES: tuple[str, ...] = (
    "欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延",
    "申屠", "澹台", "太史", "万俟", "闻人", "赫连", "拓跋", "钟离", "宗政", "濮阳", "淳于",
    "单于", "公冶", "太叔", "鲜于", "闾丘", "东郭", "左丘", "第五", "羊舌", "梁丘",
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _syllables(name: str) -> list[str]:
    # imported here: loading pypinyin's tables takes ~170 ms of CPU that would otherwise
    # freeze the sign-in dialog while the profile opens behind it (search imports this module)
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name, errors=lambda chunk: [w for w in _NOT_ALNUM.split(chunk.lower()) if w])
    if name[:1] in SURNAME_READINGS and syllables:
        syllables[0] = SURNAME_READINGS[name[0]]
    return [s for s in (_NOT_ALNUM.sub("", s.lower()) for s in syllables) if s]


def name_search_keys(name: str | None) -> tuple[str, str]:
    """'张伟' -> ('zhangwei', 'zw'); non-Chinese words keep their letters."""
    if not name or not name.strip():
        return "", ""
    syllables = _syllables(name.strip())
    return "".join(syllables), "".join(s[0] for s in syllables)
