#!/usr/bin/env python3
"""Runs the lessons' cells in Python with numpy and compares what numpy prints
with the outputs the lessons state.

The REPL language is close enough to Python and numpy that most cells run
unchanged, given the small prelude below (the REPL's builtins written in
numpy, following the course material's formulas). This is the independent
check of the numbers in the lessons: `mlplab run --verify` proves that mlplab
prints them, this script proves numpy prints them too.

A cell that uses something the prelude lacks (data loading, networks,
pictures) raises NameError and is counted as skipped, along with the later
inputs of that lesson that need its variables.

    python3 scripts/check_lessons_numpy.py [--show] [lessons/en/03-forward.md ...]

--show prints every input with what numpy printed for it.

Exit status 1 when any output differs from numpy's.
"""
import glob
import gzip
import os
import re
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stable_sigmoid(x):
    """The builtin sigmoid: both forms from e = exp(-|x|), which lies in (0, 1], so
    nothing overflows (numpy is told to raise if anything did)."""
    x = np.asarray(x, dtype=float) if not isinstance(x, np.ndarray) else x
    with np.errstate(over="raise", invalid="raise"):
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def softmax(x, axis=-1):
    x = np.asarray(x)
    z = x - x.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def onehot(labels, classes):
    labels = np.asarray(labels)
    out = np.zeros((labels.shape[0], classes))
    out[np.arange(labels.shape[0]), labels] = 1
    return out


class Linear:
    """out = x @ W + b, with the initialisations of the course: W drawn first, then b."""

    def __init__(self, inputs, outputs, init="he"):
        if init == "randn":
            self.W, self.b = np.random.randn(inputs, outputs), np.random.randn(outputs)
        else:
            scale = {"he": np.sqrt(2 / inputs), "xavier": 1 / np.sqrt(inputs), "small": 0.01}[init]
            self.W, self.b = np.random.randn(inputs, outputs) * scale, np.zeros(outputs)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW, self.db = self.x.T @ dout, dout.sum(axis=0)
        return dout @ self.W.T


class Activation:
    def __init__(self, kind):
        self.kind = kind

    def forward(self, x):
        self.x = x
        self.out = np.maximum(0, x) if self.kind == "relu" else stable_sigmoid(x)
        return self.out

    def backward(self, dout):
        return dout * (self.x > 0) if self.kind == "relu" else dout * (1 - self.out) * self.out


class LogSoftmax:
    def forward(self, x):
        z = x - x.max(axis=1, keepdims=True)
        return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class NLLLoss:
    def forward(self, logp, labels):
        return float(-logp[np.arange(len(labels)), labels].mean())


class SoftmaxCrossEntropy:
    def forward(self, scores, labels):
        return NLLLoss().forward(LogSoftmax().forward(scores), labels)


def targets(y, classes):
    return y if y.ndim == 2 else onehot(y, classes)


class MLP:
    """The course's network: Linear, activation, …, Linear (and a sigmoid for the MSE and sigmoid-CE losses)."""

    def __init__(self, sizes, activation="relu", loss="softmax-ce", init="he", dtype="float32"):
        if dtype != "float64":
            raise NameError("float32 networks are not checked against numpy")
        self.layers, self.loss_kind = [], loss
        for n, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.layers.append(Linear(a, b, init))
            if n < len(sizes) - 2:
                self.layers.append(Activation(activation))
        if loss in ("mse", "sigmoid-ce"):
            self.layers.append(Activation("sigmoid"))
        self.linear = [layer for layer in self.layers if isinstance(layer, Linear)]
        for n, layer in enumerate(self.linear, 1):
            setattr(self, f"W{n}", layer.W)
            setattr(self, f"b{n}", layer.b)

    @property
    def params(self):
        """The parameter arrays in order, W1, b1, W2, b2, … (the book's TwoLayerNet.params)."""
        return [p for layer in self.linear for p in (layer.W, layer.b)]

    @property
    def grads(self):
        return [g for layer in self.linear for g in (layer.dW, layer.db)]

    def __repr__(self):
        raise NameError("the network summary is mlplab's own text")

    def __getattr__(self, name):
        if name.startswith("dW") or name.startswith("db"):
            layer = self.linear[int(name[2:]) - 1]
            return layer.dW if name[1] == "W" else layer.db
        raise AttributeError(name)

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def forward(self, x, y):
        out = self.predict(x)
        t = targets(y, out.shape[1])
        n = out.shape[0]
        if self.loss_kind == "softmax-ce":
            logp = LogSoftmax().forward(out)  # stable, and never log(0), as mlplab computes it
            self.p = np.exp(logp)
            self.dout = (self.p - t) / n
            return float(-np.sum(t * logp) / n)
        if self.loss_kind == "mse":
            self.dout = 2 * (out - t) / out.size
            return float(np.mean((out - t) ** 2))
        if self.loss_kind == "sigmoid-ce":
            self.dout = (out - t) / (n * (1 - out) * out + 1e-7)
            return float(-np.sum(t * np.log(out + 1e-7) + (1 - t) * np.log(1 - out + 1e-7)) / n)
        raise NameError(self.loss_kind)

    def backward(self):
        d = self.dout
        for layer in reversed(self.layers):
            d = layer.backward(d)
        return d

    def step(self, lr):
        for layer in self.linear:
            layer.W -= lr * layer.dW
            layer.b -= lr * layer.db


