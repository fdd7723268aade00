#!/usr/bin/env python3
"""Write Tests/InterpreterTests/NumpyRandomReference.swift: numpy's legacy np.random
through the REPL's builtins, case by case.

Each case is a line of statements separated by "; " that runs unchanged in Python
and in mlplab; the last one is an expression, and the fixture holds numpy's value
of it: dtype, shape and elements for an array (doubles written with repr, so they
read back to the same bits), or the repr of a plain value (a Python int, float,
bool, list or None). Run from the repository root: python3 scripts/make_random_fixtures.py
"""
import os
import pathlib
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from swift_case_table import write_case_table  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/InterpreterTests/NumpyRandomReference.swift"

CASES = [
    # seed: an int, a sequence or array of ints (init_by_array), a 0-d array
    "np.random.seed(0); np.random.randint(1000)",
    "np.random.seed(4294967295); np.random.randint(1000)",
    "np.random.seed([0]); np.random.randint(1000)",
    "np.random.seed([4294967295]); np.random.randint(1000)",
    "np.random.seed(np.arange(10)); np.random.randint(1000)",
    "np.random.seed(range(10)); np.random.randint(1000)",
    "np.random.seed((1, 2, 3)); np.random.rand(3)",
    "np.random.seed([7, 7]); np.random.randn(4)",
    "np.random.seed(np.array(7)); np.random.rand(2)",
    "np.random.seed(np.arange(700) * 3); np.random.randn(3)",
    "np.random.seed(np.arange(624)); np.random.rand(2)",
    "np.random.seed([0]); np.random.seed(0); np.random.rand(2)",
    # uniform and normal draws in every shape numpy takes
    "np.random.seed(0); np.random.rand()",
    "np.random.seed(0); np.random.rand(2, 3)",
    "np.random.seed(0); np.random.rand(2, 0)",
    "np.random.seed(0); np.random.randn()",
    "np.random.seed(0); np.random.randn(3, 1, 2)",
    "np.random.seed(1); np.random.random()",
    "np.random.seed(1); np.random.random((2, 2))",
    "np.random.seed(1); np.random.random(3)",
    "np.random.seed(1); np.random.random_sample()",
    "np.random.seed(1); np.random.random_sample((3, 2))",
    "np.random.seed(1); np.random.random_sample(())",
    "np.random.seed(1); np.random.random_sample((0,))",
    "np.random.seed(2); np.random.standard_normal()",
    "np.random.seed(2); np.random.standard_normal(5)",
    "np.random.seed(2); np.random.standard_normal((2, 3))",
    "np.random.seed(2); np.random.standard_normal(())",
    "np.random.seed(2); np.random.standard_normal(); np.random.standard_normal(2)",
    "np.random.seed(3); np.random.normal()",
    "np.random.seed(3); np.random.normal(10, 2)",
    "np.random.seed(3); np.random.normal(3, 2, size=(2, 2))",
    "np.random.seed(3); np.random.normal(size=3)",
    "np.random.seed(3); np.random.normal(0.5, 0.0, 2)",
    "np.random.seed(3); np.random.normal(np.array([0.0, 10.0, 100.0]), 1)",
    "np.random.seed(3); np.random.normal(0, np.array([1.0, 2.0]), size=(3, 2))",
    "np.random.seed(3); np.random.normal(loc=1, scale=3, size=())",
    "np.random.seed(4); np.random.uniform()",
    "np.random.seed(4); np.random.uniform(-1, 1, 4)",
    "np.random.seed(4); np.random.uniform(5, 2, size=(2, 2))",
    "np.random.seed(4); np.random.uniform(np.array([0, 10]), 20)",
    "np.random.seed(4); np.random.uniform(high=np.array([1.0, 2.0, 3.0]), size=(2, 3))",
    "np.random.seed(4); np.random.uniform(size=())",
    # randint: sizes (also empty and 0-d), one-value ranges, dtypes
    "np.random.seed(5); np.random.randint(10)",
    "np.random.seed(5); np.random.randint(5, size=(2, 3))",
    "np.random.seed(5); np.random.randint(-3, 7, size=5, dtype=np.int64)",
    "np.random.seed(5); np.random.randint(-3, 7, size=5, dtype=int)",
    "np.random.seed(5); np.random.randint(0, 10, size=())",
    "np.random.seed(5); np.random.randint(3, 3, size=0)",
    "np.random.seed(5); np.random.randint(3, 3, size=(2, 0))",
    "np.random.seed(5); np.random.randint(9, 2, size=(0, 4))",
    "np.random.seed(5); np.random.randint(3, 3, size=0); np.random.rand()",
    "np.random.seed(5); np.random.randint(4, 5, size=3); np.random.rand()",
    "np.random.seed(5); np.random.randint(0, 2, size=40, dtype=bool)",
    "np.random.seed(5); np.random.randint(2, size=(5, 7), dtype=np.bool_)",
    "np.random.seed(5); np.random.randint(1, 2, size=3, dtype=bool)",
    "np.random.seed(5); np.random.randint(0, 2, dtype=bool)",
    "np.random.seed(5); np.random.randint(0, 2, size=33, dtype=bool); np.random.randint(0, 2, size=3, dtype=bool)",
    "np.random.seed(5); np.random.randint(0, 2**40, size=3)",
    "np.random.seed(5); np.random.randint(0, 256, size=10, dtype=np.uint8)",
    "np.random.seed(5); np.random.randint(3, 9, size=(2, 5), dtype=np.uint8)",
    "np.random.seed(5); np.random.randint(7, 8, size=3, dtype=np.uint8); np.random.rand()",
    "np.random.seed(5); np.random.randint(0, 256, size=5, dtype=np.uint8); np.random.randint(0, 256, size=5, dtype=np.uint8)",
    # choice: p, replace=False, a 0-d result for size=()
    "np.random.seed(6); np.random.choice(5)",
    "np.random.seed(6); np.random.choice(5, 3)",
    "np.random.seed(6); np.random.choice(5, (2, 2), replace=False)",
    "np.random.seed(6); np.random.choice(5, 6, p=[0.1, 0.2, 0.3, 0.4, 0.0])",
    "np.random.seed(6); np.random.choice(5, p=[0.1, 0.2, 0.3, 0.4, 0.0])",
    "np.random.seed(6); np.random.choice(5, 4, replace=False, p=[0.1, 0.2, 0.3, 0.3, 0.1])",
    "np.random.seed(6); np.random.choice(6, (2, 2), replace=False, p=[0.5, 0.1, 0.1, 0.1, 0.1, 0.1])",
    "np.random.seed(6); np.random.choice(3, 3, replace=False, p=[0.98, 0.01, 0.01])",
    "np.random.seed(6); np.random.choice(np.array([10, 20, 30]), size=())",
    "np.random.seed(6); np.random.choice(2, ())",
    "np.random.seed(6); np.random.choice(np.arange(5) * 1.5, 4)",
    "np.random.seed(6); np.random.choice(np.arange(5) * 1.5, 4, p=np.array([0.2, 0.2, 0.2, 0.2, 0.2], dtype=np.float32))",
    "np.random.seed(6); np.random.choice(np.array([3, 1, 4, 1, 5]))",
    # permutation and shuffle (in place, along the first axis)
    "np.random.seed(7); np.random.permutation(10)",
    "np.random.seed(7); np.random.permutation(np.arange(12).reshape(4, 3))",
    "np.random.seed(7); np.random.permutation(np.array([0.5, 1.5, 2.5]))",
    "np.random.seed(7); x = np.arange(10); np.random.shuffle(x); x",
    "np.random.seed(7); x = np.arange(12).reshape(4, 3); np.random.shuffle(x); x",
    "np.random.seed(7); x = np.arange(10); np.random.shuffle(x[2:8]); x",
    "np.random.seed(7); x = list(range(6)); np.random.shuffle(x); x",
    "np.random.seed(7); x = np.arange(5); np.random.shuffle(x)",
    "np.random.seed(7); x = np.zeros((3, 0)); np.random.shuffle(x); np.random.rand()",
    "np.random.seed(7); x = np.arange(1); np.random.shuffle(x); np.random.rand()",
    # get_state and set_state
    "np.random.seed(8); s = np.random.get_state(); a = np.random.randn(3); np.random.set_state(s); np.random.randn(3)",
    "np.random.seed(8); np.random.randn(); s = np.random.get_state(); np.random.rand(700); np.random.set_state(s); np.random.randn(2)",
    "np.random.seed(8); np.random.randn(); s = np.random.get_state(); s[0]",
    "np.random.seed(8); np.random.randn(); s = np.random.get_state(); s[2]",
    "np.random.seed(8); np.random.randn(); s = np.random.get_state(); s[3]",
    "np.random.seed(8); np.random.randn(); s = np.random.get_state(); s[4]",
    "np.random.seed(8); np.random.randn(2); s = np.random.get_state(); s[3]",
    "np.random.seed(8); s = np.random.get_state(); int(s[1][0]) + int(s[1][623])",
    "np.random.seed(8); np.random.rand(3); s = np.random.get_state(); int(s[1][5])",
    "np.random.set_state(('MT19937', np.arange(624), 624)); np.random.rand(2)",
    "np.random.set_state(('MT19937', np.arange(624) * 7, 10, 1, 0.25)); np.random.randn(3)",
]


def run(source):
    names = {"np": np}
    *statements, last = source.split("; ")
    for statement in statements:
        exec(statement, names)
    return eval(last, names)


def swift_case(source, value):
    quoted = '"' + source.replace('"', '\\"') + '"'
    if isinstance(value, np.ndarray):
        values = ", ".join(repr(float(v)) for v in value.ravel())
        return f'    NumpyCase({quoted}, dtype: "{value.dtype}", shape: {list(value.shape)}, values: [{values}]),'
    if isinstance(value, np.generic):
        value = value.item()
    return f'    NumpyCase({quoted}, repr: {chr(34) + repr(value).replace(chr(34), chr(92) + chr(34)) + chr(34)}),'


def main():
    write_case_table(OUT, "make_random_fixtures.py", "Lines of np.random calls and what numpy gives for the last expression of each.", "numpyRandomCases",
                     [swift_case(source, run(source)) for source in CASES])


if __name__ == "__main__":
    main()
