#!/usr/bin/python3
"""A small model server for the pre-annotation tests: POST an image, get OpenCV Haar face boxes.

Answers {"boxes": [{"x", "y", "w", "h", "label": "face", "score"}]} (score: the cascade's level
weight, squashed into 0..1). Listens on 127.0.0.1 at the port given (0: a free one) and prints
"port N" on its first line of output. Debian's python3-opencv and opencv-data provide cv2 and
the cascade (scripts/install-test-deps installs both).
"""
import json
import math
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

import cv2
import numpy as np

CASCADE = cv2.CascadeClassifier("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        data = np.frombuffer(self.rfile.read(length), dtype=np.uint8)
        image = cv2.imdecode(data, cv2.IMREAD_COLOR)
        if image is None:
            self.send_error(400, "not an image")
            return
        grey = cv2.equalizeHist(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))
        rects, _, weights = CASCADE.detectMultiScale3(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24),
                                                      outputRejectLevels=True)
        boxes = []
        for (x, y, w, h), weight in zip(rects, weights):
            score = 1.0 / (1.0 + math.exp(-float(weight)))
            boxes.append({"x": int(x), "y": int(y), "w": int(w), "h": int(h), "label": "face", "score": round(score, 4)})
        body = json.dumps({"boxes": boxes}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


if __name__ == "__main__":
    if CASCADE.empty():
        sys.exit("the stock Haar cascade is missing (install Debian's opencv-data)")
    server = HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0), Handler)
    print("port", server.server_address[1], flush=True)
    server.serve_forever()