def accuracy(a, b, c=None):
    scores, labels = (a.predict(b), c) if isinstance(a, MLP) else (a, b)
    labels = labels.argmax(axis=1) if labels.ndim == 2 else labels
    return float(np.mean(scores.argmax(axis=1) == labels))


class History:
    def __init__(self):
        self.train_loss, self.train_acc, self.test_loss, self.test_acc = [], [], [], []
        self.step_loss, self.interval_loss = [], []


class SGD:
    """The optimizer of 'Deep Learning from Scratch 2' (common/optimizer.py)."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for i in range(len(params)):
            params[i] -= self.lr * grads[i]


def clip_grads(grads, max_norm):
    """common/util.py's clip_grads: every gradient scaled in place when their global norm exceeds max_norm."""
    total_norm = np.sqrt(sum(np.sum(grad ** 2) for grad in grads))
    rate = max_norm / (total_norm + 1e-6)
    if rate < 1:
        for grad in grads:
            grad *= rate


def fit(net, x, y, epochs=5, lr=0.1, batch_size=128, optimizer="sgd", sampling="shuffle", test=None,
        eval_interval=None, max_grad=None):
    """mlplab's trainer: per epoch a permutation (or draws with replacement), one SGD step per batch, then
    evaluation; with eval_interval, the mean loss of every eval_interval steps (counted across epochs) in
    place of the epoch lines; with max_grad, the gradients clipped to that norm before each step."""
    if optimizer != "sgd":
        raise NameError(optimizer)
    if x.max() > 1.5:
        print(f"note: the inputs go up to {float(x.max())}; scaled pixels (X / 255) train far better")
    n = x.shape[0]
    batch = min(batch_size, n)
    steps = (n + batch - 1) // batch
    history, first, interval = History(), None, []
    for epoch in range(1, epochs + 1):
        order = np.random.permutation(n) if sampling == "shuffle" else None
        for step in range(steps):
            index = order[step * batch:(step + 1) * batch] if order is not None else np.random.choice(n, batch)
            loss = net.forward(x[index], y[index])
            first = loss if first is None else first
            if not np.isfinite(loss) or loss > 100 * max(first, 1e-3):
                raise ArithmeticError("training diverged")
            net.backward()
            if max_grad is not None:
                clip_grads(net.grads, max_grad)
            net.step(lr)
            history.step_loss.append(loss)
            interval.append(loss)
            if eval_interval is not None and len(interval) == eval_interval:
                history.interval_loss.append(sum(interval) / eval_interval)
                print(f"| epoch {epoch} | iter {step + 1} / {steps} | loss {history.interval_loss[-1]:.2f}")
                interval = []
        line = f"[Epoch {epoch}/{epochs}] "
        history.train_loss.append(net.forward(x, y))
        history.train_acc.append(accuracy(net, x, y))
        line += f"Training Loss = {history.train_loss[-1]:.4f} / Training Acc = {history.train_acc[-1] * 100:.2f}%"
        if test is not None:
            history.test_loss.append(net.forward(*test))
            history.test_acc.append(accuracy(net, *test))
            line += f" / Test Loss = {history.test_loss[-1]:.4f} / Test Acc = {history.test_acc[-1] * 100:.2f}%"
        if eval_interval is None:
            print(line)
    for name in ("train_loss", "train_acc", "test_loss", "test_acc", "step_loss", "interval_loss"):
        setattr(history, name, np.array(getattr(history, name)))
    return history


