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

    python3 scripts/check_lessons_numpy.py [lessons/en/03-forward.md ...]

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
    x = np.asarray(x, dtype=float) if not isinstance(x, np.ndarray) else x
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))


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


def shape_args(shape):
    return shape[0] if len(shape) == 1 and isinstance(shape[0], (tuple, list)) else shape


def read_idx(name, split, kind):
    path = os.path.join(ROOT, "data", name, {"train": "train", "test": "t10k"}[split] + f"-{kind}-idx{3 if kind == 'images' else 1}-ubyte.gz")
    with gzip.open(path) as f:
        data = f.read()
    return data


def prelude():
    np.seterr(all="ignore")
    names = {
        "array": np.array, "arange": np.arange, "zeros": lambda *s, dtype=float: np.zeros(shape_args(s), dtype=dtype),
        "ones": lambda *s, dtype=float: np.ones(shape_args(s), dtype=dtype), "zeros_like": np.zeros_like,
        "ones_like": np.ones_like, "full": np.full, "concatenate": np.concatenate, "reshape": np.reshape,
        "transpose": np.transpose, "copy": np.copy, "where": np.where, "exp": np.exp, "log": np.log,
        "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "square": np.square, "maximum": np.maximum,
        "minimum": np.minimum, "clip": np.clip, "matmul": np.matmul, "dot": np.dot, "allclose": np.allclose,
        "array_equal": np.array_equal, "sum": np.sum, "mean": np.mean, "std": np.std, "max": np.max, "min": np.min,
        "argmax": np.argmax, "argmin": np.argmin, "seed": np.random.seed, "randn": np.random.randn,
        "rand": np.random.rand, "randint": np.random.randint, "permutation": np.random.permutation,
        "choice": np.random.choice, "sigmoid": stable_sigmoid, "relu": lambda x: np.maximum(0, x),
        "softmax": softmax, "onehot": onehot, "float32": np.float32, "float64": np.float64, "int64": np.int64,
        "np": np, "pi": np.pi, "inf": np.inf, "nan": np.nan,
    }
    return names


def display(value):
    """What the REPL echoes for an expression's value."""
    if value is None:
        return
    if isinstance(value, (np.ndarray, np.generic)):
        print(str(value))
    else:
        print(repr(value))


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


def check(path):
    import contextlib
    import io

    namespace = prelude()
    checked = skipped = differing = 0
    sys.displayhook = display
    for line, source_lines, expected in parse(path):
        source = "\n".join(source_lines)
        if source.lstrip().startswith(":") or "# output not compared" in source:
            skipped += 1
            continue
        buffer = io.StringIO()
        error = None
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(source + "\n", f"{path}:{line}", "single"), namespace)
        except NameError as e:
            skipped += 1
            continue
        except Exception as e:  # the lesson may expect an error here
            error = e
        actual = buffer.getvalue().rstrip("\n")
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
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "lessons", "en", "*.md")))
    differing = sum(check(path) for path in paths)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
