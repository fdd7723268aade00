#!/usr/bin/env python3
"""The three-class spiral of deep-learning-from-scratch-2 (dataset/spiral.py), re-implemented
step for step so that its numbers can be checked: the same seed gives the same points.

x: float64 (300, 2), the points; t: one-hot (300, 3), class j for rows 100 j ... 100 j + 99.
Class j's i-th point lies at radius i/100 and angle 4j + 4 i/100 + 0.2 z, z drawn by np.random.randn().
"""
import numpy as np


def load_data(seed=1984):
    np.random.seed(seed)
    N = 100      # points per class
    DIM = 2      # coordinates per point
    CLS_NUM = 3  # classes

    x = np.zeros((N * CLS_NUM, DIM))
    t = np.zeros((N * CLS_NUM, CLS_NUM), dtype=np.int32)
    for j in range(CLS_NUM):
        for i in range(N):
            rate = i / N
            radius = 1.0 * rate
            theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
            ix = N * j + i
            x[ix] = np.array([radius * np.sin(theta), radius * np.cos(theta)]).flatten()
            t[ix, j] = 1
    return x, t


if __name__ == '__main__':
    x, t = load_data()
    print('x', x.shape, x.dtype, 't', t.shape, t.dtype)
    print(x[:3])