def spiral():
    """deep-learning-from-scratch-2's spiral (scripts/spiral.py), which reseeds numpy's generator itself."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from spiral import load_data
    state = np.random.get_state()
    x, t = load_data()
    np.random.set_state(state)
    return x, t.astype(np.float64)


def shape_args(shape):
    return shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape


IDX_FILES = {
    "train-images": "train-images-idx3-ubyte.gz", "train-labels": "train-labels-idx1-ubyte.gz",
    "test-images": "t10k-images-idx3-ubyte.gz", "test-labels": "t10k-labels-idx1-ubyte.gz",
}


def idx_bytes(name, file):
    """The decompressed bytes of one of a data set's four IDX files (only the bundled ones here)."""
    if name not in ("sample", "digits"):
        raise NameError(name)
    with gzip.open(os.path.join(ROOT, "data", name, IDX_FILES[file])) as f:
        return f.read()


def load_idx(name, file):
    """The IDX file as an int64 array: header checked, dimensions read big-endian."""
    data = idx_bytes(name, file)
    assert data[0] == 0 and data[1] == 0 and data[2] == 8, "not an unsigned-byte IDX file"
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    offset = 4 + 4 * ndim
    return np.frombuffer(data, np.uint8, offset=offset).reshape(dims).astype(np.int64)


def load(name="sample", split="train"):
    if name == "spiral":
        return spiral()
    images = load_idx(name, f"{split}-images")
    return images.reshape(images.shape[0], -1), load_idx(name, f"{split}-labels")


def prelude():
    np.seterr(all="ignore")
    names = {
        "array": np.array, "arange": np.arange, "zeros": lambda *s, dtype=float: np.zeros(shape_args(s), dtype=dtype),
        "ones": lambda *s, dtype=float: np.ones(shape_args(s), dtype=dtype), "zeros_like": np.zeros_like,
        "ones_like": np.ones_like, "full": np.full, "concatenate": np.concatenate, "reshape": np.reshape,
        "transpose": np.transpose, "copy": np.copy, "where": np.where, "exp": np.exp, "log": np.log,
        "sqrt": np.sqrt, "abs": np.abs, "norm": np.linalg.norm, "histogram": np.histogram, "tanh": np.tanh, "square": np.square, "maximum": np.maximum,
        "minimum": np.minimum, "clip": np.clip, "matmul": np.matmul, "dot": np.dot, "allclose": np.allclose,
        "array_equal": np.array_equal, "sum": np.sum, "mean": np.mean, "std": np.std, "max": np.max, "min": np.min,
        "argmax": np.argmax, "argmin": np.argmin, "seed": np.random.seed, "randn": np.random.randn,
        "rand": np.random.rand, "randint": np.random.randint, "permutation": np.random.permutation,
        "choice": np.random.choice, "sigmoid": stable_sigmoid, "relu": lambda x: np.maximum(0, x),
        "softmax": softmax, "onehot": onehot, "float32": np.float32, "float64": np.float64, "int64": np.int64,
        "np": np, "pi": np.pi, "inf": np.inf, "nan": np.nan, "newaxis": np.newaxis, "repeat": np.repeat,
        "bincount": np.bincount, "linspace": np.linspace,
        "read_bytes": lambda name, file, count: np.frombuffer(idx_bytes(name, file)[:count], np.uint8).astype(np.int64),
        "load_idx": load_idx, "load": load, "normalise": lambda x: x / 255,
        "zero_centre": lambda x, mean: x - mean, "standardise": lambda x, mean, std: (x - mean) / std,
        "cross_entropy": lambda scores, y: float(-(scores - scores.max(axis=1, keepdims=True) - np.log(np.exp(
            scores - scores.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)))[np.arange(len(y)), y].mean()),
        "mse": lambda y, t: float(np.mean((np.asarray(y) - np.asarray(t)) ** 2)),
        "Linear": Linear, "LogSoftmax": LogSoftmax, "NLLLoss": NLLLoss, "SoftmaxCrossEntropy": SoftmaxCrossEntropy,
        "mlp": MLP, "fit": fit, "SGD": SGD, "accuracy": accuracy, "predict": lambda net, x: net.predict(x), "forward": lambda net, x, y: net.forward(x, y),
        "range": range, "len": len, "print": print,
    }
    return names


def display(value):
    """What the REPL echoes for an expression's value: its repr, as Python's REPL shows it."""
    if value is not None:
        print(repr(value))


def python_source(line, indent=""):
    """The REPL's one-line loops as Python: in `for i in a: s1; for j in b: s2; s3`
    the inner loop's body is the rest of the line."""
    match = re.match(r"for (\w+) in (.+?): (.*)$", line)
    if not match:
        return indent + line
    lines = [f"{indent}for {match.group(1)} in {match.group(2)}:"]
    rest = match.group(3)
    while rest:
        if rest.startswith("for "):
            lines.append(python_source(rest, indent + "    "))
            break
        statement, _, rest = rest.partition("; ")
        lines.append(indent + "    " + statement)
    return "\n".join(lines)


