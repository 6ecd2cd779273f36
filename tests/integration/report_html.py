#!/usr/bin/env python3
"""tests/integration/report_html.py - helpers for report_html.sh (stdlib only).

  png FILE                      print "WIDTHxHEIGHT colours=N ink=P" (P: share of
                                pixels that are not near-white), exit 1 when the
                                image looks blank (few colours or almost no ink)
  figures DOM.html JSON         compare the figures in the page's text (as the
                                browser parsed it) with `breakdown --format json`
  netlog NET.json               print the URLs the page itself requested
                                (requests whose isolation key is a file:// page);
                                the browser's own background requests are ignored
  static REPORT.html            static checks: nothing that could load or run
"""
import json
import re
import struct
import sys
import zlib
from decimal import Decimal
from html.parser import HTMLParser


def read_png(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, w, h, bpp = 8, b'', 0, 0, 0
    while pos < len(data):
        ln, = struct.unpack('>I', data[pos:pos + 4])
        typ, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + ln]
        pos += 12 + ln
        if typ == b'IHDR':
            w, h, bd, ct, _, _, il = struct.unpack('>IIBBBBB', body)
            if bd != 8 or il != 0:
                raise ValueError('unsupported PNG (bit depth %d, interlace %d)' % (bd, il))
            bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ct]
        elif typ == b'IDAT':
            idat += body
        elif typ == b'IEND':
            break
    raw = zlib.decompress(idat)
    stride, rows, prev, i = w * bpp, [], bytearray(w * bpp), 0
    for _ in range(h):
        ft = raw[i]
        i += 1
        line = bytearray(raw[i:i + stride])
        i += stride
        if ft == 1:
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 255
        elif ft == 2:
            for x in range(stride):
                line[x] = (line[x] + prev[x]) & 255
        elif ft == 3:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((a + prev[x]) >> 1)) & 255
        elif ft == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def cmd_png(path):
    w, h, bpp, rows = read_png(path)
    colours, ink, total = set(), 0, 0
    for y in range(0, h, 2):  # every other row and column: fast enough, same answer
        r = rows[y]
        for x in range(0, w, 2):
            px = r[x * bpp:x * bpp + 3]
            colours.add(px)
            total += 1
            if min(px) < 200:
                ink += 1
    share = ink / max(total, 1)
    print('%dx%d colours=%d ink=%.3f' % (w, h, len(colours), share))
    return 0 if len(colours) >= 50 and share >= 0.02 else 1


