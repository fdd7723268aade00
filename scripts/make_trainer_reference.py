#!/usr/bin/env python3
"""Reference values for the Trainer's eval_interval and max_grad (Tests/NetworkTests/TrainerOptionsTests.swift),
in numpy float64, written as the Trainer of 'Deep Learning from Scratch 2' (common/trainer.py, common/util.py)
writes them. Prints Swift array literals to paste into the test.

1. clip_grads on two fixed gradients: the global L2 norm, and the gradients after clipping to 1.0.
2. The spiral (scripts/spiral.py), a 2-10-3 network with sigmoid hidden units, 0.01 * randn weights and zero
   biases drawn after np.random.seed(0) (W1, then W2), softmax cross-entropy, plain SGD with lr 1.0, batches of 30
   from a fresh permutation each epoch, 2 epochs: the mean loss of every 4 iterations, counted across the epoch boundary (the
   reports fall after the epochs' iterations 4, 8, 2, 6 and 10), once without clipping and once with max_grad 0.05.
"""
import numpy as np

import spiral


def clip_grads(grads, max_norm):
    """common/util.py's clip_grads: scales every gradient in place when their global norm exceeds max_norm."""
    total_norm = 0
    for grad in grads:
        total_norm += np.sum(grad ** 2)
    total_norm = np.sqrt(total_norm)
    rate = max_norm / (total_norm + 1e-6)
    if rate < 1:
        for grad in grads:
            grad *= rate
    return total_norm


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def interval_losses(max_grad, epochs=2, batch_size=30, lr=1.0, eval_interval=4):
    x, t = spiral.load_data(seed=1984)
    np.random.seed(0)
    W1, b1 = 0.01 * np.random.randn(2, 10), np.zeros(10)
    W2, b2 = 0.01 * np.random.randn(10, 3), np.zeros(3)
    params = [W1, b1, W2, b2]
    total_loss, loss_count, averages = 0.0, 0, []
    iterations = len(x) // batch_size
    for epoch in range(epochs):
        idx = np.random.permutation(len(x))
        for iters in range(iterations):
            rows = idx[iters * batch_size:(iters + 1) * batch_size]
            xb, tb = x[rows], t[rows]
            h = sigmoid(xb @ W1 + b1)
            s = h @ W2 + b2
            e = np.exp(s - s.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            loss = -np.sum(tb * np.log(p)) / batch_size
            ds = (p - tb) / batch_size
            dW2, db2 = h.T @ ds, ds.sum(axis=0)
            dh = ds @ W2.T * h * (1 - h)
            dW1, db1 = xb.T @ dh, dh.sum(axis=0)
            grads = [dW1, db1, dW2, db2]
            if max_grad is not None:
                clip_grads(grads, max_grad)
            for param, grad in zip(params, grads):
                param -= lr * grad
            total_loss += loss
            loss_count += 1
            if loss_count == eval_interval:
                averages.append(total_loss / loss_count)
                total_loss, loss_count = 0.0, 0
    return averages


def literal(values):
    return '[' + ', '.join(repr(float(v)) for v in np.ravel(values)) + ']'


def main():
    grads = [np.array([[0.3, -0.4], [1.2, 0.0]]), np.array([0.5, -0.6])]
    norm = clip_grads(grads, 1.0)
    print('clip: norm', repr(float(norm)), 'W', literal(grads[0]), 'b', literal(grads[1]))
    print('interval losses without clipping:', literal(interval_losses(None)))
    print('interval losses with max_grad 0.05:', literal(interval_losses(0.05)))


if __name__ == '__main__':
    main()
