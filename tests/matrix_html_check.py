#!/usr/bin/env python3
"""Test glue: does a matrix.html say what its matrix.json says?
   matrix_html_check.py OUT [HTML]   (HTML: a DOM dump of OUT/matrix.html)
Every revision x arch cell is there with its state (as data-state and as the
class that colours it), objects built and failed; every link resolves inside
OUT; the page loads nothing (no script, stylesheet link, image or frame).
Prints what is wrong, exits 1 if anything is."""
import json
import os
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells, self.links, self.loads, self.text = {}, [], 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ('script', 'link', 'img', 'iframe'):
            self.loads += 1
        if tag == 'td' and 'data-arch' in a:
            self.cells[(a['data-revision'], a['data-arch'])] = a
        if tag == 'a':
            self.links.append(a['href'])

    def handle_data(self, data):
        self.text.append(data)


def problems(out, html):
    m = json.load(open(os.path.join(out, 'matrix.json')))
    page = Page()
    page.feed(open(html).read())
    bad = []
    for r in m['revisions']:
        for arch in m['archs']:
            c = next((c for c in r['build'] if c['arch'] == arch), None)
            got = page.cells.get((r['revision'], arch))
            want = c['state'] if c else 'not-run'
            if not got or got['data-state'] != want or (c and (
                    int(got['data-built']) != len(c['built']) or
                    int(got['data-failed']) != len(c['regressions']) or
                    want not in got['class'].split())):
                bad.append(('cell', r['revision'], arch, want, got))
    bad += [('link', l) for l in page.links if not os.path.exists(os.path.join(out, l))]
    if page.loads:
        bad.append('the page loads external resources')
    if not page.links:
        bad.append('no links')
    return bad, page


if __name__ == '__main__':
    out = sys.argv[1]
    bad, page = problems(out, sys.argv[2] if len(sys.argv) > 2 else os.path.join(out, 'matrix.html'))
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)
