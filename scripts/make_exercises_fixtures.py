#!/usr/bin/env python3
"""Writes Tests/ExercisesTests/Fixtures/exercises.json: numpy's answer to every check case of
every exercise, with the inputs drawn exactly as Sources/Course/Cases/Exercises+*.swift draws
them (np.random.seed(s) then the same calls in the same order). A case whose inputs break the
contract is recorded as {"error": true}.

Layout: {exercise: [case, ...]}, each case {"outputs": [{"name", "shape", "values"}]} in the order
the check names them, values as repr() strings so that every bit survives."""
import json, os
import numpy as np

out = {}


def t(name, a):
    a = np.asarray(a, dtype=np.float64)
    return {"name": name, "shape": list(a.shape), "values": [repr(float(v)) for v in a.ravel()]}


def case(*outputs):
    return {"outputs": list(outputs)}


ERROR = {"error": True}


def draws(seed):
    np.random.seed(seed)
    return np.random


def chapter2():
    """The seeds' Chapter 2 lab: seed(0), 16 image indices, sigmoid x, then the FC layer's x, y, W, b."""
    r = draws(0)
    r.randint(0, 60000, size=16)
    sx = r.randn(5, 2)
    fx = r.randn(5, 2); fy = r.randn(5, 3); fW = r.randn(2, 3); fb = r.randn(3)
    return sx, fx, fy, fW, fb


