"""Each synced row's pull form, kept by PostgreSQL in the row itself.

Every device of a branch pulls every change of its branch, so building a row's JSON when it is
written, once, instead of in every pull page that carries it, saves PostgreSQL the work of
each pull but the first: under 200 devices, turning rows into JSON was the largest single
part of PostgreSQL's time (`docs/BENCHMARKS.md`, Sync). A BEFORE INSERT OR UPDATE trigger on each synced table sets the column `wire` to the
row's JSON text (the same JSON pull.py's Python encoder makes for SQLite), so every
writer keeps it right: pushes, `import-claims`, user administration, seeding, hand-run SQL.

The column and triggers are not in the SQLAlchemy tables or a migration: they are derived from
the synced columns and are installed after the migrations on every upgrade (db.upgrade). When
the synced columns change, the trigger functions change with them and every stored form is
rebuilt; when nothing changed, installing does nothing.
"""
from __future__ import annotations

from sqlalchemy import Connection, DateTime, text

from .schema import SYNCED_TABLES

WIRE_COLUMN = "wire"


def _json_value(table_name: str, column_name: str, row: str) -> str:
    column = SYNCED_TABLES[table_name].c[column_name]
    if isinstance(column.type, DateTime):
        return f'''to_char({row}."{column.name}", 'YYYY-MM-DD"T"HH24:MI:SS.US')'''
    return f'{row}."{column.name}"'


def _row_json_sql(table_name: str, row: str) -> str:
    """SQL for the JSON text of row `row` of `table_name` as a pull sends it."""
    table = SYNCED_TABLES[table_name]
    fields = ", ".join(f"'{c.name}', {_json_value(table_name, c.name, row)}"
                       for c in table.columns if c.name not in ("id", "change_seq"))
    return (f"json_build_object('table', '{table_name}', 'id', {row}.id, 'seq', {row}.change_seq, "
            f"'fields', json_build_object({fields}))::text")


def _function_name(table_name: str) -> str:
    return f"claimcare_wire_{table_name}"


def _function_body(table_name: str) -> str:
    return f"BEGIN NEW.{WIRE_COLUMN} := {_row_json_sql(table_name, 'NEW')}; RETURN NEW; END"


def _installed_body(conn: Connection, table_name: str) -> str | None:
    return conn.execute(text("SELECT prosrc FROM pg_proc WHERE proname = :name"),
                        {"name": _function_name(table_name)}).scalar()


def install(conn: Connection) -> list[str]:
    """Add the column and (re)create the triggers whose definition changed, rebuilding those
    tables' stored forms; the tables it rebuilt. PostgreSQL only; run inside db.upgrade's
    transaction, whose advisory lock keeps two HQ processes from installing at once."""
    rebuilt = []
    for table_name in SYNCED_TABLES:
        body = _function_body(table_name)
        if _installed_body(conn, table_name) == body:
            continue
        function = _function_name(table_name)
        conn.execute(text(f'ALTER TABLE "{table_name}" ADD COLUMN IF NOT EXISTS {WIRE_COLUMN} text'))
        conn.execute(text(f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger "
                          f"LANGUAGE plpgsql AS $wire${body}$wire$"))
        conn.execute(text(f'CREATE OR REPLACE TRIGGER {function} BEFORE INSERT OR UPDATE ON '
                          f'"{table_name}" FOR EACH ROW EXECUTE FUNCTION {function}()'))
        # the trigger computes the form from the row: any UPDATE rebuilds it
        conn.execute(text(f'UPDATE "{table_name}" SET {WIRE_COLUMN} = NULL'))
        rebuilt.append(table_name)
    return rebuilt

