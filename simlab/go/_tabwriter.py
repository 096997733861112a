"""Go's ``text/tabwriter``, as ``runtime/pprof`` configures it for ``debug=1``.

``tabwriter.NewWriter(w, 1, 8, 1, '\\t', 0)``: cells end at tabs; a column is
as wide as its widest cell plus one, padded with tabs to the next multiple of
eight; a line without tabs ends a block of aligned lines. Ported so that a
``debug=1`` profile lines up byte for byte as Go's does.
"""

from __future__ import annotations

_MINWIDTH, _TABWIDTH, _PADDING = 1, 8, 1


def _padding(textw: int, cellw: int) -> str:
    cellw = (cellw + _TABWIDTH - 1) // _TABWIDTH * _TABWIDTH
    return "\t" * ((cellw - textw + _TABWIDTH - 1) // _TABWIDTH)


class _Block:
    def __init__(self, lines: list[list[str]], out: list[str]):
        self.lines = lines
        self.out = out
        self.widths: list[int] = []

    def write_lines(self, line0: int, line1: int) -> None:
        for line in self.lines[line0:line1]:
            for j, cell in enumerate(line):
                self.out.append(cell)
                if j < len(self.widths):
                    self.out.append(_padding(len(cell), self.widths[j]))
            self.out.append("\n")

    def format(self, line0: int, line1: int) -> None:
        column = len(self.widths)
        this = line0
        while this < line1:
            if column >= len(self.lines[this]) - 1:
                this += 1
                continue
            self.write_lines(line0, this)
            line0 = this
            width = _MINWIDTH
            while this < line1:
                line = self.lines[this]
                if column >= len(line) - 1:
                    break
                width = max(width, len(line[column]) + _PADDING)
                this += 1
            self.widths.append(width)
            self.format(line0, this)
            self.widths.pop()
            line0 = this
            this += 1
        self.write_lines(line0, line1)


def tabwrite(text: str) -> str:
    """Align ``text`` (lines of tab-terminated cells) as Go's tabwriter would."""
    out: list[str] = []
    block: list[list[str]] = []
    *lines, tail = text.split("\n")
    for raw in lines:
        cells = raw.split("\t")
        block.append(cells)
        if len(cells) == 1:
            _Block(block, out).format(0, len(block))
            block = []
    if block:
        _Block(block, out).format(0, len(block))
    return "".join(out) + tail
