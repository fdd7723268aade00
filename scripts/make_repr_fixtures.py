#!/usr/bin/env python3
"""Writes Tests/TensorTests/Fixtures/repr.json: numpy's own `repr(x)` text, what its REPL echoes.

The cases' format is described in numpy_fixture_cases.py; each case also has a `form`:

    array    repr of the ndarray (`array([0.5, 1. , 0. ])`, `array(3.)` when 0-d)
    scalar   repr of the numpy scalar the 0-d case holds (`np.float64(0.5)`, `np.True_`)
    dtype    repr of the case's dtype (`dtype('float32')`)
    shape    repr of the case's shape tuple (`(3,)`)

Several cases come from numpy's own numpy/_core/tests/test_arrayprint.py; the course material's
echoed arrays (/work/shared/seeds) are recomputed and, when the seed files are present, checked
against the text shown there (ignoring spaces: some seeds lost their alignment).

Run from the repository root:  python3 scripts/make_repr_fixtures.py
"""
import os
import sys

import numpy as np

from numpy_fixture_cases import Cases

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "TensorTests", "Fixtures", "repr.json")
SEEDS = os.path.join(os.path.dirname(ROOT), "shared", "seeds")

cases = Cases(repr)


def array(name, a):
    return cases.add(name, a, form="array")


def scalar(name, a):
    a = np.asarray(a)
    assert a.shape == ()
    return cases.add(name, a, value=a[()], form="scalar")


def check_in_seed(file_prefix, a):
    """The repr numpy gives now must be what the course material shows, up to spaces."""
    if not os.path.isdir(SEEDS):
        print(f"note: {SEEDS} absent, seed text not checked", file=sys.stderr)
        return
    name = next(f for f in os.listdir(SEEDS) if f.startswith(file_prefix))
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        seed = "".join(f.read().split())
    assert "".join(repr(a).split()) in seed, f"{file_prefix}: numpy gives\n{a!r}\nwhich is not in the seed"


# --- the course material's echoed values ---------------------------------------------------
check_in_seed("002_", array("seed 002 mySigmoid", np.array([0.5, 1.0, 0.0])))
check_in_seed("002_", array("seed 002 mySoftmax", np.array([0.0, 1.0, 0.0])))
W, X = np.array([[1, 2, 3], [4, 5, 6]]), np.array([[0, 1, 2], [3, 4, 5]])
check_in_seed("003_", array("seed 003 W + X", W + X))
check_in_seed("003_", array("seed 003 W * X", W * X))
A = np.array([[1, 2], [3, 4]])
check_in_seed("003_", array("seed 003 A * 10", A * 10))
check_in_seed("003_", array("seed 003 A * b", A * np.array([10, 20])))
check_in_seed("003_", array("seed 003 matmul", A @ np.array([[5, 6], [7, 8]])))
np.random.seed(0)
array("randn(3)", np.random.randn(3))
array("randn(2, 3) float32", np.random.randn(2, 3).astype(np.float32))

# --- from numpy's test_arrayprint.py --------------------------------------------------------
array("nan inf", np.array([np.nan, np.inf]))
array("nan -inf", np.array([np.nan, -np.inf]))
array("float spacing", np.array([1.0, 2.0, 3.0]))
array("float spacing negative", np.array([1.0, 2.0, -10.0]))
array("float spacing 100", np.array([100.0, 2.0, -1.0]))
array("float spacing -100", np.array([-100.0, 2.0, 1.0]))
array("0-d 1.", np.array(1.0))
array("0-d -10.", np.array(-10.0))
array("bool spacing all true", np.array([True, True]))
array("bool spacing", np.array([True, False]))
array("bool one", np.array([True]))
array("0-d True", np.array(True))
array("0-d False", np.array(False))
array("sign spacing arange", np.arange(4.0))
array("sign spacing 1.234e9", np.array([1.234e9]))
array("sign spacing zero", np.array([0.0]))
array("sign spacing -0.", np.array([0.0, -0.0]))
array("maxprec", np.array([1.5, 0.0, 1.234567890]))
array("int -1 0 1", np.array([-1, 0, 1]))
cases.add_pattern("summarise 1-d (1001,)", "int64", (1001,), 1, 0, 1001, form="array")
cases.add_pattern("summarise 2-d (2, 501)", "int64", (2, 501), 1, 0, 1002, form="array")

