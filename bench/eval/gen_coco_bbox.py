#!/usr/bin/env python3
"""Writes a COCO-val2017-sized synthetic box evaluation case (gt.json, dt.json) for the
`trainset eval detect` benchmark: 5000 images, 80 categories, ~36k ground truths (1% crowd),
~110k detections (jittered true positives, duplicates, wrong classes, background). Seeded."""
import json
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "."
rnd = random.Random(2017)
images, anns, dets = [], [], []
cats = [{"id": i, "name": "c%d" % i} for i in range(1, 91) if i % 9 != 0][:80]
cat_ids = [c["id"] for c in cats]
aid = 1
for img in range(1, 5001):
    w, h = 640, 480
    images.append({"id": img, "file_name": "%012d.jpg" % img, "width": w, "height": h})
    for _ in range(max(0, int(rnd.gauss(7.3, 4)))):
        s = rnd.uniform(6, 300)
        bw, bh = s * rnd.uniform(0.5, 1.5), s * rnd.uniform(0.5, 1.5)
        x, y = rnd.uniform(0, w - bw / 2), rnd.uniform(0, h - bh / 2)
        c = rnd.choice(cat_ids)
        crowd = 1 if rnd.random() < 0.01 else 0
        anns.append({"id": aid, "image_id": img, "category_id": c, "bbox": [round(x, 2), round(y, 2), round(bw, 2), round(bh, 2)],
                     "area": round(bw * bh * rnd.uniform(0.5, 1.0), 2), "iscrowd": crowd})
        aid += 1
        if rnd.random() < 0.85:
            j = 0.15 * s
            for _dup in range(1 + (rnd.random() < 0.3)):
                dets.append({"image_id": img, "category_id": c if rnd.random() < 0.9 else rnd.choice(cat_ids),
                             "bbox": [round(x + rnd.gauss(0, j), 2), round(y + rnd.gauss(0, j), 2),
                                      round(bw * rnd.uniform(0.8, 1.2), 2), round(bh * rnd.uniform(0.8, 1.2), 2)],
                             "score": round(rnd.uniform(0.2, 1.0), 3)})
    for _ in range(rnd.randint(8, 16)):
        s = rnd.uniform(8, 200)
        dets.append({"image_id": img, "category_id": rnd.choice(cat_ids),
                     "bbox": [round(rnd.uniform(0, w - s), 2), round(rnd.uniform(0, h - s), 2), round(s, 2), round(s, 2)],
                     "score": round(rnd.uniform(0.0, 0.7), 3)})
with open(out + "/gt.json", "w") as f:
    json.dump({"images": images, "annotations": anns, "categories": cats}, f)
with open(out + "/dt.json", "w") as f:
    json.dump(dets, f)
print("images %d, gt %d, detections %d" % (len(images), len(anns), len(dets)))
