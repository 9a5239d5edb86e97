#!/usr/bin/python3
"""Writes a synthetic CVAT for images 1.1 file: N shapes over many images, 60% boxes (some
rotated, with attributes), 40% polygons of 4-12 vertices, all inside their 1920x1080 images.

usage: generate.py OUT.xml SHAPES [SHAPES_PER_IMAGE]"""
import random
import sys

out, shapes = sys.argv[1], int(sys.argv[2])
per_image = int(sys.argv[3]) if len(sys.argv) > 3 else 10
rnd = random.Random(42)
labels = ["car", "person", "bicycle", "sign", "tree"]
W, H = 1920, 1080
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<annotations>\n  <version>1.1</version>\n')
    f.write("  <meta>\n    <task>\n      <name>bench</name>\n      <mode>annotation</mode>\n      <labels>\n")
    for l in labels:
        f.write(f"        <label>\n          <name>{l}</name>\n          <attributes>\n"
                "            <attribute>\n              <name>quality</name>\n"
                "              <mutable>False</mutable>\n              <input_type>select</input_type>\n"
                "              <default_value>good</default_value>\n              <values>good\nbad</values>\n"
                "            </attribute>\n          </attributes>\n        </label>\n")
    f.write("      </labels>\n    </task>\n  </meta>\n")
    written = 0
    image = 0
    while written < shapes:
        f.write(f'  <image id="{image}" name="frame_{image:07d}.jpg" width="{W}" height="{H}">\n')
        for _ in range(min(per_image, shapes - written)):
            label = rnd.choice(labels)
            if rnd.random() < 0.6:
                x, y = rnd.uniform(0, W - 200), rnd.uniform(0, H - 200)
                w, h = rnd.uniform(5, 199), rnd.uniform(5, 199)
                rot = ' rotation="15.5"' if rnd.random() < 0.05 else ""
                f.write(f'    <box label="{label}" source="manual" occluded="{rnd.randint(0, 1)}" '
                        f'xtl="{x:.2f}" ytl="{y:.2f}" xbr="{x + w:.2f}" ybr="{y + h:.2f}"{rot} z_order="0">\n'
                        f'      <attribute name="quality">good</attribute>\n    </box>\n')
            else:
                cx, cy = rnd.uniform(100, W - 100), rnd.uniform(100, H - 100)
                n = rnd.randint(4, 12)
                pts = ";".join(f"{cx + 90 * __import__('math').cos(6.283 * k / n):.2f},"
                               f"{cy + 90 * __import__('math').sin(6.283 * k / n):.2f}" for k in range(n))
                f.write(f'    <polygon label="{label}" source="manual" occluded="0" points="{pts}" z_order="1">\n    </polygon>\n')
            written += 1
        f.write("  </image>\n")
        image += 1
    f.write("</annotations>\n")
print(f"{out}: {written} shapes over {image} images")
