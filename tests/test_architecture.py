"""Import direction: only the UI imports Qt; the domain imports neither SQL nor Qt."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "claimcare_desktop"
HQ_PACKAGE = PACKAGE.parent / "claimcare_hq"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE.parent)} imports {module}"
        for path in files
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    )


def python_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def test_the_checker_sees_imports_inside_functions(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from PySide6.QtCore import QObject\n    import sqlalchemy.orm\n")
    assert imported_modules(probe) == {"PySide6.QtCore", "sqlalchemy.orm"}


def test_nothing_outside_the_ui_imports_qt():
    files = [p for p in python_files(PACKAGE) if "ui" not in p.relative_to(PACKAGE).parts[:1]]
    files += python_files(HQ_PACKAGE) if HQ_PACKAGE.exists() else []
    assert len(files) > 10
    assert offenders(files, ("PySide6", "shiboken6", "PyQt5", "PyQt6")) == []


def test_the_domain_imports_neither_sql_nor_qt():
    files = python_files(PACKAGE / "domain")
    assert files
    assert offenders(files, ("sqlalchemy", "sqlite3", "alembic", "PySide6", "shiboken6")) == []
