#!/usr/bin/env python3
"""scikit-learn's MLPClassifier on the bundled 8x8 digits, with the settings of the DNN lab on 8x8 digits.

usage: scripts/sklearn_digits_baseline.py [--seeds N]
       (needs scikit-learn: pip install --target /tmp/skl scikit-learn, then PYTHONPATH=/tmp/skl)

The lab compares its own network with

    MLPClassifier(hidden_layer_sizes=(80, 70), activation='logistic', solver='sgd',
                  alpha=0.01, learning_rate_init=0.01, max_iter=1000)

on scikit-learn's digits split into 1,437 training and 360 test images, and reports
0.9667 (348 of 360) for it beside 0.9472 (341 of 360) for its own network. It does not
show its split, its scaling or its random seeds. This script uses what the lesson uses:
data/digits/ as mlplab loads it (the split train_test_split(test_size=0.2,
random_state=0) gives, which the script checks against scikit-learn), the pixels divided
by 16 so that they lie in [0, 1], and random_state 0, 1, ... for the network's initial
weights and batch order. It prints the test accuracy of each run, then their mean and
standard deviation; with --raw also the same on the unscaled pixels 0...16.

scikit-learn is needed only here, to measure a figure the lesson quotes; mlplab never uses it.
"""
import argparse
import gzip
import os
import struct
import time
import warnings

import numpy as np
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIGITS = os.path.join(ROOT, 'data', 'digits')


def read_idx(path):
    """The uint8 array of a gzip-compressed IDX file."""
    with gzip.open(path, 'rb') as f:
        data = f.read()
    rank = data[3]
    dims = struct.unpack(f'>{rank}I', data[4:4 + 4 * rank])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * rank).reshape(dims)


def load_split(prefix):
    """(pixels int64 (N, 64), labels int64 (N,)), as load("digits", split) gives them."""
    images = read_idx(os.path.join(DIGITS, f'{prefix}-images-idx3-ubyte.gz'))
    labels = read_idx(os.path.join(DIGITS, f'{prefix}-labels-idx1-ubyte.gz'))
    return images.reshape(len(images), -1).astype(np.int64), labels.astype(np.int64)


def check_the_split(x_train, y_train, x_test, y_test):
    """The bundled files hold exactly train_test_split(test_size=0.2, random_state=0) of load_digits()."""
    digits = load_digits()
    expected = train_test_split(digits.data, digits.target, test_size=0.2, random_state=0)
    for name, ours, theirs in zip(('x_train', 'x_test', 'y_train', 'y_test'),
                                  (x_train, x_test, y_train, y_test), expected):
        if not np.array_equal(ours, theirs):
            raise SystemExit(f'data/digits/ differs from scikit-learn\'s split in {name}')


def accuracy_of_the_lab_settings(x_train, y_train, x_test, y_test, random_state):
    mlp = MLPClassifier(hidden_layer_sizes=(80, 70), activation='logistic', solver='sgd',
                        alpha=0.01, learning_rate_init=0.01, max_iter=1000, random_state=random_state)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', ConvergenceWarning)   # the lab's max_iter=1000 stops before tol is met
        mlp.fit(x_train, y_train)
    correct = int((mlp.predict(x_test) == y_test).sum())
    return correct, mlp.n_iter_


def report(title, x_train, y_train, x_test, y_test, seeds):
    print(title)
    accuracies = []
    for random_state in range(seeds):
        started = time.time()
        correct, iterations = accuracy_of_the_lab_settings(x_train, y_train, x_test, y_test, random_state)
        accuracies.append(correct / len(y_test))
        print(f'  random_state {random_state}: {correct}/{len(y_test)} = {correct / len(y_test):.4f}'
              f'  ({iterations} epochs, {time.time() - started:.1f} s)')
    print(f'  mean {np.mean(accuracies):.4f}, std {np.std(accuracies):.4f} over {seeds} runs')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seeds', type=int, default=5, help='runs with random_state 0, 1, ... (default 5)')
    parser.add_argument('--raw', action='store_true', help='also train on the unscaled pixels 0...16')
    args = parser.parse_args()
    x_train, y_train = load_split('train')
    x_test, y_test = load_split('t10k')
    check_the_split(x_train, y_train, x_test, y_test)
    print(f'data/digits: {len(y_train)} training and {len(y_test)} test images, '
          'the split of train_test_split(test_size=0.2, random_state=0)')
    report('MLPClassifier((80, 70), logistic, sgd, alpha=0.01, learning_rate_init=0.01, max_iter=1000), pixels / 16:',
           x_train / 16, y_train, x_test / 16, y_test, args.seeds)
    if args.raw:
        report('the same on the raw pixels 0...16:', x_train, y_train, x_test, y_test, args.seeds)


if __name__ == '__main__':
    main()
