"""The local SQLite database: schema, opening a profile, and writes that record their outbox entries."""
