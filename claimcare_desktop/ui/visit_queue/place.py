"""The user's place in the queue, kept across a reload after a change.

The place is the selected visit (else the top row on screen) and how far below the top of
the view it sits. After the reload it is selected again at the same height; a visit that
left the tab (logged as done, or moved to another day) gives its place to the visit that
followed it, or to the last row when it was the last.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTableView

from .model import QueueModel
from .pages import Key


@dataclass(frozen=True)
class Place:
    visit_id: str
    key: Key
    rows_below_top: int
    selected: bool
    reach: Key  # the last row on screen: the reload reads this far, so the screen refills


def place_of(table: QTableView, model: QueueModel) -> Place | None:
    top = table.verticalScrollBar().value()  # per-item scrolling: the top row
    current = table.currentIndex()
    selected = current.isValid() and table.selectionModel().isRowSelected(current.row())
    row = current.row() if selected else top
    found = model.row_at(row)
    if found is None:
        return None
    bottom = table.rowAt(table.viewport().height() - 1)
    last_on_screen = model.row_at(bottom if bottom >= row else model.rowCount() - 1)
    reach = last_on_screen.key if last_on_screen is not None else found.key
    return Place(found.visit_id, found.key, row - top, selected, reach)


def row_for(model: QueueModel, place: Place) -> int:
    row = model.row_of(place.visit_id)
    if row < 0:
        row = model.first_row_after(place.key)
    if row < 0:
        row = model.rowCount() - 1
    return row


def restore(table: QTableView, model: QueueModel, place: Place) -> None:
    row = row_for(model, place)
    if row < 0:
        return
    table.doItemsLayout()  # the rows just read: the scroll bar's range must include them
    if place.selected:
        table.selectRow(row)
    table.verticalScrollBar().setValue(max(0, row - place.rows_below_top))
