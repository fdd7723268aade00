#!/usr/bin/env python3
"""Builds the bundled 8x8 digits, data/digits/, from scikit-learn's digits.csv.gz.

usage: scripts/make_digits.py CSV_GZ [OUT_DIR]
       (OUT_DIR defaults to data/digits in the repository)

CSV_GZ is the file scikit-learn ships as sklearn/datasets/data/digits.csv.gz (what
sklearn.datasets.load_digits reads): 1,797 rows, 64 pixel values (8 x 8, row by row,
0...16) then the label (0...9). To get it without installing scikit-learn into your
Python: `pip download --no-deps scikit-learn` and unzip the wheel, or
`pip install --target /tmp/skl scikit-learn`.

Split: the one scikit-learn's train_test_split(X, y, test_size=0.2, random_state=0)
makes: numpy's legacy RandomState(0).permutation(1797), its first 360 rows the test
set and the other 1,437 the training set, each in the permutation's order. The DNN
lab on 8x8 digits tests on 360 images the same way (its 0.94722 is 341/360).

The four files are canonical IDX (images (N, 8, 8), labels (N,)) gzip-compressed with
mtime 0 and no stored name, as scripts/make_sample.py writes the MNIST sample.
"""
import gzip
import os
import sys

import numpy as np

from make_sample import write_splits

SIDE = 8
CLASSES = 10
COUNT = 1797
TEST_COUNT = 360
SPLIT_SEED = 0


def read_csv(path):
    """(images uint8 (1797, 8, 8), labels uint8 (1797,)), after checking the layout."""
    table = np.loadtxt(gzip.open(path, 'rt'), delimiter=',', dtype=np.int64)
    if table.shape != (COUNT, SIDE * SIDE + 1):
        sys.exit(f'{path}: expected {COUNT} rows of 65 columns (64 pixels, then the label), got {table.shape}')
    pixels, labels = table[:, :-1], table[:, -1]
    if pixels.min() < 0 or pixels.max() > 16:
        sys.exit(f'{path}: pixel values outside 0...16')
    if labels.min() < 0 or labels.max() >= CLASSES:
        sys.exit(f'{path}: labels outside 0...9')
    return pixels.astype(np.uint8).reshape(-1, SIDE, SIDE), labels.astype(np.uint8)


def split_rows():
    """Row indices of the train and test splits, as train_test_split(test_size=0.2, random_state=0) gives them."""
    order = np.random.RandomState(SPLIT_SEED).permutation(COUNT)
    return order[TEST_COUNT:], order[:TEST_COUNT]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'data', 'digits')
    images, labels = read_csv(sys.argv[1])
    write_splits(out, images, labels, *split_rows())


if __name__ == '__main__':
    main()
