"""Finding a customer from anywhere: name, pinyin, initials, phone suffix, policy or claim no.

Each kind of key has its own indexed lookup; the query text decides which ones run, and
they stop as soon as `limit` customers are found. Chinese text matches names that start
with it (index range), then names whose given name starts with it (an index range after
each surname), and only then names that contain it (most given names are two characters,
too short for a trigram index): that scan reads only the small covering index on `name`,
not the table — about 7 ms at 100k customers, idle 2 cores.

The lookups are indexed reads of 5-100 µs, so every microsecond of Python around them
shows (bench/, issue 6: SQLAlchemy's per-statement work was 7-29x the SQL, the pool's
checkout alone is as long as a one-hit lookup). The SQL is therefore fixed text per kind
of lookup with `?` parameters, run on the driver's connection (sqlite3 keeps it prepared),
the hits are plain named tuples, and `CustomerSearch` keeps one pooled connection for a
search box's repeated lookups.
"""
from __future__ import annotations

import json
import re
import sqlite3
from typing import NamedTuple

from sqlalchemy import Connection, Engine

from ..domain.masking import mask_phone
from ..domain.pinyin import COMPOUND_SURNAMES

SEARCH_LIMIT = 50
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
_DOCUMENT_NO = re.compile(r"[0-9A-Z][0-9A-Z-]{2,31}")
_IGNORED = re.compile(r"[\s'·]+")


class CustomerHit(NamedTuple):
    id: str
    name: str
    tier: str
    masked_phone: str
    matched_on: str  # name | pinyin | initials | phone | policy | claim
    matched_text: str  # the policy or claim number that matched; the name otherwise


_new_hit = tuple.__new__  # _new_hit(CustomerHit, values): skips NamedTuple's keyword-handling __new__


def masked_phone(phone: str | None) -> str:
    """`mask_phone(phone)`, without its clean-up for the plain 11-digit number most
    customers have (that clean-up is most of the cost of a hit)."""
    if phone is not None and len(phone) == 11 and phone.isdigit():
        return phone[:3] + "****" + phone[7:]
    return mask_phone(phone)


def _by_customer_key(columns: str, condition: str, key: str) -> str:
    return (f"SELECT {columns} FROM customers AS c WHERE c.deleted = 0 AND {condition}"
            f" ORDER BY {key} LIMIT ?")


def _by_document(columns: str, table: str, number: str) -> str:
    return (f"SELECT {columns} FROM {table} AS d JOIN customers AS c ON c.id = d.customer_id"
            f" WHERE c.deleted = 0 AND d.deleted = 0 AND d.{number} >= ? AND d.{number} < ?"
            f" ORDER BY d.{number} LIMIT ?")


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# Names whose given name starts with the query: after each first character any name has
# (the index yields the next one in a step, ~80 of them) or a two-character surname, an
# index range. 0.2 ms instead of the substring scan's 7-8 ms at 100k customers.
_GIVEN_NAME = (
    "WITH RECURSIVE firsts(ch) AS ("
    " SELECT substr(min(name), 1, 1) FROM customers WHERE name > ''"
    " UNION ALL SELECT (SELECT substr(min(name), 1, 1) FROM customers"
    "  WHERE name >= char(unicode(ch) + 1)) FROM firsts WHERE ch IS NOT NULL),"
    " heads(head) AS (SELECT ch FROM firsts WHERE ch IS NOT NULL"
    f" UNION ALL SELECT value FROM json_each({_sql_text(json.dumps(COMPOUND_SURNAMES))}))"
    " SELECT {columns} FROM heads CROSS JOIN customers AS c INDEXED BY ix_customers_name"
    " WHERE c.deleted = 0 AND c.name >= heads.head || ? AND c.name < heads.head || ?"
    " ORDER BY c.name LIMIT ?")


def _statements(customer: str, policy: str, claim: str) -> dict[str, str]:
    """Each lookup's SQL selecting `customer` columns (`policy`, `claim`: the columns of
    the document lookups)."""
    return {
        "name_prefix": _by_customer_key(customer, "c.name >= ? AND c.name < ?", "c.name"),
        # The substring scan reads the covering index on name; twice the limit because
        # some of the rowids it finds may be tombstones.
        "name_contains": _by_customer_key(
            customer, "c.rowid IN (SELECT rowid FROM customers WHERE instr(name, ?) > 0"
                      " LIMIT ? * 2)", "c.name"),
        "given_name": _GIVEN_NAME.format(columns=customer),
        "initials": _by_customer_key(customer, "c.name_initials >= ? AND c.name_initials < ?",
                                     "c.name_initials"),
        "pinyin": _by_customer_key(customer, "c.name_pinyin >= ? AND c.name_pinyin < ?",
                                   "c.name_pinyin"),
        "phone_suffix": _by_customer_key(customer, "c.phone_suffix = ?", "c.name"),
        "phone": _by_customer_key(customer, "c.phone_suffix = ? AND c.phone = ?", "c.name"),
        "policy": _by_document(policy, "policies", "policy_no"),
        "claim": _by_document(claim, "claims", "claim_no"),
    }


