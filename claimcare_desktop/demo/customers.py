"""Customer rows: identity, contact, preferences, consent, tier and tags."""
from __future__ import annotations

from .context import ChunkContext, Weights
from .people import Person, make_person

TIERS = Weights({"standard": 60, "silver": 25, "gold": 11, "vip": 4})
PREFERRED_CHANNELS = Weights({"phone": 60, "wechat": 25, "sms": 10, "in_person": 5})
BEST_TIMES = ("工作日上午", "工作日下午", "午休后", "晚上七点后", "周末", "随时")
TAGS = ("车主", "家庭客户", "老年客户", "企业主", "高净值", "首次理赔", "健康关注", "多保单",
        "新市民", "转介绍")
# Customers whose record still needs checking carry this tag and one bad field.
NEEDS_CHECK_TAG = "资料待核实"
CARE_NOTES = ("听力不好，请放慢语速", "只接受微信联系", "工作日不便接听，请短信预约",
              "家属代为联系：配偶", "对理赔时效较为关注", "喜欢当面沟通")


def _broken_copy(ctx: ChunkContext, person: Person) -> tuple[str | None, str | None]:
    """An ID number with a wrong check digit, or a phone number one digit short."""
    if ctx.chance(0.5):
        wrong = "0" if person.id_number[-1] != "0" else "1"
        return person.id_number[:-1] + wrong, person.phone
    return person.id_number, person.phone[:-1]


def _contact_fields(ctx: ChunkContext, person: Person) -> tuple[str | None, str | None, list[str]]:
    tags = ctx.rng.sample(TAGS, ctx.rng.choice((0, 1, 1, 2, 3)))
    if ctx.chance(0.012):
        id_number, phone = _broken_copy(ctx, person)
        return id_number, phone, [*tags, NEEDS_CHECK_TAG]
    return person.id_number, person.phone, tags


def add_customer(ctx: ChunkContext, manager_id: str) -> dict:
    person = make_person(ctx.rng, ctx.staff.site, ctx.clock.today)
    id_number, phone, tags = _contact_fields(ctx, person)
    incomplete = ctx.chance(0.1)  # an address or preference nobody has asked for yet
    return ctx.add("customers", {
        "id": ctx.new_id(),
        "name": person.name,
        "gender": person.gender,
        "birth_date": person.birth_date,
        "id_number": id_number,
        "phone": phone,
        "address": None if incomplete and ctx.chance(0.6) else person.address,
        "tier": ctx.pick(TIERS),
        "tags": tags,
        "manager_id": manager_id,
        "advisor_id": None,
        "preferred_channel": None if incomplete else ctx.pick(PREFERRED_CHANNELS),
        "best_time": None if incomplete else ctx.rng.choice(BEST_TIMES),
        "do_not_disturb": ctx.chance(0.04),
        "consent_marketing": ctx.chance(0.85),
        "care_notes": ctx.rng.choice(CARE_NOTES) if ctx.chance(0.15) else None,
    })
