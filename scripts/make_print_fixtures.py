#!/usr/bin/env python3
"""Writes Tests/TensorTests/Fixtures/print.json: numpy's own `print(x)` text for many tensors.

The cases' format is described in numpy_fixture_cases.py.

Cases copied from the course material (/work/shared/seeds) are recomputed here with numpy's
legacy RandomState and, when the seed files are present, checked against the text printed there.

Run from the repository root:  python3 scripts/make_print_fixtures.py
"""
import os
import sys

import numpy as np

from numpy_fixture_cases import Cases

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "TensorTests", "Fixtures", "print.json")
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")

cases = Cases(str)
add, add_pattern = cases.add, cases.add_pattern


def check_in_seed(file_prefix, a):
    """The text numpy prints now must be what the course material shows."""
    if not os.path.isdir(SEEDS):
        print(f"note: {SEEDS} absent, seed text not checked", file=sys.stderr)
        return
    name = next(f for f in os.listdir(SEEDS) if f.startswith(file_prefix))
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        assert str(a) in f.read(), f"{file_prefix}: numpy printed\n{a}\nwhich is not in the seed"


# --- 0-d tensors print like numpy scalars -------------------------------------------------
for value in [0.5, 1.4714343261962757, 1.0, 100.0, 1e-05, 0.0001, 9.999e-05, 1e16,
              9999999999999998.0, 1e300, 5e-324, -0.0, 0.0, 123456789.0, -2.5e-10,
              float("nan"), float("inf"), float("-inf")]:
    add(f"scalar float64 {value!r}", np.array(value))
for value in [1.7640524, 0.1, 1e-4, 999999.0, 1e6, 16777216.0, 3.4028235e38, -1.5e-45]:
    add(f"scalar float32 {value!r}", np.array(value, dtype=np.float32))
add("scalar int64", np.array(3))
add("scalar int64 min", np.array(np.iinfo(np.int64).min))
add("scalar bool True", np.array(True))
add("scalar bool False", np.array(False))

# --- the course material's printed values --------------------------------------------------
np.random.seed(0)
add("randn(3) float64", np.random.randn(3))
np.random.seed(0)
add("randn(3) float32", np.random.randn(3).astype(np.float32))

np.random.seed(0)  # seed 002: dJdz_sigmoid and dJdz_softmax
wdJdz, az = np.random.randn(3), np.random.randn(3)
check_in_seed("002_", add("seed 002 dJdz_sigmoid", wdJdz * (1.0 - az) * az))
check_in_seed("002_", add("seed 002 dJdz_softmax", np.random.randn(3) - np.random.randn(3)))

np.random.seed(0)  # seed 002: a dense layer's forward over a 3-d input
W, b, X = np.random.randn(3, 5), np.random.randn(3), np.random.randn(2, 5, 3)
add("seed 002 dense forward (2, 3, 3)", (W @ X.T).T + b)

np.random.seed(0)  # seed 004: the notebook drew 8 numbers before its layer tests
np.random.randn(8)
x = np.random.randn(5, 2)
out = 1 / (1 + np.exp(-x))
check_in_seed("004_", add("seed 004 sigmoid x (5, 2)", x))
check_in_seed("004_", add("seed 004 sigmoid forward", out))
check_in_seed("004_", add("seed 004 sigmoid backward", (1.0 - out) * out))
x, y = np.random.randn(5, 2), np.random.randn(5, 3)
W, b = np.random.randn(2, 3), np.random.randn(3)
check_in_seed("004_", add("seed 004 fc x", x))
check_in_seed("004_", add("seed 004 fc forward", x @ W + b))
check_in_seed("004_", add("seed 004 fc backward", y @ W.T))
mlp_backward = np.array([[-3.38789968e-04, -3.67465930e-04],
                         [1.17086873e-03, 3.64237844e-03],
                         [-5.29701613e-05, -1.65101162e-04],
                         [-3.87903857e-05, 4.80263293e-04],
                         [-1.30842487e-04, 1.66334466e-03]])
check_in_seed("004_", add("seed 004 mlp backward (scientific)", mlp_backward))
mlp_predict = np.array([[0.09179987], [0.0957102], [0.09523428], [0.09244939], [0.09246448]])
check_in_seed("004_", add("seed 004 mlp predict (5, 1)", mlp_predict))

# --- floats: precision, trimming, alignment ------------------------------------------------
add("maxprec trims zeros", np.array([0.5, 1.0, 0.0]))
add("integers as floats", np.array([1.0, 2.0, 300.0]))
add("negative zero", np.array([-0.0, 1.0]))
add("negative zero alone", np.array([-0.0, 0.0]))
add("mixed widths", np.array([123.456, -0.001, 7.0, 12345.5]))
add("rounded at 8 digits", np.array([1 / 3, 2 / 3, 10 / 3]))
add("rounding carries", np.array([0.999999999, 9.9999999996, 1.5]))
add("float32 rounding", np.array([1 / 3, 2 / 3, 0.1], dtype=np.float32))
add("float32 needs 9 digits", np.array([0.1, 1.2345678e-5, 16777217.0 / 3], dtype=np.float32))
add("all zeros", np.zeros(5))
add("ties round to even", np.array([0.125, 0.375, 1.000000005, 2.000000015]))

