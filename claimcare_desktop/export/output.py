"""Writing the file so that a failed or cancelled export leaves nothing behind.

The workbook goes to a hidden temporary file in the destination folder and is renamed over
the destination only when complete. On Windows a file open in Excel cannot be replaced
(PermissionError at the rename); a read-only destination is refused the same way up front.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputInUse, OutputNotWritable


def _read_only(path: Path) -> bool:
    """By the owner-write bit (Windows maps its read-only attribute to it), not os.access,
    which says yes to an administrator whatever the file's flags."""
    return not path.stat().st_mode & stat.S_IWUSR


def check_destination(path: Path) -> None:
    folder = path.parent
    if not folder.is_dir():
        raise OutputNotWritable("not_writable", path=str(path), reason="the folder does not exist")
    if path.is_dir():
        raise OutputNotWritable("not_writable", path=str(path), reason="it is a folder")
    if os.name != "nt" and _read_only(folder):
        raise OutputNotWritable("not_writable", path=str(path), reason="the folder is read-only")
    if path.exists() and _read_only(path):
        raise OutputInUse("in_use", path=str(path))


def _temporary_beside(path: Path) -> Path:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputNotWritable("not_writable", path=str(path), reason=exc.strerror or str(exc)) from exc
    os.close(handle)
    return Path(name)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes `path`, otherwise it is removed."""
    check_destination(path)
    temporary = _temporary_beside(path)
    try:
        yield temporary
        try:
            os.replace(temporary, path)
        except PermissionError as exc:
            raise OutputInUse("in_use", path=str(path)) from exc
        except OSError as exc:
            raise OutputNotWritable("not_writable", path=str(path), reason=exc.strerror or str(exc)) from exc
    finally:
        temporary.unlink(missing_ok=True)
