#!/usr/bin/env python3
"""Reference values for Tests/NetworkTests/OptimizerTests.swift: three steps of SGD
with momentum and of Adam (with and without weight decay) on a 2x3 weight, in
numpy float64, with the update rules written as the textbooks write them.
Prints Swift array literals to paste into the test."""
import numpy as np

W0 = np.array([[0.5, -1.0, 2.0], [0.0, 0.25, -0.75]])
grads = [np.array([[0.1, -0.2, 0.3], [0.0, 0.5, -0.4]]),
         np.array([[-0.3, 0.1, 0.2], [0.6, -0.5, 0.05]]),
         np.array([[0.2, 0.2, -0.1], [-0.1, 0.3, 0.25]])]

def momentum(lr, mu, wd):
    W, v = W0.copy(), np.zeros_like(W0)
    for g in grads:
        g = g + wd * W
        v = mu * v - lr * g
        W = W + v
    return W

def adam(lr, b1, b2, eps, wd):
    W, m, v = W0.copy(), np.zeros_like(W0), np.zeros_like(W0)
    for t, g in enumerate(grads, start=1):
        g = g + wd * W
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        W = W - lr * m_hat / (np.sqrt(v_hat) + eps)
    return W

def literal(a):
    return "[" + ", ".join(repr(float(x)) for x in a.ravel()) + "]"

print("momentum lr 0.1 mu 0.9:", literal(momentum(0.1, 0.9, 0.0)))
print("adam lr 0.01:", literal(adam(0.01, 0.9, 0.999, 1e-8, 0.0)))
print("adam lr 0.01 wd 0.1:", literal(adam(0.01, 0.9, 0.999, 1e-8, 0.1)))
