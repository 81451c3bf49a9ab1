"""Plausible mainland Chinese people: names, birth dates, resident ID numbers, mobiles, addresses.

Everything is drawn from the `random.Random` passed in, so a seed reproduces it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from stdnum.cn import ric

from .places import COMPOUNDS, STREETS, BranchSite

# The most common surnames with rough shares (per mille) of the population.
_SURNAMES = (
    ("王", 72), ("李", 72), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22),
    ("赵", 22), ("吴", 20), ("周", 19), ("徐", 14), ("孙", 13), ("马", 12), ("朱", 12),
    ("胡", 11), ("郭", 11), ("何", 10), ("高", 10), ("林", 10), ("罗", 9), ("郑", 9),
    ("梁", 9), ("谢", 7), ("宋", 7), ("唐", 7), ("许", 6), ("韩", 6), ("冯", 6), ("邓", 6),
    ("曹", 5), ("彭", 5), ("曾", 5), ("肖", 5), ("田", 5), ("董", 5), ("袁", 4), ("潘", 4),
    ("于", 4), ("蒋", 4), ("蔡", 4), ("余", 4), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 3),
    ("魏", 3), ("吕", 3), ("丁", 3), ("任", 3), ("沈", 3), ("姚", 3), ("卢", 3), ("姜", 3),
    ("崔", 2), ("钟", 2), ("谭", 2), ("陆", 2), ("汪", 2), ("范", 2), ("金", 2), ("石", 2),
    ("廖", 2), ("贾", 2), ("夏", 2), ("韦", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2),
    ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("欧阳", 1), ("上官", 1),
)
SURNAMES = tuple(s for s, _ in _SURNAMES)
_SURNAME_WEIGHTS = tuple(w for _, w in _SURNAMES)

_MALE_CHARS = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林志建国文博海东峰晨阳"
_FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲婷雪慧颖琳莉倩萍红梅琴兰云洁欣怡佳悦婉晶丹雯璐瑶蕾"
_SHARED_CHARS = "子思嘉家一雨宏春晓新天可安心文"

# Mainland mobile prefixes of the three big carriers (all assigned ranges).
_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "198", "199",
)


@dataclass(frozen=True)
class Person:
    name: str
    gender: str  # "M" / "F", agrees with the ID number's sequence digit
    birth_date: date
    id_number: str
    phone: str
    address: str


def person_name(rng: random.Random, gender: str) -> str:
    surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    pool = (_MALE_CHARS if gender == "M" else _FEMALE_CHARS) + _SHARED_CHARS
    length = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(pool) for _ in range(length))


def birth_date(rng: random.Random, today: date) -> date:
    """An adult policy holder: 20 to 75 years old, most of them 30-55."""
    age_days = int(rng.triangular(20, 75, 40) * 365.25)
    return today - timedelta(days=age_days)


@lru_cache(maxsize=4096)
def _region_valid_in(region: str, year: int) -> bool:
    probe = f"{region}{year}0101001"
    try:
        ric.get_birth_place(probe + ric.calc_check_digit(probe + "0"))
    except Exception:  # unknown region code for that year
        return False
    return True


def region_code(rng: random.Random, site: BranchSite, born: date) -> str:
    valid = [r for r in site.id_regions if _region_valid_in(r, born.year)]
    return rng.choice(valid) if valid else site.old_region


def resident_id(rng: random.Random, site: BranchSite, born: date, gender: str) -> str:
    """18 characters: region, birth date, sequence (odd third digit = male), check digit."""
    order = rng.randrange(0, 100)
    sex_digit = rng.randrange(1, 10, 2) if gender == "M" else rng.randrange(0, 10, 2)
    body = f"{region_code(rng, site, born)}{born:%Y%m%d}{order:02d}{sex_digit}"
    return body + ric.calc_check_digit(body + "0")


def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"


def address(rng: random.Random, site: BranchSite) -> str:
    district = rng.choice(site.districts)
    street = rng.choice(STREETS)
    return (f"{site.city}{district}{street}{rng.randint(1, 999)}号"
            f"{rng.choice(COMPOUNDS)}{rng.randint(1, 30)}栋{rng.randint(1, 32)}{rng.randint(1, 4):02d}室")


def make_person(rng: random.Random, site: BranchSite, today: date) -> Person:
    gender = "M" if rng.random() < 0.52 else "F"
    born = birth_date(rng, today)
    return Person(
        name=person_name(rng, gender),
        gender=gender,
        birth_date=born,
        id_number=resident_id(rng, site, born, gender),
        phone=mobile(rng),
        address=address(rng, site),
    )
