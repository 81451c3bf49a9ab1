"""ClaimCare HQ: the sync service every branch PC talks to (FastAPI, PostgreSQL or SQLite)."""
