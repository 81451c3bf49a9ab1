"""The domain stays pure: no Qt, no SQL, no clock reads."""
import ast
from pathlib import Path

import claimcare_desktop.domain as domain

FORBIDDEN_MODULES = ("PySide6", "sqlalchemy", "sqlite3", "requests", "claimcare_desktop.store")
SOURCES = sorted(Path(domain.__file__).parent.glob("*.py"))


def _imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_no_forbidden_imports():
    for path in SOURCES:
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            assert not name.startswith(FORBIDDEN_MODULES), f"{path.name} imports {name}"


def test_no_clock_reads():
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for call in (".now(", ".utcnow(", ".today(", "time.time("):
            assert call not in text, f"{path.name} reads the clock"
