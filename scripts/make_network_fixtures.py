#!/usr/bin/env python3
"""Writes Tests/NetworkTests/Fixtures/network.json: numpy's values for mlplab's layers, losses and a small MLP
trained by SGD, written the way the seeds write them (deep-learning-from-scratch style layers)."""
import json, os, numpy as np

out = {}
def put(name, a):
    a = np.asarray(a, dtype=np.float64)
    out[name] = {"shape": list(a.shape), "values": [repr(float(v)) for v in a.ravel()]}

rs = np.random.RandomState(3)
x = rs.randn(4, 5); W = rs.randn(5, 3); b = rs.randn(3); dout = rs.randn(4, 3)
put("linear.x", x); put("linear.W", W); put("linear.b", b); put("linear.dout", dout)
put("linear.out", x @ W + b); put("linear.dW", x.T @ dout); put("linear.db", dout.sum(0)); put("linear.dx", dout @ W.T)

h = rs.randn(4, 3)
put("act.x", h); put("act.dout", dout)
put("relu.out", np.maximum(h, 0)); put("relu.dx", dout * (h > 0))
s = 1 / (1 + np.exp(-h)); put("sigmoid.out", s); put("sigmoid.dx", dout * (1 - s) * s)
t = np.tanh(h); put("tanh.out", t); put("tanh.dx", dout * (1 - t * t))
e = np.exp(h - h.max(1, keepdims=True)); p = e / e.sum(1, keepdims=True)
put("softmax.out", p); put("softmax.dx", p * (dout - (dout * p).sum(1, keepdims=True)))
lp = np.log(p); put("logsoftmax.out", lp); put("logsoftmax.dx", dout - p * dout.sum(1, keepdims=True))

labels = np.array([2, 0, 1, 1]); onehot = np.eye(3)[labels]
put("loss.scores", h); put("loss.labels", labels)
put("softmaxce.loss", -np.log(p[np.arange(4), labels]).mean()); put("softmaxce.grad", (p - onehot) / 4)
put("mse.loss", np.mean((onehot - s) ** 2)); put("mse.grad", (s - onehot) * 2 / s.size)
put("sigmoidce.loss", -np.sum(onehot * np.log(s + 1e-7) + (1 - onehot) * np.log(1 - s + 1e-7)) / 4)
put("sigmoidce.grad", (s - onehot) / (4 * (1 - s) * s + 1e-7))
put("nll.loss", -lp[np.arange(4), labels].mean()); put("nll.grad", -onehot / 4)

def numeric_gradient(f, a, eps=1e-6):
    """(f(a + eps) - f(a - eps)) / 2eps for every element of a, the others held."""
    grad = np.zeros_like(a)
    for i in np.ndindex(a.shape):
        kept = a[i]
        a[i] = kept + eps; plus = f()
        a[i] = kept - eps; minus = f()
        a[i] = kept
        grad[i] = (plus - minus) / (2 * eps)
    return grad

# The gradient of the MSE a network reports (the mean over all N·C elements), taken numerically.
s_nudged = s.copy()
put("mse.numeric_grad", numeric_gradient(lambda: np.mean((onehot - s_nudged) ** 2), s_nudged))

# A [4, 5, 3] sigmoid network with sigmoid outputs and the MSE loss: the numerical gradient
# of its reported loss with respect to each parameter.
r = np.random.RandomState(7)
mW1, mb1, mW2, mb2 = r.randn(4, 5), r.randn(5), r.randn(5, 3), r.randn(3)
mX = r.randn(6, 4); mY = np.array([0, 2, 1, 1, 0, 2])
sig = lambda z: 1 / (1 + np.exp(-z))
mse_loss = lambda: np.mean((sig(sig(mX @ mW1 + mb1) @ mW2 + mb2) - np.eye(3)[mY]) ** 2)
for name, a in [("W1", mW1), ("b1", mb1), ("W2", mW2), ("b2", mb2)]:
    put(f"msenet.{name}", a)
for name, a in [("W1", mW1), ("b1", mb1), ("W2", mW2), ("b2", mb2)]:
    put(f"msenet.numeric_d{name}", numeric_gradient(mse_loss, a))
put("msenet.X", mX); put("msenet.Y", mY); put("msenet.loss", mse_loss())

# A [4, 5, 3] ReLU MLP, He initialisation drawn from seed 0 (W1, b1=0, W2, b2=0), trained 5 SGD steps
r = np.random.RandomState(0)
W1 = r.randn(4, 5) * np.sqrt(2 / 4); b1 = np.zeros(5)
W2 = r.randn(5, 3) * np.sqrt(2 / 5); b2 = np.zeros(3)
X = r.randn(6, 4); Y = r.randint(0, 3, size=6)
put("mlp.X", X); put("mlp.Y", Y)
losses = []
for step in range(5):
    z1 = X @ W1 + b1; a1 = np.maximum(z1, 0); z2 = a1 @ W2 + b2
    e = np.exp(z2 - z2.max(1, keepdims=True)); P = e / e.sum(1, keepdims=True)
    losses.append(-np.log(P[np.arange(6), Y]).mean())
    g = (P - np.eye(3)[Y]) / 6
    dW2 = a1.T @ g; db2 = g.sum(0); da1 = g @ W2.T; dz1 = da1 * (z1 > 0); dW1 = X.T @ dz1; db1 = dz1.sum(0)
    if step == 0:
        put("mlp.dW1", dW1); put("mlp.db1", db1); put("mlp.dW2", dW2); put("mlp.db2", db2); put("mlp.dx", dz1 @ W1.T)
    W1 -= 0.5 * dW1; b1 -= 0.5 * db1; W2 -= 0.5 * dW2; b2 -= 0.5 * db2
put("mlp.losses", losses); put("mlp.W1.final", W1)

with open(os.path.join(os.path.dirname(__file__), "..", "Tests", "NetworkTests", "Fixtures", "network.json"), "w") as f:
    json.dump(out, f, indent=0)
