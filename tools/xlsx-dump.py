#!/usr/bin/python3
# wuye: print an .xlsx workbook as plain lines, for tests (python3-openpyxl).
#
# Usage: xlsx-dump.py FILE.xlsx
#
# For every sheet, in order:
#   sheet<TAB>NAME
#   frozen<TAB>CELL                      (the top-left unfrozen cell, or -)
#   width<TAB>A<TAB>14.71                 (every column given a width; A:C for a span)
#   A5<TAB>VALUE<TAB>NUMBER_FORMAT        (every non-empty cell, by rows)
#   A9<TAB>=FORMULA<TAB>NUMBER_FORMAT<TAB>CACHED   (a formula and its cached value)
#   chart<TAB>TYPE<TAB>TITLE<TAB>CELL     (column|bar|line|pie, title or -, anchor)
#   series<TAB>NAME<TAB>CATEGORIES<TAB>VALUES   (references as written)
# Numbers print as Python's repr (1234.56, 3), dates as YYYY-MM-DD, text
# with tab, newline and backslash escaped (\t \n \\).  Exit status 2 for a
# usage error, 1 if the file cannot be read.
import datetime
import sys

try:
    import openpyxl
except ImportError:
    sys.stderr.write("xlsx-dump: python3-openpyxl is needed\n")
    sys.exit(1)


def text(v):
    """A cell value as one line of text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, datetime.datetime):
        if v.time() == datetime.time(0, 0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    s = str(v)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def rich(t):
    """The plain text of a chart title, or -."""
    if t is None:
        return "-"
    try:
        if t.tx is not None and t.tx.rich is not None:
            return text("".join(r.t for p in t.tx.rich.p for r in (p.r or [])))
        if t.tx is not None and t.tx.strRef is not None:
            return t.tx.strRef.f
    except AttributeError:
        pass
    return "-"


def ref(r):
    """The formula of a numRef/strRef data source, or -."""
    if r is None:
        return "-"
    for k in ("numRef", "strRef"):
        x = getattr(r, k, None)
        if x is not None and x.f is not None:
            return x.f
    return "-"


def chart_type(ch):
    name = type(ch).__name__
    if name in ("BarChart", "BarChart3D"):
        return "column" if ch.barDir == "col" else "bar"
    if name.startswith("Line"):
        return "line"
    if name.startswith("Pie") or name == "DoughnutChart":
        return "pie"
    return name


def anchor(ch):
    try:
        f = ch.anchor._from
        return "%s%d" % (openpyxl.utils.get_column_letter(f.col + 1), f.row + 1)
    except AttributeError:
        return "-"


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: xlsx-dump.py FILE.xlsx\n")
        return 2
    try:
        wb = openpyxl.load_workbook(sys.argv[1])
        cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
    except Exception as ex:
        sys.stderr.write("xlsx-dump: %s: %s\n" % (sys.argv[1], ex))
        return 1
    out = sys.stdout
    for ws in wb.worksheets:
        cw = cached[ws.title]
        out.write("sheet\t%s\n" % ws.title)
        out.write("frozen\t%s\n" % (ws.freeze_panes or "-"))
        for key, dim in sorted(ws.column_dimensions.items(),
                               key=lambda kv: kv[1].min or 0):
            if not dim.customWidth or dim.width is None:
                continue
            a = openpyxl.utils.get_column_letter(dim.min)
            b = openpyxl.utils.get_column_letter(dim.max)
            out.write("width\t%s\t%.2f\n" % (a if a == b else a + ":" + b, dim.width))
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or c.value == "":
                    continue
                line = "%s\t%s\t%s" % (c.coordinate, text(c.value), c.number_format)
                if c.data_type == "f":
                    line += "\t" + text(cw[c.coordinate].value)
                out.write(line + "\n")
        for ch in ws._charts:
            out.write("chart\t%s\t%s\t%s\n" % (chart_type(ch), rich(ch.title), anchor(ch)))
            for s in ch.series:
                name = "-"
                if s.tx is not None and s.tx.strRef is not None:
                    name = s.tx.strRef.f
                elif s.tx is not None and s.tx.v is not None:
                    name = s.tx.v
                out.write("series\t%s\t%s\t%s\n" % (name, ref(s.cat), ref(s.val)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