# A hit's columns and the text that matched; the visit queue's text filter needs only ids.
_HIT = "c.id, c.name, c.tier, c.phone"
_HIT_SQL = _statements(f"{_HIT}, c.name", f"{_HIT}, d.policy_no", f"{_HIT}, d.claim_no")
_ID_SQL = _statements("c.id", "c.id", "c.id")

# kind, statement (a key of _HIT_SQL), parameters, run only when nothing was found before it
Lookup = tuple[str, str, tuple, bool]


def _after(prefix: str) -> str:
    """The first string above every string starting with `prefix` (an index range's end;
    LIKE would not use the index)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _lookups(query: str, limit: int) -> list[Lookup]:
    """The lookups for every kind of key `query` could be, best kind first.

    Chinese text first matches names starting with it (an index range): a surname fills
    the page from the range alone, and a full name is found by it. Longer text no name
    starts with is taken for a given name (names where it follows the surname), and only
    when that finds nothing either, for any part of a name (the substring scan). A single
    character goes straight on to the substring scan, which soon finds enough of them.
    """
    compact = _IGNORED.sub("", query)
    if not compact:
        return []
    if _CJK.search(compact):
        prefix = (compact, _after(compact), limit)
        if len(compact) == 1:
            return [("name", "name_prefix", prefix, False),
                    ("name", "name_contains", (compact, limit, limit), False)]
        return [("name", "name_prefix", prefix, False), ("name", "given_name", prefix, True),
                ("name", "name_contains", (compact, limit, limit), True)]
    found: list[Lookup] = []
    lower = compact.lower()
    letters = _LETTERS.fullmatch(lower) is not None
    if letters:
        found += [("initials", "initials", (lower, _after(lower), limit), False),
                  ("pinyin", "pinyin", (lower, _after(lower), limit), False)]
    elif _DIGITS.fullmatch(compact):
        if len(compact) == 4:
            found.append(("phone", "phone_suffix", (compact, limit), False))
        elif len(compact) == 11:
            found.append(("phone", "phone", (compact[-4:], compact, limit), False))
    upper = compact.upper()
    if not letters and _DOCUMENT_NO.fullmatch(upper):
        number = (upper, _after(upper), limit)
        found += [("policy", "policy", number, False), ("claim", "claim", number, False)]
    return found


def find_customers(con: sqlite3.Connection, query: str,
                   limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
    """Customers matching `query` on the sqlite3 connection `con`, best kind of match
    first, each customer once."""
    hits: dict[str, CustomerHit] = {}
    for kind, statement, params, only_when_none in _lookups(query or "", limit):
        if only_when_none and hits:
            continue
        for customer_id, name, tier, phone, matched_text in con.execute(_HIT_SQL[statement], params):
            if customer_id not in hits:
                hits[customer_id] = _new_hit(CustomerHit, (customer_id, name, tier,
                                                           masked_phone(phone), kind, matched_text))
        if len(hits) >= limit:
            return list(hits.values())[:limit]
    return list(hits.values())


def find_customer_ids(con: sqlite3.Connection, query: str, limit: int = SEARCH_LIMIT) -> list[str]:
    """The ids `find_customers` would give, in the same order, without building hits."""
    ids: dict[str, None] = {}
    for _kind, statement, params, only_when_none in _lookups(query or "", limit):
        if only_when_none and ids:
            continue
        for (customer_id,) in con.execute(_ID_SQL[statement], params):
            ids[customer_id] = None
        if len(ids) >= limit:
            return list(ids)[:limit]
    return list(ids)


def search_customers(conn: Connection, query: str, limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
    """`find_customers` on a SQLAlchemy connection (e.g. inside a larger read)."""
    return find_customers(conn.connection.driver_connection, query, limit)


class CustomerSearch:
    """Searches on one pooled connection kept between calls: a search box's lookups are so
    short that checking a connection out of the pool for each would double them.

    Call it on one thread at a time (the DB lane); `close()` gives the connection back.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pooled = None
        self._con: sqlite3.Connection | None = None

    def __call__(self, query: str, limit: int = SEARCH_LIMIT) -> list[CustomerHit]:
        if self._con is None:
            self._pooled = self._engine.raw_connection()
            self._con = self._pooled.driver_connection
        return find_customers(self._con, query, limit)

    def close(self) -> None:
        if self._pooled is not None:
            self._pooled.close()
        self._pooled = self._con = None
