"""Domain rules of ClaimCare: plain values in, plain values out.

Nothing here imports Qt, SQL or SQLAlchemy, and nothing reads the clock: callers pass
`now` / `today`. Datetimes are timezone-aware UTC; money is integer fen.
"""