def parse(path):
    """The lesson's examples: (line, input, expected output lines)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    examples, in_cell, fence = [], False, None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if fence is None and (stripped.startswith("```") or stripped.startswith("~~~")):
            fence = stripped[:3]
            in_cell = None
            continue
        if fence is not None and stripped.startswith(fence) and set(stripped) == {fence[0]}:
            fence, in_cell = None, False
            continue
        if fence is None:
            continue
        if in_cell is None:
            if not stripped:
                continue
            in_cell = line.startswith(">>>")
        if not in_cell:
            continue
        if line.startswith(">>> "):
            examples.append([number, [line[4:]], []])
        elif line.startswith("... ") and examples and not examples[-1][2]:
            examples[-1][1].append(line[4:])
        elif examples:
            examples[-1][2].append(line)
    for example in examples:
        while example[2] and not example[2][-1].strip():
            example[2].pop()
    return examples


NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-+]?(?:nan|inf|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)(?![A-Za-z0-9_])")


def tokens(text):
    result = []
    for word in text.split():
        position = 0
        for match in NUMBER.finditer(word):
            if match.start() > position:
                result.append(("word", word[position:match.start()]))
            token = match.group()
            integer = re.fullmatch(r"[-+]?\d+", token) is not None
            result.append(("number", float(token), integer))
            position = match.end()
        if position < len(word):
            result.append(("word", word[position:]))
    return result


def same(actual, expected, rtol, atol):
    a, e = tokens(actual), tokens(expected)
    if len(a) != len(e):
        return False
    for x, y in zip(a, e):
        if x[0] != y[0]:
            return False
        if x[0] == "word":
            if x[1] != y[1]:
                return False
        elif x[2] != y[2] or not (
            (np.isnan(x[1]) and np.isnan(y[1])) or (np.isinf(y[1]) and x[1] == y[1])
            or abs(x[1] - y[1]) <= atol + rtol * abs(y[1])
        ):
            return False
    return True


def tolerance(source):
    match = re.search(r"#\s*tolerance\s+([0-9.e+-]+)(?:,\s*absolute\s+([0-9.e+-]+))?\s*$", source)
    if not match:
        return 1e-5, 1e-8
    return float(match.group(1)), float(match.group(2) or 1e-8)


def check(path, show=False):
    import contextlib
    import io

    namespace = prelude()
    checked = skipped = differing = 0
    sys.displayhook = display
    for line, source_lines, expected in parse(path):
        source = "\n".join(source_lines)
        if source.lstrip().startswith(":"):
            skipped += 1
            continue
        if "# output not compared" in source:
            # Run for the variables it makes (a training run whose lines are in the learner's language),
            # without comparing what it prints.
            with contextlib.redirect_stdout(io.StringIO()):
                try:
                    exec(compile(python_source(source) + "\n", f"{path}:{line}", "single"), namespace)
                except Exception:
                    pass
            skipped += 1
            continue
        buffer = io.StringIO()
        error = None
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(python_source(source) + "\n", f"{path}:{line}", "single"), namespace)
        except (NameError, SyntaxError):  # a builtin the prelude lacks, or REPL-only syntax
            skipped += 1
            continue
        except Exception as e:  # the lesson may expect an error here
            error = e
        actual = buffer.getvalue().rstrip("\n")
        if show:
            print(f">>> {source}\n{actual if error is None else error}")
        expected_text = "\n".join(expected)
        if error is not None:
            ok = bool(re.match(r"^\w+ error: ", expected_text.split("\n")[-1]))
            detail = f"numpy raised {type(error).__name__}: {error}"
        else:
            rtol, atol = tolerance(source)
            ok = same(actual, expected_text, rtol, atol)
            detail = "numpy printed:\n" + actual
        checked += 1
        if not ok:
            differing += 1
            print(f"{path}:{line}: >>> {source}\n  the lesson says:\n{expected_text}\n  {detail}\n")
    print(f"{os.path.relpath(path, ROOT)}: {checked} outputs checked against numpy, {differing} differ, {skipped} skipped")
    return differing


def main():
    show = "--show" in sys.argv
    paths = [a for a in sys.argv[1:] if a != "--show"] or sorted(glob.glob(os.path.join(ROOT, "lessons", "en", "*.md")))
    differing = sum(check(path, show) for path in paths)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