# --- every dtype, 0-d to 3-d ----------------------------------------------------------------
array("float64 mixed", np.array([0.5, -1.25, 3.0]))
array("float32 1-d", np.array([1.0, 2.0], dtype=np.float32))
array("float32 0-d", np.array(0.5, dtype=np.float32))
array("float32 2-d", np.array([[0.1, 0.2], [0.3, 0.4]], dtype=np.float32))
array("int64 0-d", np.array(3))
array("int64 negative", np.array([[-1, 20], [300, -4000]]))
array("int64 extremes", np.array([np.iinfo(np.int64).min, 0, np.iinfo(np.int64).max]))
array("bool 2-d", np.array([[True, False], [False, True]]))
array("int64 3-d", np.arange(24).reshape(2, 3, 4))
array("float64 3-d", np.arange(12.0).reshape(2, 3, 2) / 4)
array("float32 3-d randn", np.random.RandomState(2).randn(2, 2, 3).astype(np.float32))
array("bool 3-d", np.arange(8).reshape(2, 2, 2) % 3 == 0)
array("(1, 1, 1)", np.array([[[7.0]]]))
array("4-d int64", np.arange(16).reshape(2, 2, 2, 2))

# --- empty arrays: shape and dtype are spelled out ------------------------------------------
array("empty float64", np.zeros(0))
array("empty int64", np.zeros(0, dtype=np.int64))
array("empty bool", np.zeros(0, dtype=bool))
array("empty float32", np.zeros(0, dtype=np.float32))
array("empty (0, 3)", np.zeros((0, 3)))
array("empty (2, 0) int64", np.zeros((2, 0), dtype=np.int64))
array("empty (3, 0, 2) float32", np.zeros((3, 0, 2), dtype=np.float32))

# --- nan, inf, scientific notation -----------------------------------------------------------
array("nan inf positional", np.array([np.nan, 1.5, -np.inf]))
array("float32 nan inf", np.array([np.nan, -np.inf, 0.25], dtype=np.float32))
array("ratio over 1000", np.array([1e-05, 1.0, 1e3]))
array("tiny", np.array([1e-5, 2e-5, 3.5e-7]))
array("float64 over 1e8", np.array([1e8, 1.0, 2.0]))
array("float32 over 1e6", np.array([1e6, 2.0, 3.0], dtype=np.float32))
array("three-digit exponents", np.array([1e-300, 1e300, -1.5]))
array("scientific 2-d", np.array([[-3.38789968e-04, 1.17086873e-03], [-5.29701613e-05, 4.80263293e-04]]))
array("0-d scientific", np.array(1e-5))
array("0-d nan", np.array(np.nan))
array("0-d float32 big", np.array(1e7, dtype=np.float32))

# --- wrapping at 75 characters, with the "array(" indent -------------------------------------
array("wide float row", np.random.RandomState(4).randn(12))
array("wide int row", np.arange(40))
array("wide 2-d rows", np.random.RandomState(5).randn(3, 9))
array("wide 3-d rows", np.random.RandomState(6).randn(2, 2, 10).astype(np.float32))
array("wide bool row", np.arange(20) % 3 == 0)
array("float32 dtype moves to a new line", np.arange(5, dtype=np.float32) / 7)
array("float32 dtype after wrapped rows", np.arange(12, dtype=np.float32) / 7)
array("float32 dtype moves after 11 elements", np.arange(11, dtype=np.float32))
array("float32 dtype fits on the last line", np.arange(9, dtype=np.float32))
array("row of 1000 not summarised", np.arange(1000))

# --- summarised (more than 1000 elements): shape= is added ---------------------------------
for pattern in [("(2000,) float64", "float64", (2000,), 1, 0, 2000, 0, 4),
                ("(1001,) bool", "bool", (1001,), 1, 0, 3, 0, 1),
                ("(60000, 784) float32 pixels", "float32", (60000, 784), 37, 11, 256, 0, 255),
                ("(60000,) int64 labels", "int64", (60000,), 7, 5, 10, 0, 1),
                ("(10, 10, 10, 10) float32", "float32", (10, 10, 10, 10), 1, 0, 10000, 0, 1e5),
                ("(3, 400, 2) float64", "float64", (3, 400, 2), 13, 0, 97, 48, 10),
                ("(1200,) float64 scientific", "float64", (1200,), 1, 1, 1201, 0, 1e7)]:
    cases.add_pattern(*pattern, form="array")

# --- numpy scalars, as reductions and indexing give them ------------------------------------
for value in [0.5, 1.0, 1e-05, 1e16, -0.0, 123456789.0, float("nan"), float("-inf"), 1.4714343261962757]:
    scalar(f"float64 scalar {value!r}", np.array(value))
for value in [0.5, 1.7640524, 16777216.0]:
    scalar(f"float32 scalar {value!r}", np.array(value, dtype=np.float32))
scalar("int64 scalar", np.array(3))
scalar("int64 scalar negative", np.array(-42))
scalar("bool scalar True", np.array(True))
scalar("bool scalar False", np.array(False))

# --- dtypes and shapes ----------------------------------------------------------------------
for dtype in ["bool", "int64", "float32", "float64"]:
    cases.add(f"dtype {dtype}", np.zeros(1, dtype=dtype), value=np.dtype(dtype), form="dtype")
for shape in [(3,), (2, 3), (), (0, 3), (2, 3, 4)]:
    cases.add(f"shape {shape}", np.zeros(shape), value=shape, form="shape")

cases.write(OUT, ROOT)
