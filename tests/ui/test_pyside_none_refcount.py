"""PySide6 6.12.0 on CPython 3.11 aborts after a few thousand conversions of an invalid
QVariant to None (FIELD-NOTES). Views do exactly that on every paint, so a regression
would kill the app within seconds: keep the pinned version honest."""
import os
import subprocess
import sys

CALLS = 300_000

PROGRAM = f"""
import sys
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
app = QCoreApplication([])
model = QStandardItemModel(1, 1)
model.setItem(0, 0, QStandardItem("x"))
index = model.index(0, 0)
role = int(Qt.ItemDataRole.ToolTipRole)  # never set: every call returns None
misses = 0
for _ in range({CALLS} // 2):
    misses += index.data(role) is None
    misses += model.data(index, role) is None
print(misses, sys.getrefcount(None) > 0)
"""


def test_many_none_conversions_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(CALLS), "True"]
