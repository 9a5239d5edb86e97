#!/usr/bin/python3
"""Recall of planted copies and unplanted pairs, for trainset's dedup report and the peer's pairs.
Usage: score.py planted.csv trainset.dedup.json peer.json"""
import csv
import json
import os
import sys

planted = [(r["copy"], r["original"], r["kind"]) for r in csv.DictReader(open(sys.argv[1]))]
truth = {frozenset((c, o)) for c, o, _ in planted}


def pairs_trainset(path):
    out = set()
    for c in json.load(open(path))["clusters"]:
        names = [os.path.basename(m["file"]) for m in c["members"]]
        out |= {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


def pairs_peer(path):
    return {frozenset(p) for p in json.load(open(path))["pairs"]}


for name, found in (("trainset", pairs_trainset(sys.argv[2])), ("imagehash", pairs_peer(sys.argv[3]))):
    by_kind = {}
    for c, o, k in planted:
        hit, n = by_kind.get(k, (0, 0))
        by_kind[k] = (hit + (frozenset((c, o)) in found), n + 1)
    kinds = ", ".join("%s %d/%d" % (k, h, n) for k, (h, n) in sorted(by_kind.items()))
    print("%-9s recall %d/%d (%s); pairs not planted: %d" % (
        name, sum(h for h, _ in by_kind.values()), len(planted), kinds, len(found - truth)))
