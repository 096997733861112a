"""Go's ``text/tabwriter``: the elastic tabstops ``runtime/pprof`` lines a ``debug=1``
profile up with, and a translated program's ``tabwriter.Writer``.

Text comes in cells, each ended by a tab (or a vertical tab, a cell that may be
dropped with ``DiscardEmptyColumns``); a line's last cell is not part of any
column. A column is a run of adjacent lines that all have a cell in that
position; it is as wide as its widest cell plus ``padding`` (``minwidth`` at
least), and a line with no tab ends a block of columns, which is then written
out. Ported so that output lines up byte for byte as Go's does; the escape and
HTML filtering flags are not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# text/tabwriter's flags, Go's values
FILTER_HTML, STRIP_ESCAPE, ALIGN_RIGHT, DISCARD_EMPTY_COLUMNS, TAB_INDENT, DEBUG = (
    1 << i for i in range(6)
)


@dataclass(slots=True)
class _Cell:
    text: str
    htab: bool  # ended by a tab, not a vertical tab: never discarded


class Tabwriter:
    """The state of one ``tabwriter.Writer``: :meth:`write` takes text and gives
    back what Go's writer would pass on to its output by then (a block of lines
    is written when a line without a tab, or a form feed, ends it);
    :meth:`flush` gives the rest. :meth:`blocks` and :meth:`flush_pieces` give the
    same in the pieces Go's writer hands its output one ``Write`` each (a cell's
    text, its padding eight characters at a time, a newline)."""

    def __init__(
        self,
        minwidth: int = 1,
        tabwidth: int = 8,
        padding: int = 1,
        padchar: str = "\t",
        flags: int = 0,
    ) -> None:
        if minwidth < 0 or tabwidth < 0 or padding < 0:
            raise ValueError("negative minwidth, tabwidth, or padding")
        self.minwidth, self.tabwidth, self.padding = minwidth, tabwidth, padding
        self.padchar = padchar
        self.flags = flags & ~ALIGN_RIGHT if padchar == "\t" else flags
        self._lines: list[list[_Cell]] = [[]]
        self._cell: list[str] = []  # the text of the cell being written
        self._widths: list[int] = []  # of the enclosing columns, while formatting

    def write(self, text: str) -> str:
        return "".join(piece for _, pieces, _ in self.blocks(text) for piece in pieces)

    def blocks(self, text: str) -> Iterator[tuple[int, list[str], list[list[_Cell]]]]:
        """Take ``text`` up to each block it ends: where (the index of the newline or
        form feed), the block's pieces, and the lines as they were before it, which
        :meth:`restore` puts back where writing the block failed (Go's writer then
        keeps them, and stops taking the text)."""
        for i, ch in enumerate(text):
            if ch == "\t" or ch == "\v":
                self._end_cell(ch == "\t")
            elif ch == "\n" or ch == "\f":
                cells = self._end_cell(False)
                self._lines.append([])
                if ch == "\f" or cells == 1:  # a line without a tab ends the block
                    kept = self._lines
                    out: list[str] = []
                    self._format(out)
                    if ch == "\f" and self.flags & DEBUG:
                        out.append("---\n")
                    yield i, out, kept
            else:
                self._cell.append(ch)

    def restore(self, lines: list[list[_Cell]]) -> None:
        self._lines = lines

    def flush(self) -> str:
        return "".join(self.flush_pieces())

    def flush_pieces(self) -> list[str]:
        out: list[str] = []
        if self._cell:
            self._end_cell(False)
        self._format(out)
        return out

    def _end_cell(self, htab: bool) -> int:
        line = self._lines[-1]
        line.append(_Cell("".join(self._cell), htab))
        self._cell = []
        return len(line)

    def _format(self, out: list[str]) -> None:
        self._column(out, 0, len(self._lines))
        self._lines = [[]]

    def _column(self, out: list[str], line0: int, line1: int) -> None:
        """Lay out lines ``line0``..``line1`` from the column ``len(self._widths)`` on."""
        column = len(self._widths)
        this = line0
        while this < line1:
            if column >= len(self._lines[this]) - 1:
                this += 1
                continue
            # the column starts at this line: write the lines above it, then find
            # how far down it goes and how wide it is
            self._write_lines(out, line0, this)
            line0 = this
            width, discardable = self.minwidth, True
            while this < line1:
                line = self._lines[this]
                if column >= len(line) - 1:
                    break
                cell = line[column]
                width = max(width, len(cell.text) + self.padding)
                discardable = discardable and not cell.text and not cell.htab
                this += 1
            if discardable and self.flags & DISCARD_EMPTY_COLUMNS:
                width = 0
            self._widths.append(width)
            self._column(out, line0, this)
            self._widths.pop()
            line0 = this
        self._write_lines(out, line0, line1)

    def _write_lines(self, out: list[str], line0: int, line1: int) -> None:
        widths = self._widths
        for i in range(line0, line1):
            tabs = bool(self.flags & TAB_INDENT)  # leading empty cells indent with tabs
            for j, cell in enumerate(self._lines[i]):
                if j > 0 and self.flags & DEBUG:
                    out.append("|")
                if not cell.text:
                    if j < len(widths):
                        out += self._padding(0, widths[j], tabs)
                    continue
                tabs = False
                if self.flags & ALIGN_RIGHT:
                    if j < len(widths):
                        out += self._padding(len(cell.text), widths[j], False)
                    out.append(cell.text)
                else:
                    out.append(cell.text)
                    if j < len(widths):
                        out += self._padding(len(cell.text), widths[j], False)
            if i + 1 < len(self._lines):
                out.append("\n")
            else:  # the line being written: its cell so far
                out.append("".join(self._cell))

    def _padding(self, textw: int, cellw: int, tabs: bool) -> list[str]:
        """The padding's pieces: Go's writer writes it eight characters at a time,
        and once though there are none."""
        if self.padchar == "\t" or tabs:
            if self.tabwidth == 0:
                return []  # tabs have no width: no padding is possible
            cellw = (cellw + self.tabwidth - 1) // self.tabwidth * self.tabwidth
            pad, n = "\t", (cellw - textw + self.tabwidth - 1) // self.tabwidth
        else:
            pad, n = self.padchar, cellw - textw
        return [pad * min(8, n - k) for k in range(0, n, 8)] or [""]


def tabwrite(text: str) -> str:
    """Align ``text`` (lines of tab-terminated cells) as ``runtime/pprof``'s
    ``tabwriter.NewWriter(w, 1, 8, 1, '\\t', 0)`` would."""
    tw = Tabwriter()
    return tw.write(text) + tw.flush()
