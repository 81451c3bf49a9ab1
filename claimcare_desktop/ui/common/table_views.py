"""Table views set up the same way everywhere: rows selected whole, fixed row height."""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .records_model import RecordsModel

ROW_HEIGHT = 24


def records_view(model: RecordsModel, parent: QWidget, name: str,
                 multi_select: bool = False) -> QTableView:
    return table_view(model, [c.width for c in model.columns], parent, name, multi_select)


def table_view(model: QAbstractItemModel, widths: list[int], parent: QWidget, name: str,
               multi_select: bool = False) -> QTableView:
    """Rows selected whole, fixed row height (never ResizeToContents), widths set once."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for i, width in enumerate(widths):
        view.setColumnWidth(i, width)
    return view


def selected_rows(view: QTableView) -> list:
    model = view.model()
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    return [model.row_at(r) for r in rows]
