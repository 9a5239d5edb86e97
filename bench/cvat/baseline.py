#!/usr/bin/python3
"""Python baseline: stream the file with xml.etree.ElementTree.iterparse and count shapes by kind."""
import sys
import xml.etree.ElementTree as ET
from collections import Counter

SHAPES = {"box", "polygon", "polyline", "points", "mask", "tag", "skeleton"}
counts = Counter()
images = 0
for event, el in ET.iterparse(sys.argv[1], events=("end",)):
    if el.tag in SHAPES:
        counts[el.tag] += 1
    elif el.tag == "image":
        images += 1
        el.clear()
print(images, sum(counts.values()), dict(counts))