class Page(HTMLParser):
    """Collects the text of elements by id, and the itemised table's rows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []       # (tag, attrs)
        self.by_id = {}       # id -> text
        self.open_ids = []    # ids being collected
        self.rows = []        # itemised table: [(class, [cell texts])]
        self.tables = {}      # every table with an id: id -> [(class, [cells])]
        self.table = None     # (id, depth) of the table being read
        self.in_itemised = 0
        self.row = None
        self.cell = None
        self.tags = []        # every start tag seen
        self.svg_values = []  # text of .ch-value in the resource chart
        self.in_res_chart = False
        self.value_text = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag not in ('meta', 'br', 'line', 'rect', 'path', 'input', 'link', 'img'):
            self.stack.append((tag, a))
        if a.get('id'):
            self.open_ids.append([a['id'], len(self.stack), []])
        if a.get('id') == 'itemised':
            self.in_itemised = len(self.stack)
        if tag == 'table' and a.get('id'):
            self.table = (a['id'], len(self.stack))
            self.tables[a['id']] = []
        if a.get('id') == 'by-resource':
            self.in_res_chart = True
        if self.in_res_chart and tag == 'text' and 'ch-value' in a.get('class', ''):
            self.value_text = []
        if self.table and tag == 'tr':
            self.row = (a.get('class', ''), [])
        if self.row is not None and tag in ('td', 'th'):
            self.cell = []
        if tag == 'span' and 'note' in a.get('class', '') and self.cell is not None:
            self.cell.append('\0')  # notes end the cell's main text

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            depth = len(self.stack)
            for rec in [r for r in self.open_ids if r[1] == depth]:
                self.by_id[rec[0]] = ''.join(rec[2]).strip()
                self.open_ids.remove(rec)
            if self.in_itemised == depth:
                self.in_itemised = 0
            if self.table and self.table[1] == depth:
                self.table = None
            self.stack.pop()
        if tag in ('td', 'th') and self.cell is not None and self.row is not None:
            self.row[1].append(''.join(self.cell).split('\0')[0].strip())
            self.cell = None
        if tag == 'tr' and self.row is not None:
            if self.table:
                self.tables[self.table[0]].append(self.row)
                if self.table[0] == 'itemised':
                    self.rows.append(self.row)
            self.row = None
        if tag == 'text' and self.value_text is not None:
            self.svg_values.append(''.join(self.value_text))
            self.value_text = None
        if tag == 'figure':
            self.in_res_chart = False

    def handle_data(self, data):
        for rec in self.open_ids:
            rec[2].append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.value_text is not None:
            self.value_text.append(data)


def usd(d):
    d = Decimal(d).quantize(Decimal('0.01'))
    s = '{:,.2f}'.format(abs(d))
    return ('-' if d < 0 else '') + '$' + s


def cmd_figures(dom_path, json_path):
    doc = json.load(open(json_path), parse_float=Decimal)
    p = Page()
    p.feed(open(dom_path, encoding='utf-8').read())
    errors = []

    def expect(what, want, got):
        if want != got:
            errors.append('%s: page shows %r, JSON has %r' % (what, got, want))

    total = usd(doc['total_monthly_cost'])
    expect('headline total', total, p.by_id.get('headline-total'))
    expect('table total', total, p.by_id.get('table-total'))
    # itemised table: one item row per priced resource, then its lines
    priced = [r for r in doc['resources'] if r['components']]
    items = [(c, cells) for c, cells in p.rows if c in ('item', 'line')]
    k = 0
    for r in priced:
        if k >= len(items) or items[k][0] != 'item':
            errors.append('table: missing row for %s' % r['address'])
            break
        cells = items[k][1]
        expect('address', r['address'], cells[0])
        expect(r['address'] + ' monthly', usd(r['monthly_cost']), cells[-1])
        k += 1
        for c in r['components']:
            if k >= len(items) or items[k][0] != 'line':
                errors.append('table: missing line %s / %s' % (r['address'], c['name']))
                break
            cells = items[k][1]
            expect(r['address'] + ' line name', c['name'], cells[0].rstrip(' *'))
            want = usd(c['monthly_cost'])
            if c['price'] is None:
                want = '$0.00' if c['usage_based'] else 'free'
            expect('%s / %s monthly' % (r['address'], c['name']), want, cells[-1])
            k += 1
    if k != len(items):
        errors.append('table has %d rows, JSON has %d' % (len(items), k))
    # the resource chart shows each priced resource's cost
    want_vals = sorted(usd(r['monthly_cost']) for r in priced if Decimal(r['monthly_cost']) != 0)
    expect('resource chart values', want_vals, sorted(p.svg_values))
    for e in errors:
        print(e)
    print('%d resources, %d table rows compared' % (len(priced), len(items)))
    return 1 if errors else 0


def signed(d):
    d = Decimal(d)
    return ('+' if d > 0 else '') + usd(d)


def cmd_upgrades(dom_path, json_path):
    """The upgrade-path section shows the figures of `upgrades --format json`."""
    doc = json.load(open(json_path), parse_float=Decimal)
    p = Page()
    p.feed(open(dom_path, encoding='utf-8').read())
    errors = []

    def expect(what, want, got):
        if want != got:
            errors.append('%s: page shows %r, JSON has %r' % (what, got, want))

    steps = [cells for c, cells in p.tables.get('upgrades', []) if c == 'step']
    expect('number of steps', len(doc['steps']), len(steps))
    for st, cells in zip(doc['steps'], steps):
        name = '%d. %s' % (st['order'], st['title'])
        expect('step title', name, cells[0][:len(name)])
        expect(name + ' alone', signed(st['alone']['monthly_delta']), cells[1])
        expect(name + ' in turn', signed(st['cumulative']['monthly_delta']), cells[2])
        expect(name + ' running total', usd(st['cumulative']['total_monthly_cost']), cells[3])
    expect('production total', usd(doc['production']['total_monthly_cost']),
           p.by_id.get('production-total'))
    alts = [cells for c, cells in p.tables.get('alternatives', []) if c == 'alt']
    expect('number of alternatives', len(doc['alternatives']), len(alts))
    for al, cells in zip(doc['alternatives'], alts):
        expect(al['title'] + ' on baseline', signed(al['alone']['monthly_delta']), cells[1])
        expect(al['title'] + ' on production', signed(al['on_production']['monthly_delta']), cells[2])
    # the waterfall's labels carry the same deltas
    dom = open(dom_path, encoding='utf-8').read()
    m = re.search(r'<figure id="upgrade-waterfall">(.*?)</figure>', dom, re.S)
    vals = re.findall(r'class="ch-value">([^<]*)<', m.group(1)) if m else []
    want = [usd(doc['baseline']['total_monthly_cost'])] + \
        [signed(st['cumulative']['monthly_delta']) for st in doc['steps']] + \
        [usd(doc['production']['total_monthly_cost'])]
    expect('waterfall labels', want, vals)
    for e in errors:
        print(e)
    print('%d steps, %d alternatives compared' % (len(steps), len(alts)))
    return 1 if errors else 0


def cmd_simulation(dom_path, json_path):
    """The simulation section shows the figures of `simulate --format json`."""
    doc = json.load(open(json_path), parse_float=Decimal)
    p = Page()
    p.feed(open(dom_path, encoding='utf-8').read())
    errors = []

    def expect(what, want, got):
        if want != got:
            errors.append('%s: page shows %r, JSON has %r' % (what, got, want))

    months = [cells for c, cells in p.tables.get('sim-months', []) if c == 'month']
    expect('number of months', len(doc['bill']), len(months))
    for b, cells in zip(doc['bill'], months):
        t = b['total']
        expect('month %d' % b['month'], [str(b['month']), usd(t['p5']), usd(t['p50']), usd(t['p95']),
                                         usd(t['mean'])], cells)
    t = doc['bill'][0]['total']
    expect('headline range', '%s\u2013%s' % (usd(t['p5']), usd(t['p95'])), p.by_id.get('sim-range'))
    sig = [cells for c, cells in p.tables.get('signals', []) if c == 'signal']
    expect('number of signals', len(doc['signals']), len(sig))
    M = doc['simulation']['months']
    for sg, cells in zip(doc['signals'], sig):
        name = '%s: %s' % (sg['component'], sg['signal'])
        expect('signal', name, cells[0][:len(name)])
        fm = sg['first_month']
        mt = lambda m: str(m) if m is not None else 'after month %d' % M
        if sg['runs_fired']:
            expect(name + ' p50', mt(fm['p50']), cells[1])
            expect(name + ' p5-p95', '%s\u2013%s' % (mt(fm['p5']), mt(fm['p95'])), cells[2])
        expect(name + ' runs', '%d of %d' % (sg['runs_fired'], doc['simulation']['runs']), cells[3])
    # the histogram's markers are the month-1 percentiles
    dom = open(dom_path, encoding='utf-8').read()
    m = re.search(r'<figure id="bill-histogram">(.*?)</figure>', dom, re.S)
    marks = re.findall(r'class="ch-mark">([^<]*)<', m.group(1)) if m else []
    expect('histogram markers', ['p5 ' + usd(t['p5']), 'p50 ' + usd(t['p50']), 'p95 ' + usd(t['p95'])],
           marks)
    for e in errors:
        print(e)
    print('%d months, %d signals compared' % (len(months), len(sig)))
    return 1 if errors else 0


def cmd_reasons(dom_path):
    """The reasons table's amounts add up to its total."""
    text = open(dom_path, encoding='utf-8').read()
    m = re.search(r'<table id="reasons">(.*?)</table>', text, re.S)
    if not m:
        print('no reasons table')
        return 1
    amounts = re.findall(r'<td class="num">([-+]?\$[\d,]+\.\d\d)</td>', m.group(1))
    total = amounts.pop()  # the tfoot row comes last
    to_d = lambda s: Decimal(s.replace('$', '').replace(',', '').replace('+', ''))
    s = sum(to_d(a) for a in amounts)
    print('%d amounts sum to %s, total %s' % (len(amounts), s, total))
    return 0 if s == to_d(total) and len(amounts) >= 2 else 1


