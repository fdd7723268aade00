#!/usr/bin/env python3
"""Expected terminal renderings and counts for Tests/PlotsTests, computed
from the rules in Sources/Plots written out again independently here.

Usage: python3 scripts/plots_reference.py   (prints Swift literals to paste)

- Images are scaled min..max to 0..1 (level), grey = round(level * 255).
- Colour styles: one text row per two pixel rows, each cell an upper half
  block; "ESC[<fg>;<bg>m" is written when the (top, bottom) pair differs from
  the previous cell of the row; a missing bottom row uses 49; rows end ESC[0m.
  truecolor: 38;2;R;G;B / 48;2;R;G;B. 256 colours: 38;5;N / 48;5;N with N the
  nearest xterm colour (squared RGB distance) among the 6x6x6 cube (16..231)
  and the grey ramp (232..255), first index winning ties.
- Plain: ASCII ramp " .:-=+*#%@" indexed by int(level * 10) capped at 9, the
  level being the mean of the two pixel rows (or the last row alone); trailing
  spaces removed.
"""
import gzip
import os

import numpy as np

RAMP = " .:-=+*#%@"
CUBE = [0, 95, 135, 175, 215, 255]

# The test image: 3 rows (an odd count, to exercise the lone last row) of 4,
# with two equal neighbouring cells (the second needs no escape).
IMAGE = np.array([[0, 51, 51, 153],
                  [204, 255, 255, 0],
                  [10, 20, 30, 40]], dtype=np.float64)


def xterm_palette():
    colours = {}
    for i in range(16, 232):
        n = i - 16
        colours[i] = (CUBE[n // 36], CUBE[(n // 6) % 6], CUBE[n % 6])
    for i in range(232, 256):
        g = 8 + 10 * (i - 232)
        colours[i] = (g, g, g)
    return colours


PALETTE = xterm_palette()


def nearest_256(rgb):
    return min(PALETTE, key=lambda i: (sum((a - b) ** 2 for a, b in zip(rgb, PALETTE[i])), i))


def levels(image):
    low, high = image.min(), image.max()
    return (image - low) / (high - low)


def colour_param(grey, background, style):
    layer = 48 if background else 38
    if style == "truecolor":
        return "%d;2;%d;%d;%d" % (layer, grey, grey, grey)
    return "%d;5;%d" % (layer, nearest_256((grey, grey, grey)))


def half_blocks(image, style):
    greys = np.round(levels(image) * 255).astype(int)
    height, width = greys.shape
    rows = []
    for top in range(0, height, 2):
        line, previous = "", None
        for x in range(width):
            pair = (greys[top, x], greys[top + 1, x] if top + 1 < height else None)
            if pair != previous:
                bg = colour_param(pair[1], True, style) if pair[1] is not None else "49"
                line += "\x1b[%s;%sm" % (colour_param(pair[0], False, style), bg)
                previous = pair
            line += "\u2580"
        rows.append(line + "\x1b[0m")
    return "\n".join(rows)


def ascii_ramp(image):
    level = levels(image)
    height, width = level.shape
    rows = []
    for top in range(0, height, 2):
        pair = level[top:top + 2]
        mean = pair.mean(axis=0) if len(pair) == 2 else pair[0]
        rows.append("".join(RAMP[min(9, int(v * 10))] for v in mean).rstrip(" "))
    return "\n".join(rows)


def swift_literal(text):
    return '"' + text.replace("\\", "\\\\").replace("\x1b", "\\u{1B}").replace("\n", "\\n") + '"'


# Confusion matrix: true and predicted labels for 3 classes.
TRUE = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 0, 1, 2, 2]
PRED = [0, 1, 0, 1, 1, 2, 1, 2, 0, 2, 2, 1, 0, 1, 2, 2]


MNIST_TEST_IMAGES = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "mnist",
                                 "t10k-images-idx3-ubyte.gz")


def first_test_digit():
    """MNIST test image 0 (a 7), or None when ../shared is absent."""
    if not os.path.exists(MNIST_TEST_IMAGES):
        return None
    with gzip.open(MNIST_TEST_IMAGES) as f:
        data = f.read()
    return np.frombuffer(data, np.uint8, offset=16, count=784).reshape(28, 28).astype(np.float64)


def main():
    print("// half blocks, truecolor")
    print(swift_literal(half_blocks(IMAGE, "truecolor")))
    print("// half blocks, 256 colours")
    print(swift_literal(half_blocks(IMAGE, "256")))
    print("// ASCII ramp")
    print(swift_literal(ascii_ramp(IMAGE)))
    counts = np.zeros((3, 3), dtype=int)
    np.add.at(counts, (np.array(TRUE), np.array(PRED)), 1)
    print("// confusion counts")
    print(counts.tolist())
    print("// per-class accuracy", [counts[i, i] / counts[i].sum() for i in range(3)])
    print("// overall accuracy", np.trace(counts) / counts.sum())
    digit = first_test_digit()
    if digit is not None:
        print("// MNIST t10k image 0, plain")
        print(ascii_ramp(digit))


if __name__ == "__main__":
    main()
