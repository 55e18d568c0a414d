#!/usr/bin/env python3
"""Derives train.tsv (the offline department tagger's labelled text) from the two public samples.

Usage: python3 raw/departments/derive_training.py tests/data/external > raw/departments/train.tsv
(the folder of the vendored CMtMedQA and Toyhom samples, tests/data/README.md)

Split rule (the tagger benchmark applies the same rule and also skips every record listed in train.tsv):
records at even positions (0-based, per source, counting only records with a department label) are
training records, odd positions are evaluation records. Only the patient's first turn (CMtMedQA) or
title + question (Toyhom) is kept, cut to 100 characters; labels are mapped to the 64-list with
external-map.tsv. Records whose label maps to nothing ("-") or only to a primary department are skipped.
"""
import csv, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
ext = sys.argv[1]
mapping = {}
with open(os.path.join(here, 'external-map.tsv'), encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        mapping[(row['source'], row['label'])] = row['departments']

def lookup(source, label):
    v = mapping.get((source, label))
    if v is None and '/' in label:
        v = mapping.get((source, label.split('/')[0] + '/*'))
    return v

def clean(s):
    return ' '.join(s.replace('\t', ' ').split())[:100]

out = csv.writer(sys.stdout, delimiter='\t', lineterminator='\n')
out.writerow(['source', 'record', 'department', 'text'])
with open(os.path.join(ext, 'cmtmedqa', 'CMtMedQA_test.sample.json'), encoding='utf-8') as f:
    records = [r for r in json.load(f) if 'cate1' in r]
for pos, r in enumerate(records):
    deps = lookup('cmtmedqa', f"{r['cate1']}/{r['cate2']}")
    if pos % 2 == 1 or not deps or deps == '-' or deps.startswith('primary:'):
        continue
    text = r['history'][0][0] if r.get('history') else r['instruction']
    out.writerow(['cmtmedqa', r['id'], deps.split(';')[0], clean(text)])
with open(os.path.join(ext, 'toyhom-med-dialogue', 'IM_neike_sample.csv'), encoding='gb18030', newline='') as f:
    rows = list(csv.DictReader(f))
for pos, r in enumerate(rows):
    deps = lookup('toyhom', r['department'])
    if pos % 2 == 1 or not deps or deps == '-' or deps.startswith('primary:'):
        continue
    out.writerow(['toyhom', str(pos), deps.split(';')[0], clean(r['title'] + '。' + r['ask'])])
