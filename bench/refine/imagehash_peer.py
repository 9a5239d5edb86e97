#!/usr/bin/python3
"""The peer side of the image near-duplicate benchmark: the `imagehash` library (pHash and dHash,
8x8) plus SHA-256 of every file in a folder, on WORKERS processes, then the pairs within the same
thresholds trainset uses (pHash <= 10 and dHash <= 12, or equal SHA-256), found with a vectorised
all-pairs comparison in numpy. Writes {"hashes": {name: [phash_hex, dhash_hex]}, "pairs": [[a, b], ...]}.
Usage: imagehash_peer.py MEDIA_DIR OUT.json [WORKERS] [PHASH_MAX] [DHASH_MAX]"""
import hashlib
import json
import os
import sys
from multiprocessing import Pool

import numpy
from PIL import Image
import imagehash


def fingerprint(path):
    with open(path, "rb") as f:
        data = f.read()
    with Image.open(path) as img:
        p = imagehash.phash(img)
        d = imagehash.dhash(img)
    return os.path.basename(path), hashlib.sha256(data).hexdigest(), str(p), str(d)


def bits(hexes):
    return numpy.array([int(h, 16) for h in hexes], dtype=numpy.uint64)


def popcount(x):
    x = x - ((x >> numpy.uint64(1)) & numpy.uint64(0x5555555555555555))
    x = (x & numpy.uint64(0x3333333333333333)) + ((x >> numpy.uint64(2)) & numpy.uint64(0x3333333333333333))
    x = (x + (x >> numpy.uint64(4))) & numpy.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * numpy.uint64(0x0101010101010101)) >> numpy.uint64(56)


def main():
    folder, out = sys.argv[1], sys.argv[2]
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    pmax = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    dmax = int(sys.argv[5]) if len(sys.argv) > 5 else 12
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.lower().endswith((".jpg", ".jpeg", ".png")))
    with Pool(workers) as pool:
        rows = pool.map(fingerprint, files, chunksize=16)
    names = [r[0] for r in rows]
    ph, dh = bits([r[2] for r in rows]), bits([r[3] for r in rows])
    pairs = []
    for i in range(len(rows)):
        near = (popcount(ph[i + 1:] ^ ph[i]) <= pmax) & (popcount(dh[i + 1:] ^ dh[i]) <= dmax)
        for j in numpy.nonzero(near)[0]:
            pairs.append([names[i], names[i + 1 + j]])
    sha = {}
    for r in rows:
        if r[1] in sha:
            pairs.append([sha[r[1]], r[0]])
        else:
            sha[r[1]] = r[0]
    with open(out, "w") as f:
        json.dump({"hashes": {r[0]: [r[2], r[3]] for r in rows}, "pairs": pairs}, f)
    print("peer: %d files, %d pairs" % (len(rows), len(pairs)))


if __name__ == "__main__":
    main()
