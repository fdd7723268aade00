#!/usr/bin/env python3
"""The seeds' pipeline by hand in numpy, on the bundled sample: the reference values for
Tests/InterpreterTests/DeepLearningBuiltinsTests.swift (testTheSeedsPipelineByHandMatchesNumpy)."""
import gzip, os, numpy as np
root = os.path.join(os.path.dirname(__file__), "..", "data", "sample")
with gzip.open(os.path.join(root, "train-images-idx3-ubyte.gz")) as f:
    X = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.int64)
with gzip.open(os.path.join(root, "train-labels-idx1-ubyte.gz")) as f:
    y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
X = X[0:500] / 255; y = y[0:500]; T = np.eye(10)[y]
np.random.seed(0)
W1 = np.random.randn(784, 32) * 0.01; b1 = np.zeros(32)
W2 = np.random.randn(32, 10) * 0.01; b2 = np.zeros(10)
L = np.zeros(100)
for i in range(100):
    h = X @ W1 + b1; r = np.maximum(h, 0); s = r @ W2 + b2
    e = np.exp(s - s.max(axis=1, keepdims=True)); p = e / e.sum(axis=1, keepdims=True)
    L[i] = -np.sum(T * np.log(p)) / 500
    g = (p - T) / 500
    dW2 = r.T @ g; db2 = g.sum(axis=0); dr = g @ W2.T; dr[h <= 0] = 0
    dW1 = X.T @ dr; db1 = dr.sum(axis=0)
    W1 -= 0.5 * dW1; b1 -= 0.5 * db1; W2 -= 0.5 * dW2; b2 -= 0.5 * db2
for i in (0, 1, 10, 50, 99): print(i, repr(L[i]))
print("W2[0, 0:3]", [repr(v) for v in W2[0, 0:3]])
