"""The shared workbook writer: a cover sheet, then streamed data sheets.

Every data sheet gets a styled header row, frozen panes, an autofilter and column widths
measured on the first rows (never all of them). Values arrive ready for Excel (floats in
yuan, naive local datetimes, hours); each column's kind gives its number format.

Text never becomes a formula: openpyxl turns a string starting with "=" into a formula and
one equal to "#N/A" and friends into an error, and a spreadsheet re-parses "+1", "-2", "@x",
a leading tab or CR when a cell is edited. Such strings are written as explicit text cells
with the quote-prefix style (Excel's and LibreOffice's "this is text" flag).
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .errors import ExportCancelled
from .i18n import Translator

NUMBER_FORMATS = {
    "amount": '"¥"#,##0.00',
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "hours": "0.0",
    "percent": "0.0%",
    "number": "0.0",
    "int": "0",
    "month": "yyyy-mm",
}
UNSTYLED = ("text", "int")  # Excel's General format shows these as they are; a style costs time
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_TRIGGER_SET = frozenset(FORMULA_TRIGGERS)
ERROR_CODE_SET = frozenset(ERROR_CODES)
MAX_CELL_TEXT = 32767  # Excel's limit; openpyxl's setter truncates to it as well
# Cell types set without the setter: text that reached here passed `text_cell`, numbers
# need no check; a date is left to the setter in a plain cell (it must get a date format).
PLAIN_TYPES = {str: "s", int: "n", float: "n"}
DIRECT_TYPES = {**PLAIN_TYPES, datetime: "d", date: "d"}
SAMPLE_ROWS = 200
MAX_WIDTH = 60
PROGRESS_EVERY = 1000
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
TITLE_FONT = Font(bold=True, size=14)
LABEL_FONT = Font(bold=True)


@dataclass(frozen=True)
class Column:
    header: str  # English source text, translated when written
    kind: str = "text"  # text, or a key of NUMBER_FORMATS


@dataclass
class Sheet:
    title: str  # English source text
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    expected_rows: int = 0  # for the progress bar
    decorate: Callable[[Any, int], None] | None = None  # (worksheet, data rows) -> charts etc.
    written: int = field(default=0, init=False)


class Formatted(NamedTuple):
    """A value whose number format is its own, in a column of mixed kinds (KPI values)."""

    value: Any
    kind: str


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class _Quiet:
    def report(self, done: int, total: int, message: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sample_text(value: Any, kind: str) -> str:
    if isinstance(value, Formatted):
        value, kind = value
    if value is None:
        return ""
    if kind == "amount":
        return f"¥{value:,.2f}"
    if kind == "datetime":
        return "0000-00-00 00:00"
    if kind == "date":
        return "0000-00-00"
    if kind == "percent":
        return "100.0%"
    return str(value).split("\n", 1)[0]


def column_widths(columns: Sequence[Column], headers: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for index, (column, header) in enumerate(zip(columns, headers)):
        longest = max((_display_width(_sample_text(row[index], column.kind)) for row in sample), default=0)
        widths.append(min(max(longest, _display_width(header)) + 2, MAX_WIDTH))
    return widths


class _CellMaker:
    """Turns one sheet's row of values into what the write-only sheet appends. Each column
    gets its handler once; a formatted column reuses one styled cell (building a styled cell
    per value costs more), its own, since a row holds all its cells until it is written."""

    def __init__(self, ws: Any, columns: Sequence[Column]) -> None:
        self._ws = ws
        self._cells: dict[tuple[int, str], WriteOnlyCell] = {}
        self._handlers = [self._handler(index, c.kind) for index, c in enumerate(columns)]

    def _template(self, index: int, kind: str) -> WriteOnlyCell:
        cell = self._cells.get((index, kind))
        if cell is None:
            cell = self._cells[index, kind] = WriteOnlyCell(self._ws)
            cell.number_format = NUMBER_FORMATS[kind]
        return cell

    def _handler(self, index: int, kind: str) -> Callable[[Any], Any]:
        def plain(value: Any) -> Any:
            if value.__class__ is str:
                return self.text_cell(value)
            if value.__class__ is Formatted:
                return formatted(value)
            return value

        def styled(value: Any) -> Any:
            data_type = DIRECT_TYPES.get(value.__class__)
            if data_type is None or data_type == "s":
                if value.__class__ is str or value.__class__ is Formatted:
                    return plain(value)
                template.value = value
                return template
            template._value, template.data_type = value, data_type
            return template

        def formatted(value: Formatted) -> Any:
            if value.value is None or value.kind in UNSTYLED:
                return value.value
            cell = self._template(index, value.kind)
            cell.value = value.value
            return cell

        if kind in UNSTYLED:
            return plain
        template = self._template(index, kind)
        return styled

    def text_cell(self, value: str) -> Any:
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        value = value[:MAX_CELL_TEXT]
        if value[:1] not in FORMULA_TRIGGER_SET and value not in ERROR_CODE_SET:
            return value
        cell = WriteOnlyCell(self._ws, value="")
        cell._value = value  # set directly: the setter would make "=..." a formula
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell

    def row(self, values: Sequence[Any]) -> list[Any]:
        return [None if value is None else handler(value)
                for handler, value in zip(self._handlers, values)]


def _row_cells(ws: Any, values: Sequence[Any], row_index: int) -> Iterator[Any]:
    """What openpyxl 3.1's write-only sheet does with an appended row, minus its cost for a
    ready cell: it first tries the cell as a value, which raises and catches a ValueError
    (with the cell's repr) for each of our styled cells, ~6% of a register's time. Text and
    numbers arrive already checked (see `_CellMaker`), so their type is set directly rather
    than through the `value` setter's type tests, ~15% of a register's time."""
    shared = WriteOnlyCell(ws)
    for column_index, value in enumerate(values, 1):
        if value is None:
            continue
        if isinstance(value, Cell):
            value.column, value.row = column_index, row_index
            yield value
            continue
        data_type = PLAIN_TYPES.get(value.__class__)
        if data_type is None:
            shared.value = value
        else:
            shared._value, shared.data_type = value, data_type
        shared.column, shared.row = column_index, row_index
        yield shared
        if shared.has_style:  # openpyxl gave a bare date its default format
            shared = WriteOnlyCell(ws)


class WorkbookWriter:
    """One report file: `write(cover_title, cover_rows, sheets)` saves it to `path`."""

    def __init__(self, path: Path, tr: Translator, progress: Progress | None = None) -> None:
        self.path = path
        self.tr = tr
        self.progress = progress or _Quiet()
        self._wb = Workbook(write_only=True)
        self._done = 0
        self._total = 0

    def write(self, cover_title: str, cover_rows: Sequence[tuple[str, Any]], sheets: Sequence[Sheet]) -> int:
        """Write everything; returns the number of data rows. Raises ExportCancelled."""
        try:
            cover = self._wb.create_sheet(self.tr.text("Cover"))
            self._total = sum(s.expected_rows for s in sheets)
            for sheet in sheets:
                self._check_cancelled()
                self._write_sheet(sheet)
            rows = sum(s.written for s in sheets)
            self._write_cover(cover, cover_title, [*cover_rows, (self.tr.text("Rows"), rows)])
            self._check_cancelled()
        except BaseException:
            self._abandon()
            raise
        self._wb.save(self.path)
        self.progress.report(self._total, self._total, "")
        return rows

    def _abandon(self) -> None:
        """Close the sheets and delete the temporary files openpyxl streams them into
        (saving would do it; a cancelled export never saves)."""
        for ws in self._wb.worksheets:
            if not ws.closed:
                ws.close()
            writer = getattr(ws, "_writer", None)
            if writer is not None and os.path.exists(writer.out):
                writer.cleanup()

    def _write_cover(self, ws: Any, title: str, rows: Sequence[tuple[str, Any]]) -> None:
        maker = _CellMaker(ws, [Column(""), Column("")])
        ws.column_dimensions["A"].width = 16
        longest = max(_display_width(_sample_text(value, "text")) for _, value in rows)
        ws.column_dimensions["B"].width = min(max(40, longest + 2), MAX_WIDTH)
        heading = WriteOnlyCell(ws, value=title)
        heading.font = TITLE_FONT
        ws.append([heading])
        ws.append([])
        for label, value in rows:
            label_cell = WriteOnlyCell(ws, value=label)
            label_cell.font = LABEL_FONT
            ws.append([label_cell, *maker.row([value])])

    def _header(self, ws: Any, headers: Sequence[str]) -> list[WriteOnlyCell]:
        cells = []
        for text in headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(vertical="center")
            cells.append(cell)
        return cells

    def _write_sheet(self, sheet: Sheet) -> None:
        ws = self._wb.create_sheet(self.tr.text(sheet.title)[:31])
        ws._values_to_row = partial(_row_cells, ws)
        headers = [self.tr.text(c.header) for c in sheet.columns]
        rows = self._counted(sheet)
        sample = list(islice(rows, SAMPLE_ROWS))
        for index, width in enumerate(column_widths(sheet.columns, headers, sample), 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.append(self._header(ws, headers))
        maker = _CellMaker(ws, sheet.columns)
        for values in chain(sample, rows):
            ws.append(maker.row(values))
        last = get_column_letter(len(headers))
        ws.auto_filter.ref = f"A1:{last}{sheet.written + 1}"
        if sheet.decorate is not None:
            sheet.decorate(ws, sheet.written)

    def _check_cancelled(self) -> None:
        if self.progress.cancelled():
            raise ExportCancelled()

    def _counted(self, sheet: Sheet) -> Iterator[Sequence[Any]]:
        """The sheet's rows, reporting progress and honouring a cancel as they are read (a
        KPI row takes a while to compute, a register row very little)."""
        every = max(1, min(PROGRESS_EVERY, sheet.expected_rows // 100))
        for values in sheet.rows:
            yield values
            sheet.written += 1
            self._done += 1
            if sheet.written % every == 0:
                self._check_cancelled()
                self.progress.report(self._done, max(self._total, self._done), self.tr.text(sheet.title))