# --- scientific notation -------------------------------------------------------------------
add("ratio over 1000", np.array([1e-05, 1.0, 1e3]))
add("ratio exactly 1000", np.array([1.0, 1000.0]))
add("tiny values", np.array([1e-5, 2e-5, 3.5e-7]))
add("below 1e-4", np.array([0.0001, 0.00009999]))
add("float64 over 1e8", np.array([1e8, 1.0, 2.0]))
add("float32 over 1e6", np.array([1e6, 2.0, 3.0], dtype=np.float32))
add("float32 under 1e6", np.array([999999.0, 2.0, 3.0], dtype=np.float32))
add("three-digit exponents", np.array([1e-300, 1e300, -1.5]))
add("float32 extremes", np.array([1.4e-45, 3.4028235e38, -1.0], dtype=np.float32))
add("scientific with zero", np.array([0.0, 1e-7, -2.5e10]))
add("mixed magnitudes randn", np.random.RandomState(1).randn(6) * np.logspace(-6, 6, 6))

# --- nan and inf ---------------------------------------------------------------------------
add("nan inf positional", np.array([np.nan, 1.5, -np.inf]))
add("nan only", np.array([np.nan]))
add("infinities only", np.array([-np.inf, np.inf]))
add("inf only", np.array([np.inf, np.inf]))
add("nan with scientific", np.array([np.nan, 1e-7]))
add("nan inf scientific", np.array([np.nan, 1e-7, -np.inf, 3e8]))
add("float32 nan inf", np.array([np.nan, -np.inf, 0.25], dtype=np.float32))
add("nan in 2-d", np.array([[1.0, np.nan], [np.inf, -2.0]]))

# --- int64 and bool ------------------------------------------------------------------------
add("int64 small", np.array([1, 2, 3]))
add("int64 right aligned", np.array([[1, -20], [300, 4]]))
add("int64 huge", np.array([np.iinfo(np.int64).min, 0, np.iinfo(np.int64).max]))
add("int64 labels", np.array([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]))
add("bool", np.array([True, False]))
add("bool 2-d", np.array([[True, True], [False, True]]))
add("bool all true", np.array([True, True, True]))

# --- shapes: empty, nested, wrapped --------------------------------------------------------
add("empty float64", np.zeros(0))
add("empty (2, 0) int64", np.zeros((2, 0), dtype=np.int64))
add("empty (0, 3) bool", np.zeros((0, 3), dtype=bool))
add("(1,) float64", np.array([2.5]))
add("(1, 1, 1) int64", np.array([[[7]]]))
add("3-d int64 blocks", np.arange(24).reshape(2, 3, 4))
add("3-d float32 randn", np.random.RandomState(2).randn(2, 3, 4).astype(np.float32))
add("4-d float64 randn", np.random.RandomState(3).randn(2, 2, 2, 3))
add("4-d int64", np.arange(120).reshape(2, 3, 4, 5))
add("wide row wraps", np.random.RandomState(4).randn(30))
add("wide int row wraps", np.arange(100))
add("wide rows in 2-d wrap", np.random.RandomState(5).randn(3, 12))
add("wide rows in 3-d wrap", np.random.RandomState(6).randn(2, 2, 14).astype(np.float32))
add("wide bool row wraps", np.arange(40) % 3 == 0)
add("row of 1000 not summarised", np.arange(1000) * 1.5)

# --- summarised (more than 1000 elements) --------------------------------------------------
add_pattern("(2000,) float64", "float64", (2000,), 1, 0, 2000, divisor=4)
add_pattern("(2000,) int64", "int64", (2000,), 7, 3, 1000, shift=500)
add_pattern("(1001,) bool", "bool", (1001,), 1, 0, 3)
add_pattern("(60000, 784) float32 pixels", "float32", (60000, 784), 37, 11, 256, divisor=255)
add_pattern("(60000, 784) float32 zeros", "float32", (60000, 784), 0, 0, 1)
add_pattern("(60000,) int64 labels", "int64", (60000,), 7, 5, 10)
add_pattern("(10000, 10) float64", "float64", (10000, 10), 3, 1, 7, shift=3, divisor=8)
add_pattern("(3, 400, 2) summarised middle axis", "float64", (3, 400, 2), 13, 0, 97, shift=48, divisor=10)
add_pattern("(2, 600) summarised rows only", "int64", (2, 600), 1, 0, 1200)
add_pattern("(10, 10, 10, 10) float32", "float32", (10, 10, 10, 10), 1, 0, 10000, divisor=1e5)
add_pattern("(1200,) float64 scientific", "float64", (1200,), 1, 1, 1201, divisor=1e7)
add_pattern("(100, 100) float64 mixed signs", "float64", (100, 100), 7919, 0, 10007, shift=5003, divisor=3)

cases.write(OUT, ROOT)
