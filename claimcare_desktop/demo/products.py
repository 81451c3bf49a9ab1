"""Insurance products: premiums, terms, how often they claim and how much.

The customers of this app are the ones who claimed, so claim rates are those of that
population (about one closed claim per customer over two years), not of all policy holders.
"""
from __future__ import annotations

from dataclasses import dataclass

from .context import Weights


@dataclass(frozen=True)
class Product:
    code: str  # also the claim type of its claims
    letter: str  # in policy and claim numbers
    share: int  # how common among policies
    premium_yuan: tuple[int, int]
    term_years: int
    claims_per_year: float
    claim_yuan: tuple[int, int, int]  # low, typical, high


PRODUCTS: dict[str, Product] = {p.code: p for p in (
    Product("auto", "A", 36, (2_000, 12_000), 1, 1.0, (2_000, 9_000, 80_000)),
    Product("health", "H", 26, (600, 8_000), 1, 0.85, (1_000, 12_000, 200_000)),
    Product("property", "P", 10, (300, 5_000), 1, 0.35, (1_500, 18_000, 300_000)),
    Product("life", "L", 8, (3_000, 60_000), 20, 0.03, (100_000, 300_000, 1_000_000)),
    Product("accident", "C", 20, (100, 1_500), 1, 0.4, (2_000, 8_000, 150_000)),
)}
PRODUCT_SHARES = Weights({code: p.share for code, p in PRODUCTS.items()})
