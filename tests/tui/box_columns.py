"""Check a screen or a text export for text that overflows its box.

Usage: box_columns.py FILE [WIDTH]

Columns are counted as a terminal counts them (East Asian wide and
fullwidth characters take two, combining marks none).  For every box
(a top border starting with a corner and a kind tag, such as "┌[DB]"),
the two rows below it must have the box's side borders in the same two
columns as its top corners: a label or detail that spilled out of its
box would push the right border along.  Likewise a group's frame: the
corner closing its top row (which holds the group's label) must stand
above the one closing its bottom row.  With WIDTH, no row may be wider.
Prints what is wrong and exits 1; exits 0 when every box holds.
"""
import sys
import unicodedata

LEFT = "┌╔+#"
SIDES = "│║├┤╟╢┼╫|#+"


def cells(line):
    """The line as a list of (column, character), wide characters once."""
    out, column = [], 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        out.append((column, ch))
        column += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return out, column


def at(row, column):
    for c, ch in row:
        if c == column:
            return ch
    return None


def side(ch):
    return ch is not None and ch in SIDES


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
    width = int(sys.argv[2]) if len(sys.argv) > 2 else None
    rows = [cells(line) for line in lines]
    problems, boxes = [], 0
    for y, (row, used) in enumerate(rows):
        if width is not None and used > width:
            problems.append("row %d is %d columns wide" % (y + 1, used))
        for i, (x0, ch) in enumerate(row):
            if ch not in LEFT or i + 1 >= len(row) or row[i + 1][1] != "[":
                continue
            # The top border runs to the first blank, or to the end of the row.
            x1 = x0
            for x, c in row[i + 1:]:
                if c == " ":
                    break
                x1 = x
            boxes += 1
            for below in (1, 2):
                if y + below >= len(rows):
                    break
                r = rows[y + below][0]
                if not side(at(r, x0)) or not side(at(r, x1)):
                    problems.append("box at row %d, columns %d-%d: row %d has %r and %r there" %
                                    (y + 1, x0, x1, y + below + 1, at(r, x0), at(r, x1)))
        for i, (x0, ch) in enumerate(row):
            # "╭┄ label": a group's top-left corner, not an edge's bend.
            if ch != "╭" or [c for _, c in row[i + 1:i + 3]] != ["┄", " "]:
                continue
            bottom = next((r for r, _ in rows[y + 1:] if at(r, x0) == "╰" and at(r, x0 + 1) == "┄"), None)
            if bottom is None:
                continue
            # Its bottom-right corner: the last "┄╯" of the bottom row.
            x1 = max((x for j, (x, c) in enumerate(bottom) if c == "╯" and j > 0 and bottom[j - 1][1] == "┄"),
                     default=None)
            if x1 is None:
                continue
            boxes += 1
            if at(row, x1) is None or at(row, x1) not in "╮│┼─┬┴├┤╯╰╭":
                problems.append("group at row %d: its bottom ends in column %d, its top does not" % (y + 1, x1))
    for p in problems:
        print("      " + p)
    if boxes == 0:
        print("      no box found")
    sys.exit(1 if problems or boxes == 0 else 0)


main()
