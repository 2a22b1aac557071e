#!/usr/bin/env python3
"""Checks of a captured screen (tmux capture-pane -p), by display column.

  screen.py frame FILE          every box (┌) has its four corners and both
                                edges in the same display columns
  screen.py columns FILE FIRST LAST [TITLE...]
                                the table whose header is line FIRST (1 is
                                the top line) down to line LAST: each
                                column (its title found in the header, in
                                order; without titles, the header's words)
                                starts (text) or ends (numbers) in the
                                same display column on every row
Exit status 0 when the check holds, else 1 with the reason on stdout.
Columns count a Chinese character as two (unicodedata.east_asian_width).
"""
import sys
import unicodedata


def width(ch):
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


def cells(line):
    """The line as display cells: a character per column, None for the
    second half of a double-width one."""
    out = []
    for ch in line:
        out.append(ch)
        if width(ch) == 2:
            out.append(None)
    return out


def at(row, col):
    """The cell at col: ' ' past the end."""
    return row[col] if 0 <= col < len(row) else ' '


def frame(rows):
    bad = []
    boxes = 0
    for top, row in enumerate(rows):
        for left, ch in enumerate(row):
            if ch != '┌':
                continue
            boxes += 1
            right = next((c for c in range(left + 1, len(row))
                          if row[c] == '┐'), None)
            if right is None:
                bad.append('line %d: ┌ at column %d has no ┐' % (top + 1, left))
                continue
            bottom = next((y for y in range(top + 1, len(rows))
                           if at(rows[y], left) == '└'), None)
            if bottom is None:
                bad.append('line %d: ┌ at column %d has no └ below' %
                           (top + 1, left))
                continue
            if at(rows[bottom], right) != '┘':
                bad.append('line %d: no ┘ at column %d' % (bottom + 1, right))
            for y in range(top + 1, bottom):
                for c in (left, right):
                    if at(rows[y], c) != '│':
                        bad.append('line %d: %r instead of │ at column %d' %
                                   (y + 1, at(rows[y], c), c))
    if boxes == 0:
        bad.append('no box on the screen')
    return bad


def find_titles(header, titles):
    """The [start, end) display columns of each title in the header."""
    text = ''.join(ch for ch in header if ch is not None)
    spans, pos = [], 0
    if not titles:
        titles = text.split()
    for t in titles:
        i = text.find(t, pos)
        if i < 0:
            return None, t
        start = sum(width(ch) for ch in text[:i])
        spans.append((t, start, start + sum(width(ch) for ch in t)))
        pos = i + len(t)
    return spans, None


def blank(row, a, b):
    return all(at(row, c) == ' ' for c in range(a, b))


def columns(rows, first, last, titles):
    header = rows[first - 1]
    spans, missing = find_titles(header, titles)
    if spans is None:
        return ['no title %r in the header: %s' %
                (missing, ''.join(c for c in header if c is not None))]
    body = [r for r in rows[first:last] if not blank(r, 0, len(r))]
    bad = []
    for t, s, e in spans:
        def left(r):
            return (s == 0 or at(r, s - 1) == ' ') and \
                (at(r, s) != ' ' or blank(r, s, e))

        def right(r):
            return at(r, e) == ' ' and (at(r, e - 1) != ' ' or blank(r, s, e))
        if all(left(r) for r in body) or all(right(r) for r in body):
            continue
        off = [r for r in body if not left(r)][:3]
        bad.append('column %r (display columns %d-%d) is not aligned in:\n%s'
                   % (t, s, e, '\n'.join(''.join(c for c in r if c is not None)
                                         for r in off)))
    return bad


def main():
    what, path = sys.argv[1], sys.argv[2]
    rows = [cells(l) for l in open(path, encoding='utf-8').read().split('\n')]
    if what == 'frame':
        bad = frame(rows)
    elif what == 'columns':
        bad = columns(rows, int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
    else:
        sys.exit('screen.py: unknown check ' + what)
    if bad:
        print('\n'.join(bad))
        sys.exit(1)


main()
