#!/usr/bin/env python3
"""Scores title/company/location of jobfit on a labelled page collection (bench/page-fields), with the agreement rule
of tests/it/pages.rs (equal as words, or one within the other). labels.toml: ["FILE"] tables, or [[page]] entries as in
tests/fixtures/pages. usage: page-fields.py JOBFIT DIR [-v]"""
import sys, json, re, subprocess, tomllib, os
jobfit, d = sys.argv[1], sys.argv[2]
labels = tomllib.load(open(os.path.join(d, 'labels.toml'), 'rb'))
if isinstance(labels.get('page'), list):
    # tests/fixtures/pages: [[page]] entries; pages that are not postings have no fields.
    labels = {p['file']: p for p in labels['page'] if p.get('kind', 'posting') == 'posting'}
files = list(labels)
out = subprocess.run([jobfit, 'score', '--format', 'jsonl', '--no-progress'] + [os.path.join(d, f) for f in files], capture_output=True, text=True).stdout
rows = [json.loads(l) for l in out.splitlines()]
assert len(rows) == len(files), (len(rows), len(files))
def words(t): return ' '.join(w.lower() for w in re.split(r'[^\w]+', t or '') if w and w != '_')
def agrees(g, l):
    g, l = words(g), words(l)
    return g == l or (g and l and (g in l or l in g))
right = {'title': 0, 'company': 0, 'location': 0}
n = 0
for f, row in zip(files, rows):
    n += 1
    for k in right:
        ok = agrees(row.get(k) or '', labels[f].get(k, ''))
        right[k] += bool(ok)
        if not ok and '-v' in sys.argv:
            print(f'MISS {f} {k}: got {row.get(k)!r} want {labels[f].get(k)!r} [{row.get("status")}]')
print(' '.join(f'{k} {v}/{n} ({100*v/n:.0f}%)' for k, v in right.items()))