def sigmoid(x):
    """Both forms from e = exp(-|x|), in (0, 1]: nothing can overflow (numpy would raise)."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(over="raise", invalid="raise"):
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def onehot(y, c):
    return np.eye(c)[y]


# 01-loading, 02-normalising
def idx(b):
    b = bytes(b)
    if len(b) < 4 or b[0] != 0 or b[1] != 0 or b[2] != 8 or b[3] == 0 or len(b) < 4 + 4 * b[3]:
        return ERROR
    return case(t("result", [int.from_bytes(b[4 + 4 * k:8 + 4 * k], "big") for k in range(b[3])]))


out["parseIDXHeader"] = [idx(b) for b in [
    [0, 0, 8, 1, 0, 0, 0xEA, 0x60],
    [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28],
    [0, 0, 8, 3, 0, 0, 0x27, 0x10, 0, 0, 0, 28, 0, 0, 0, 28, 0, 0, 255, 17],
    [0, 0, 8, 2, 1, 2, 3, 4, 0, 0, 0, 1],
    [0x1F, 0x8B, 8, 0, 0, 0, 0, 0],
    [0, 0, 0x0D, 1, 0, 0, 0, 5],
    [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0],
    [0, 0, 8, 0],
    [],
]]

r = draws(1)
out["oneHot"] = [case(t("result", onehot(np.array(y), c))) for y, c in [
    ([0, 9], 10), (r.randint(0, 10, size=20), 10), ([7], 10), ([2, 0, 1, 2], 3)]] + [ERROR, ERROR]

r = draws(2)
out["normalise"] = [case(t("result", np.asarray(p, dtype=np.float64) / 255)) for p in [
    [[0, 51, 255]], r.randint(0, 256, size=(3, 784)), r.randint(0, 256, size=(1, 784)), [[0, 127.5, 255]]]]

r = draws(4)
x = r.randn(5, 4); train = r.randn(6, 3); test = r.randn(2, 3); image = r.rand(1, 784)
out["zeroCentre"] = [case(t("result", x - x.mean())), case(t("result", test - train.mean())),
                     case(t("result", image - 0.1307)), ERROR]

# 03-forward: the activations
sx, fx, fy, fW, fb = chapter2()
r = draws(7)
one = r.randn(1, 10) * 10; three = r.randn(2, 3, 4)
out["sigmoid"] = [case(t("result", sigmoid(v))) for v in [
    sx, [0, 1000, -1000], [-1e308, -710, -40, 0, 40, 710, 1e308], one, three]]

r = draws(9)
out["relu"] = [case(t("result", np.maximum(v, 0))) for v in [
    r.randn(4, 5), np.array([-1000, -1e-300, 0, 1e-300, 1000]), r.randn(1, 10)]]

r = draws(10)
out["softmax"] = [case(t("result", softmax(np.asarray(v, dtype=np.float64)))) for v in [
    r.randn(4, 10) * 3, [0, 1000, -1000], [[1000, 1001, 1002], [-1000, -1001, -1002]], r.randn(1, 10), r.randn(10)]]

# 03-forward: the Linear layer
r = draws(11)
mx = r.rand(8, 784); mW = r.randn(784, 16) * 0.01; mb = r.randn(16)
ox = r.randn(1, 4); oW = r.randn(4, 3); ob = r.randn(3)
qx = r.randn(3, 4); qW = r.randn(4, 4); qb = r.randn(4)
out["linearForward"] = [case(t("result", x @ W + b)) for x, W, b in [
    (fx, fW, fb), (mx, mW, mb), (ox, oW, ob), (qx, qW, qb)]] + [ERROR]

# 05-backward
r = draws(12)
d1 = r.randn(6, 3); x1 = r.randn(6, 5); W1 = r.randn(5, 3)
d2 = r.randn(3, 4); x2 = r.randn(3, 4); W2 = r.randn(4, 4)
d3 = r.randn(1, 3); x3 = r.randn(1, 2); W3 = r.randn(2, 3)
out["linearBackward"] = [case(t("dW", x.T @ d), t("db", d.sum(0)), t("dx", d @ W.T)) for d, x, W in [
    (fy, fx, fW), (d1, x1, W1), (d2, x2, W2), (d3, x3, W3)]]

r = draws(13)
x = r.randn(4, 6); d = r.randn(4, 6)
zd = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]); zx = np.array([[-1, 0, 2], [0, 3, -0.5]])
od = r.randn(1, 5); ox = r.randn(1, 5)
out["reluBackward"] = [case(t("result", d * (x > 0))) for d, x in [(d, x), (zd, zx), (od, ox)]]

r = draws(0)
up = r.randn(3); act = r.randn(3)
r = draws(14)
od = r.randn(1, 10); oo = r.rand(1, 10)
out["sigmoidBackward"] = [case(t("result", d * (1 - o) * o)) for d, o in [
    (up, act), (np.ones((5, 2)), sigmoid(sx)), (np.array([1, 1, 1.0]), np.array([0, 1, 0.5])), (od, oo)]]

# 04-loss
r = draws(15)
ce = [(r.randn(5, 10), r.randint(0, 10, size=5))]
ce.append((r.randn(2, 10), np.array([0, 9])))
ce.append((np.array([[0, 1000, -1000], [0, 1000, -1000]], dtype=np.float64), np.array([1, 2])))
ce.append((np.zeros((3, 10)), np.array([0, 5, 9])))
ce.append((r.randn(1, 10), np.array([4])))


def log_softmax(s):
    z = s - s.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


out["softmaxCrossEntropy"] = [case(t("loss", -log_softmax(s)[np.arange(len(y)), y].mean())) for s, y in ce]
out["softmaxCrossEntropyGradient"] = [case(t("result", (softmax(s) - onehot(y, s.shape[1])) / len(y))) for s, y in ce]

r = draws(16)
y = r.rand(4, 10); tt = onehot(r.randint(0, 10, size=4), 10)
y8 = r.rand(8, 3); t8 = onehot(r.randint(0, 3, size=8), 3)
y1 = r.rand(1, 10); t1 = onehot(np.array([3]), 10)
se = [(y, tt), (y8, t8), (tt, tt), (y1, t1)]
out["mse"] = [case(t("loss", np.mean((a - b) ** 2))) for a, b in se] + [ERROR]
out["mseGradient"] = [case(t("result", 2 * (a - b) / a.size)) for a, b in se]

# 06-training
r = draws(18)
W = r.randn(3, 4); dW = r.randn(3, 4); b = r.randn(4); db = r.randn(4)
out["sgdStep"] = [case(t("result", W - 0.1 * dW)), case(t("result", b - 0.5 * db)), case(t("result", W)), ERROR]


def batches(count, size, seed, epochs=1):
    r = draws(seed)
    outputs = []
    for e in range(epochs):
        order = r.permutation(count)
        parts = [order[i:i + size] for i in range(0, count, size)]
        prefix = "" if epochs == 1 else "epoch %d " % (e + 1)
        outputs += [t(prefix + "batch sizes", [len(p) for p in parts]), t(prefix + "indices", order)]
    return case(*outputs)


out["miniBatches"] = [batches(10, 4, 0), batches(12, 3, 1), batches(5, 1, 2), batches(3, 128, 3),
                      batches(6, 4, 4, epochs=2), batches(1000, 128, 5), ERROR]

r = draws(19)
scores = r.randn(20, 10); truth = r.randint(0, 10, size=20)
right_labels = r.randint(0, 10, size=6)
right = onehot(right_labels, 10) + r.rand(6, 10) * 0.5
single = r.randn(1, 10)
wrong = np.array([(single.argmax() + 1) % 10])
ties = np.array([[1, 1, 0], [0, 2, 2], [5, 5, 5.0]])
edges = np.array([[3, 1, 0, 0, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 0, 0, 1, 2.0]])
out["accuracy"] = [case(t("accuracy", np.mean(s.argmax(-1) == y))) for s, y in [
    (scores, truth), (right, right_labels), (ties, np.array([0, 1, 0])), (edges, np.array([0, 9])), (single, wrong)]]

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "ExercisesTests", "Fixtures", "exercises.json")
with open(path, "w") as f:
    json.dump(out, f, indent=0, sort_keys=True)
print("wrote", os.path.normpath(path), sum(len(v) for v in out.values()), "cases")
