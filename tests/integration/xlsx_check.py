#!/usr/bin/env python3
"""xlsx_check.py - checks of costplan's budget workbooks, for export.sh.

  xlsx_check.py recalc BOOK.xlsx CSVDIR
      CSVDIR holds `ssconvert --recalc -S BOOK.xlsx CSVDIR/s.csv` output
      (s.csv.0, s.csv.1 ...). Every formula cell's cached value (what
      costplan computed) must equal gnumeric's recomputed value: money to
      the cent, everything else to 1e-9 relative.
  xlsx_check.py structure BOOK.xlsx
      The promised structure, read from the unzipped XML.
  xlsx_check.py edit BOOK.xlsx OUT.xlsx RESOURCE KEY VALUE
      Change one input on the Assumptions sheet (as a finance lead would).
  xlsx_check.py cell BOOK.xlsx CSVDIR SHEET COLROW
      Print one recomputed cell.
  xlsx_check.py total BOOK.xlsx CSVDIR
      Print the recomputed grand total of Line items.
  xlsx_check.py scenario IN.json OUT.json attr|usage|top ADDRESS KEY JSONVALUE
      Write a copy of a scenario with one figure changed (the engine's side
      of an edit test).
  xlsx_check.py csvjson BUDGET.csv BREAKDOWN.json
      Parse the CSV strictly (RFC 4180) and match it against the JSON.
Exit 0 when every check holds; otherwise print what failed and exit 1.
"""
import csv
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
ORDER = ["Assumptions", "Prices", "Line items", "Summary", "Upgrade path", "Projection"]


