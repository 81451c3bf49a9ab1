"""Finding a customer from anywhere: name, pinyin, initials, phone suffix, policy or claim no.

Each kind of key has its own indexed lookup; the query text decides which ones run, and
they stop as soon as SEARCH_LIMIT customers are found. Chinese text matches names that
start with it (index range) and, for given names, names that contain it (most given names
are two characters, too short for a trigram index): that scan reads only the small
covering index on `name`, not the table — about 7 ms at 100k customers, idle 2 cores.

The lookups are indexed reads of a few microseconds, so SQLAlchemy's per-execution work
(statement cache key, result wrapping: ~0.3 ms a statement) was most of a search (bench/,
issue 6). Each lookup's SQL is therefore compiled once per shape, with its values as bound
parameters, and run on the driver's cursor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from sqlalchemy import Connection, Select, bindparam, func, literal_column, select

from ..domain.masking import mask_phone
from .models import Claim, Customer, Policy

SEARCH_LIMIT = 50
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
_DOCUMENT_NO = re.compile(r"[0-9A-Z][0-9A-Z-]{2,31}")
_IGNORED = re.compile(r"[\s'·]+")

_customers = Customer.__table__
_c = _customers.c


@dataclass(frozen=True)
class CustomerHit:
    id: str
    name: str
    tier: str
    masked_phone: str
    matched_on: str  # name | pinyin | initials | phone | policy | claim
    matched_text: str  # the policy or claim number that matched; the name otherwise


def _prefix_range(column):
    """`column` starts with the `prefix` parameter, as an index range (LIKE would not use
    the index): from `prefix` up to `above` (see `_prefix_values`)."""
    return (column >= bindparam("prefix")) & (column < bindparam("above"))


def _prefix_values(prefix: str) -> dict[str, str]:
    return {"prefix": prefix, "above": prefix[:-1] + chr(ord(prefix[-1]) + 1)}


def _customers_where(order_by, *conditions) -> Select:
    """Ordered by the searched key, so an index range stops after SEARCH_LIMIT rows."""
    return (
        select(_c.id, _c.name, _c.tier, _c.phone, _c.name.label("matched_text"))
        .where(_c.deleted.is_(False), *conditions)
        .order_by(order_by)
        .limit(SEARCH_LIMIT)
    )


def _by_name() -> Select:
    by_name = _customers.alias("by_name")
    rowids = (
        select(literal_column("by_name.rowid"))
        .select_from(by_name)
        .where(func.instr(by_name.c.name, bindparam("text")) > 0)
        .limit(SEARCH_LIMIT * 2)  # some of them may be tombstones
    )
    return _customers_where(_c.name, literal_column("customers.rowid").in_(rowids))


def _by_document(table, number_column) -> Select:
    documents = table.__table__
    return (
        select(_c.id, _c.name, _c.tier, _c.phone, number_column.label("matched_text"))
        .join(documents, documents.c.customer_id == _c.id)
        .where(_c.deleted.is_(False), documents.c.deleted.is_(False),
               _prefix_range(number_column))
        .order_by(number_column)
        .limit(SEARCH_LIMIT)
    )


Lookup = tuple[str, str, Callable[[], Select], dict[str, Any]]  # kind, shape, build, values


def _lookups(query: str, found: Callable[[], int]) -> Iterator[Lookup]:
    """(kind, shape, statement builder, parameter values) for every kind of key `query`
    could be; `found()` counts the hits so far.

    Chinese text first matches names starting with it (an index range). Only a single
    character, or text no name starts with (a given name), goes on to the substring scan:
    a surname fills the page from the range alone, and a full name is found by it.
    """
    compact = _IGNORED.sub("", query)
    if not compact:
        return
    if _CJK.search(compact):
        yield ("name", "name_prefix", lambda: _customers_where(_c.name, _prefix_range(_c.name)),
               _prefix_values(compact))
        if len(compact) == 1 or found() == 0:
            yield "name", "name_contains", _by_name, {"text": compact}
        return
    lower = compact.lower()
    if _LETTERS.fullmatch(lower):
        yield ("initials", "initials", lambda: _customers_where(
            _c.name_initials, _prefix_range(_c.name_initials)), _prefix_values(lower))
        yield ("pinyin", "pinyin", lambda: _customers_where(
            _c.name_pinyin, _prefix_range(_c.name_pinyin)), _prefix_values(lower))
    if _DIGITS.fullmatch(compact) and len(compact) == 4:
        yield ("phone", "phone_suffix", lambda: _customers_where(
            _c.name, _c.phone_suffix == bindparam("suffix")), {"suffix": compact})
    if _DIGITS.fullmatch(compact) and len(compact) == 11:
        yield ("phone", "phone", lambda: _customers_where(
            _c.name, _c.phone_suffix == bindparam("suffix"), _c.phone == bindparam("phone")),
            {"suffix": compact[-4:], "phone": compact})
    upper = compact.upper()
    if _DOCUMENT_NO.fullmatch(upper) and not _LETTERS.fullmatch(lower):
        yield ("policy", "policy", lambda: _by_document(Policy, Policy.__table__.c.policy_no),
               _prefix_values(upper))
        yield ("claim", "claim", lambda: _by_document(Claim, Claim.__table__.c.claim_no),
               _prefix_values(upper))


_COMPILED: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {}


def _rows(conn: Connection, shape: str, build: Callable[[], Select], values: dict[str, Any]):
    """(id, name, tier, phone, matched_text) rows of one lookup, from the driver's cursor."""
    compiled = _COMPILED.get(shape)
    if compiled is None:
        statement = build().compile(dialect=conn.dialect)
        compiled = _COMPILED[shape] = (str(statement), tuple(statement.positiontup), statement.params)
    sql, names, defaults = compiled
    params = tuple(values[name] if name in values else defaults[name] for name in names)
    return conn.connection.driver_connection.execute(sql, params)


def search_customers(conn: Connection, query: str, limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
    """Customers matching `query`, best kind of match first, each customer once."""
    hits: dict[str, CustomerHit] = {}
    for kind, shape, build, values in _lookups(query or "", lambda: len(hits)):
        for customer_id, name, tier, phone, matched_text in _rows(conn, shape, build, values):
            if customer_id not in hits:
                hits[customer_id] = CustomerHit(customer_id, name, tier, mask_phone(phone),
                                                kind, matched_text)
            if len(hits) >= limit:
                return list(hits.values())
    return list(hits.values())