def cmd_netlog(path):
    d = json.load(open(path))
    types = {v: k for k, v in d['constants']['logEventTypes'].items()}
    urls = set()
    for e in d['events']:
        if types.get(e['type']) != 'URL_REQUEST_START_JOB':
            continue
        p = e.get('params', {})
        if 'file://' in p.get('network_isolation_key', '') or 'site=file://' in p.get('site_for_cookies', ''):
            urls.add(p.get('url', '?'))
    for u in sorted(urls):
        print(u)
    return 0


def cmd_static(path):
    text = open(path, encoding='utf-8').read()
    # markup only: text from inputs is escaped, so its "<" never opens a tag
    tags = re.findall(r'<[^>]*>', text)
    style = ''.join(re.findall(r'<style>(.*?)</style>', text, re.S))
    bad = []
    for t in tags:
        name = re.match(r'</?\s*([a-zA-Z0-9:-]*)', t).group(1).lower()
        if name in ('script', 'link', 'img', 'iframe', 'object', 'embed', 'image', 'use',
                    'form', 'base', 'audio', 'video', 'source', 'foreignobject'):
            bad.append('a <%s> element: %r' % (name, t[:120]))
        if re.search(r'\s(src|href|xlink:href|action|srcset|poster|data|background)\s*=(?!"#)', t, re.I):
            bad.append('a loading attribute: %r' % t[:120])
        if re.search(r'\son[a-z]+\s*=', t, re.I):
            bad.append('an event-handler attribute: %r' % t[:120])
        if re.search(r'url\((?!#)', t):
            bad.append('an url() that is not a fragment: %r' % t[:120])
    if '@import' in style or re.search(r'url\((?!#)', style):
        bad.append('the stylesheet loads something')
    if len(re.findall(r'<style>', text)) != 1:
        bad.append('expected exactly one <style> element')
    for b in bad:
        print(b)
    print('%d tags scanned' % len(tags))
    return 1 if bad else 0


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    fn = {'png': cmd_png, 'figures': cmd_figures, 'netlog': cmd_netlog, 'static': cmd_static,
          'reasons': cmd_reasons, 'upgrades': cmd_upgrades,
          'simulation': cmd_simulation}[cmd]
    sys.exit(fn(*args))