def sheets(z):
    """[(name, path)] in workbook order."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = []
    for s in wb.find("m:sheets", NS):
        rid = s.get("{%s}id" % NS["r"])
        out.append((s.get("name"), "xl/" + target[rid]))
    return out


def shared_strings(z):
    try:
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    except KeyError:
        return []
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root]


def split_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def cells(z, path, sst):
    """{(row, col): (formula or None, value, type)}"""
    root = ET.fromstring(z.read(path))
    out = {}
    for c in root.iter("{%s}c" % NS["m"]):
        f = c.find("m:f", NS)
        v = c.find("m:v", NS)
        t = c.get("t", "n")
        val = v.text if v is not None else None
        if t == "s" and val is not None:
            val = sst[int(val)]
        out[split_ref(c.get("r"))] = (f.text if f is not None else None, val, t)
    return out


def read_csvdir(csvdir, n):
    grids = []
    for i in range(n):
        p = os.path.join(csvdir, "s.csv.%d" % i)
        with open(p, newline="", encoding="utf-8") as f:
            grids.append(list(csv.reader(f)))
    return grids


def grid_get(grid, row, col):
    if row < len(grid) and col < len(grid[row]):
        return grid[row][col]
    return ""


def recalc(book, csvdir):
    z = zipfile.ZipFile(book)
    sst = shared_strings(z)
    names = sheets(z)
    grids = read_csvdir(csvdir, len(names))
    bad, n = [], 0
    for (name, path), grid in zip(names, grids):
        for (row, col), (f, val, t) in sorted(cells(z, path, sst).items()):
            if f is None:
                continue
            n += 1
            got = grid_get(grid, row, col)
            where = "%s!%s%d" % (name, colname(col), row + 1)
            if t == "str":
                if got != (val or ""):
                    bad.append("%s: =%s cached %r, recomputed %r" % (where, f, val, got))
                continue
            try:
                want = float(val)
                have = float(got)
            except (TypeError, ValueError):
                bad.append("%s: =%s cached %r, recomputed %r" % (where, f, val, got))
                continue
            tol = 1e-9 * max(1.0, abs(want))
            if abs(want - have) > tol:
                bad.append("%s: =%s cached %r, recomputed %r" % (where, f, val, got))
    for b in bad[:20]:
        print(b)
    print("%d formula cells recomputed, %d differ" % (n, len(bad)))
    return 0 if not bad and n > 0 else 1


def colname(col):
    s = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def structure(book):
    z = zipfile.ZipFile(book)
    sst = shared_strings(z)
    names = sheets(z)
    errs = []
    order = [n for n, _ in names]
    want = [s for s in ORDER if s in order]
    if order != want or order[:4] != ORDER[:4] or order[-1] != "Projection":
        errs.append("sheet order %s" % order)
    path = dict(names)
    li = cells(z, path["Line items"], sst)
    # the header row is row 4 (index 3); data from row 5
    rows = sorted({r for (r, c) in li if r >= 4})
    qty_f = price_f = cost_f = 0
    total = None
    for r in rows:
        a = li.get((r, 0), (None, None, None))[1]
        if a == "Total per month":
            total = li.get((r, 7))
            continue
        if a is None:
            continue
        q = li.get((r, 4), (None, None, None))
        p = li.get((r, 6), (None, None, None))
        h = li.get((r, 7), (None, None, None))
        basis = li.get((r, 10), (None, None, None))[1] or ""
        if q[0] is not None:
            qty_f += 1
            if "Assumptions!" not in q[0] and "$E$" not in q[0]:
                errs.append("Line items row %d: quantity formula %s uses no input" % (r + 1, q[0]))
        elif q[1] is not None and basis.startswith("fixed by costplan"):
            pass
        if p[0] is not None:
            price_f += 1
            if not p[0].startswith("Prices!$H$"):
                errs.append("Line items row %d: unit price %s is not a Prices reference" % (r + 1, p[0]))
        if h[0] is not None:
            cost_f += 1
            if not (h[0].startswith("ROUND(ROUND(") or h[0].startswith("IF(")):
                errs.append("Line items row %d: cost formula %s" % (r + 1, h[0]))
            if p[0] is not None and "ROUND(ROUND(E%d*G%d,9),2)" % (r + 1, r + 1) != h[0] and "Prices!" not in h[0]:
                errs.append("Line items row %d: cost %s is not ROUND(quantity*price,2)" % (r + 1, h[0]))
    if not total or not (total[0] or "").startswith("SUM(H5:H"):
        errs.append("Line items: no SUM grand total (%r)" % (total,))
    if qty_f == 0 or price_f == 0 or cost_f == 0:
        errs.append("Line items: formulas missing (qty %d, price %d, cost %d)" % (qty_f, price_f, cost_f))
    su = cells(z, path["Summary"], sst)
    sumifs = [v[0] for v in su.values() if v[0] and v[0].startswith("SUMIF('Line items'!")]
    if len(sumifs) != 5:
        errs.append("Summary: %d SUMIF category formulas, want 5" % len(sumifs))
    pj = cells(z, path["Projection"], sst)
    growth = [v[0] for (r, c), v in pj.items() if c == 1 and v[0] and "Assumptions!" in v[0] and "^" in v[0]]
    if len(growth) != 24:
        errs.append("Projection: %d growth-factor formulas over Assumptions, want 24" % len(growth))
    if "Upgrade path" in path:
        up = cells(z, path["Upgrade path"], sst)
        running = [v[0] for (r, c), v in up.items() if c == 6 and v[0] and re.fullmatch(r"G\d+\+F\d+", v[0])]
        if not running:
            errs.append("Upgrade path: no running-total formulas")
        if not any(v[0] and v[0].startswith("'Line items'!") for v in up.values()):
            errs.append("Upgrade path: no check against the live Line items total")
    # every table sheet: frozen header, autofilter, one page wide
    for name in [n for n in ("Assumptions", "Prices", "Line items", "Upgrade path", "Projection") if n in path]:
        x = z.read(path[name]).decode()
        if 'state="frozen"' not in x:
            errs.append("%s: no frozen panes" % name)
        if "<autoFilter" not in x:
            errs.append("%s: no autofilter" % name)
        if 'fitToWidth="1"' not in x and "fitToPage" not in x:
            errs.append("%s: not fitted one page wide" % name)
        if "<cols>" not in x:
            errs.append("%s: no column widths" % name)
    charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    if len(charts) < 3:
        errs.append("only %d charts" % len(charts))
    core = z.read("docProps/core.xml").decode()
    if "<dcterms:created" not in core:
        errs.append("no creation date")
    # input cells are styled and carry notes
    if "xl/comments1.xml" not in z.namelist():
        errs.append("no notes on the input cells")
    # no formula anywhere carries text from the inputs: its only string
    # literals are our own category and kind names
    allowed = {"compute", "network", "data", "observability", "security", "fixed", "usage",
               "allowance", "applied", "not applied",
               "matches the baseline the steps were priced on",
               "differs from the priced baseline: run costplan export again"}
    for name, p in names:
        for (r, c), (f, val, t) in cells(z, p, sst).items():
            if f and any(lit not in allowed for lit in re.findall(r'"([^"]*)"', f)):
                errs.append("%s: unexpected text in formula %s" % (name, f))
    for e in errs:
        print(e)
    print("structure: %d quantity, %d price, %d cost formulas on Line items; %d problems"
          % (qty_f, price_f, cost_f, len(errs)))
    return 1 if errs else 0


def edit(book, out, resource, key, value):
    z = zipfile.ZipFile(book)
    sst = shared_strings(z)
    path = dict(sheets(z))["Assumptions"]
    xml = z.read(path).decode()
    c = cells(z, path, sst)
    row = None
    for (r, col), (f, val, t) in c.items():
        if col == 0 and val == resource and c.get((r, 1), (0, None))[1] == key:
            row = r
    if row is None:
        print("no input %s %s" % (resource, key))
        return 1
    ref = "C%d" % (row + 1)
    if value in ("TRUE", "FALSE"):
        new, n = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>' % ref,
                         lambda m: m.group(1) + "<v>%d</v>" % (value == "TRUE"), xml)
    else:
        new, n = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>' % ref,
                         lambda m: m.group(1) + "<v>%s</v>" % value, xml)
    if n != 1:
        print("could not edit %s" % ref)
        return 1
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for item in z.infolist():
            data = new.encode() if item.filename == path else z.read(item.filename)
            w.writestr(item, data)
    return 0


def cell(book, csvdir, sheet, ref):
    idx = [n for n, _ in sheets(zipfile.ZipFile(book))].index(sheet)
    with open(os.path.join(csvdir, "s.csv.%d" % idx), newline="", encoding="utf-8") as f:
        grid = list(csv.reader(f))
    r, c = split_ref(ref)
    print(grid_get(grid, r, c))
    return 0


def total(book, csvdir):
    """The recomputed grand total of Line items."""
    idx = [n for n, _ in sheets(zipfile.ZipFile(book))].index("Line items")
    with open(os.path.join(csvdir, "s.csv.%d" % idx), newline="", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0] == "Total per month":
                print("%.2f" % float(row[7]))
                return 0
    print("no total")
    return 1


def scenario(src, dst, kind, address, key, value):
    """Write a copy of a scenario with one attribute or usage figure changed."""
    d = json.load(open(src))
    val = json.loads(value)
    if kind == "top":
        d[key] = val
    elif kind == "attr":
        t, n = address.split(".", 1)
        d["resource"][t][n][key] = val
    else:
        u = d.setdefault("usage", {}).setdefault(address, {})
        parts = key.split(".")
        for p in parts[:-1]:
            u = u.setdefault(p, {})
        u[parts[-1]] = val
    json.dump(d, open(dst, "w"), indent=1)
    return 0


def csvjson(csvpath, jsonpath):
    errs = []
    with open(csvpath, newline="", encoding="utf-8") as f:
        data = f.read()
    if "\r\n" not in data or re.search(r"[^\r]\n", data):
        errs.append("records do not end in CRLF")
    csv.register_dialect("rfc4180", delimiter=",", quotechar='"', doublequote=True,
                         lineterminator="\r\n", strict=True, skipinitialspace=False)
    rows = list(csv.DictReader(data.splitlines(True), dialect="rfc4180"))
    j = json.load(open(jsonpath))
    comps = []
    for res in j["resources"]:
        for c in res["components"]:
            comps.append((res["address"], c))
    lines = [r for r in rows if r["resource"] != "TOTAL"]
    total = [r for r in rows if r["resource"] == "TOTAL"]
    if len(lines) != len(comps):
        errs.append("%d CSV lines, %d JSON components" % (len(lines), len(comps)))
    for r, (addr, c) in zip(lines, comps):
        neutral = ("'" if j["scenario"][:1] in ("=", "+", "-", "@", "\t", "\r") else "") + j["scenario"]
        if r["scenario"] != neutral:
            errs.append("row %s/%s: scenario %r, JSON %r" % (addr, c["name"], r["scenario"], j["scenario"]))
        if r["resource"] != addr or r["component"] != c["name"]:
            errs.append("row %s/%s vs JSON %s/%s" % (r["resource"], r["component"], addr, c["name"]))
            continue
        if abs(float(r["monthly_cost"]) - c["monthly_cost"]) > 1e-9:
            errs.append("%s %s: cost %s vs %s" % (addr, c["name"], r["monthly_cost"], c["monthly_cost"]))
        if r["quantity"] and abs(float(r["quantity"]) - c["quantity"]) > 1e-9 * max(1, abs(c["quantity"])):
            errs.append("%s %s: quantity %s vs %s" % (addr, c["name"], r["quantity"], c["quantity"]))
        if r["unit_price"] and abs(float(r["unit_price"]) - c["unit_price"]) > 1e-12:
            errs.append("%s %s: unit price %s vs %s" % (addr, c["name"], r["unit_price"], c["unit_price"]))
        if not r["quantity_basis"]:
            errs.append("%s %s: no quantity basis" % (addr, c["name"]))
    if len(total) != 1 or abs(float(total[0]["monthly_cost"]) - j["total_monthly_cost"]) > 1e-9:
        errs.append("TOTAL row %r vs %r" % (total, j["total_monthly_cost"]))
    cents = sum(round(float(r["monthly_cost"]) * 100) for r in lines)
    if total and cents != round(float(total[0]["monthly_cost"]) * 100):
        errs.append("lines add up to %d cents, TOTAL says %s" % (cents, total[0]["monthly_cost"]))
    # nothing a spreadsheet could run
    for r in rows:
        for k, v in r.items():
            if v and v[0] in "=+-@\t\r" and k not in ("quantity", "unit_price", "monthly_cost"):
                errs.append("field %s starts with %r: %r" % (k, v[0], v))
        if j["scenario"][:1] in ("=", "+", "-", "@") and r["scenario"] != "'" + j["scenario"]:
            errs.append("scenario %r not neutralised as %r" % (r["scenario"], "'" + j["scenario"]))
    for e in errs[:20]:
        print(e)
    print("csv: %d rows matched against JSON, %d problems" % (len(lines), len(errs)))
    return 1 if errs else 0


def main(a):
    if len(a) >= 3 and a[0] == "recalc":
        return recalc(a[1], a[2])
    if len(a) >= 2 and a[0] == "structure":
        return structure(a[1])
    if len(a) >= 6 and a[0] == "edit":
        return edit(a[1], a[2], a[3], a[4], a[5])
    if len(a) >= 5 and a[0] == "cell":
        return cell(a[1], a[2], a[3], a[4])
    if len(a) >= 3 and a[0] == "total":
        return total(a[1], a[2])
    if len(a) >= 7 and a[0] == "scenario":
        return scenario(a[1], a[2], a[3], a[4], a[5], a[6])
    if len(a) >= 3 and a[0] == "csvjson":
        return csvjson(a[1], a[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
