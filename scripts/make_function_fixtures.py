#!/usr/bin/env python3
"""Write Tests/InterpreterTests/NumpyFunctionReference.swift: numpy's array functions
and methods (linspace, repeat, tile, squeeze, expand_dims, prod, round, sort, argsort,
cumsum, bincount, take, swapaxes, broadcast_to, linalg.norm, copy, *_like, % and //, Ellipsis
indexing, astype, histogram, and the uint8 and float16 dtypes) through the REPL.

Each case is a line of statements separated by "; " that runs unchanged in Python and
in mlplab; the fixture holds numpy's value of the last expression: dtype, shape and
elements (doubles written with repr, so they read back to the same bits), or the repr
of a value that is not an array. Run from the repository root:
python3 scripts/make_function_fixtures.py
"""
import gzip
import os
import pathlib
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from swift_case_table import write_case_table  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/InterpreterTests/NumpyFunctionReference.swift"

CASES = [
    "np.linspace(0, 1, 5)",
    "np.linspace(-1.3, 2.9, 7)",
    "np.linspace(2, 3, 4, endpoint=False)",
    "np.linspace(5, 5, 3)",
    "np.linspace(0, 10, 1)",
    "np.linspace(0, 10, 0)",
    "np.linspace(0, 1)",
    "np.linspace(-5, 5, 4, dtype=int)",
    "np.linspace(0, 1, 3, dtype=np.float32)",
    "np.linspace(1e-3, 7.77, 13)",
    "np.repeat(np.arange(3), 2)",
    "np.repeat(np.arange(6).reshape(2, 3), 2)",
    "np.repeat(np.arange(6).reshape(2, 3), 2, axis=0)",
    "np.repeat(np.arange(6).reshape(2, 3), [1, 0, 2], axis=1)",
    "np.repeat(np.arange(6.0).reshape(2, 3), 2, axis=-1)",
    "np.arange(3).repeat(3)",
    "np.tile(np.arange(3), 2)",
    "np.tile(np.arange(3), (2, 2))",
    "np.tile(np.arange(4).reshape(2, 2), 2)",
    "np.tile(np.arange(4).reshape(2, 2), (2, 1, 3))",
    "np.tile(np.arange(3), 0)",
    "np.squeeze(np.zeros((1, 3, 1)))",
    "np.squeeze(np.arange(3).reshape(1, 3, 1), axis=0)",
    "np.squeeze(np.arange(3).reshape(1, 3, 1), axis=(0, 2))",
    "np.arange(3).reshape(1, 3).squeeze()",
    "np.squeeze(np.array([[5]]))",
    "np.expand_dims(np.arange(3), 0)",
    "np.expand_dims(np.arange(3), -1)",
    "np.expand_dims(np.arange(6).reshape(2, 3), (0, 3))",
    "np.expand_dims(np.arange(6).reshape(2, 3), 1)",
    "np.prod(np.arange(1, 6))",
    "np.prod(np.arange(1.0, 7.0).reshape(2, 3), axis=0)",
    "np.arange(1, 7).reshape(2, 3).prod(axis=1)",
    "np.prod(np.array([True, False]))",
    "np.prod(np.arange(1, 5).reshape(2, 2), axis=1, keepdims=True)",
    "np.prod(np.array([0.1, 0.2, 0.3, 0.7]))",
    "np.prod(np.zeros((0,)))",
    "np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5]))",
    "np.around(np.array([1.2345, -2.5678, 0.125]), 2)",
    "np.round(np.array([1234.5, -1250.0]), -2)",
    "np.arange(5).round()",
    "np.array([0.123456, 2.71828], dtype=np.float32).round(3)",
    "np.round(np.array([12, 157]), -1)",
    "np.array([[1.25, 2.35], [3.45, -4.55]]).round(1)",
    "np.sort(np.array([3, 1, 2]))",
    "np.sort(np.array([[3.0, 1.0], [0.5, 2.0]]))",
    "np.sort(np.array([[3.0, 1.0], [0.5, 2.0]]), axis=0)",
    "np.sort(np.array([[3, 1], [0, 2]]), axis=None)",
    "np.sort(np.array([2.0, np.nan, -1.0, 0.0]))",
    "np.sort(np.array([True, False, True]))",
    "np.argsort(np.array([3, 1, 2]))",
    "np.array([[3.0, 1.0, 2.0], [0.5, 2.5, 1.5]]).argsort(axis=0)",
    "np.argsort(np.array([[3, 1], [0, 2]]), axis=None)",
    "np.argsort(np.array([0.3, np.nan, 0.1]))",
    "np.argsort(np.array([2, 1, 2, 1, 0]), kind='stable')",
    "np.cumsum(np.arange(5))",
    "np.cumsum(np.arange(6.0).reshape(2, 3), axis=1)",
    "np.arange(6).reshape(2, 3).cumsum(axis=0)",
    "np.cumsum(np.array([[1, 2], [3, 4]]))",
    "np.cumsum(np.array([True, True, False]))",
    "np.cumsum(np.array([0.1, 0.2, 0.3], dtype=np.float32))",
    "np.cumsum(np.array([0.1, 0.2, 0.3, 0.4, 1e-17]))",
    "np.bincount(np.array([0, 2, 2, 3]))",
    "np.bincount(np.array([1, 1, 4]), minlength=8)",
    "np.bincount(np.array([5, 0]), minlength=2)",
    "np.bincount(np.array([], dtype=np.int64))",
    "np.bincount(np.array([3, 1], dtype=np.uint8))",
    "np.bincount(np.array([True, False, True]))",
    "np.take(np.arange(10, 60, 10), [0, 3, -1])",
    "np.take(np.arange(6).reshape(2, 3), [[0, 5], [1, 2]])",
    "np.take(np.arange(6).reshape(2, 3), [2, 0], axis=1)",
    "np.arange(5).take(2)",
    "np.arange(6).reshape(2, 3).take([1], axis=0)",
    "np.swapaxes(np.arange(6).reshape(2, 3), 0, 1)",
    "np.arange(24).reshape(2, 3, 4).swapaxes(0, 2)",
    "np.swapaxes(np.arange(24).reshape(2, 3, 4), -1, 1)",
    "np.broadcast_to(np.arange(3), (2, 3))",
    "np.broadcast_to(np.array([[1.5], [2.5]]), (2, 4))",
    "np.broadcast_to(5, (2, 2))",
    "np.linalg.norm(np.array([3.0, 4.0]))",
    "np.linalg.norm(np.arange(6).reshape(2, 3))",
    "np.linalg.norm(np.arange(6.0).reshape(2, 3), axis=1)",
    "np.linalg.norm(np.arange(6.0).reshape(2, 3), axis=0, keepdims=True)",
    "np.linalg.norm(np.array([1.0, 2.0], dtype=np.float32))",
    "np.copy(np.arange(3))",
    "np.arange(3.0).copy()",
    "x = np.arange(3); y = x.copy(); y[0] = 7; x",
    "np.zeros_like(np.arange(3.0))",
    "np.ones_like(np.arange(4).reshape(2, 2))",
    "np.zeros_like(np.arange(3), dtype=float)",
    "np.empty_like(np.arange(3)).shape",
    "np.empty_like(np.zeros((2, 2), dtype=np.float32)).dtype",
    "np.arange(-5, 5) % 3",
    "np.arange(-5, 5) // 3",
    "np.arange(-5, 5) % -3",
    "np.arange(-5, 5) // -3",
    "np.arange(-5.0, 5.0) % 3",
    "np.arange(-5.0, 5.0) // 3",
    "np.array([-7.5, 7.5, -0.0, 2.0]) % 2.5",
    "np.array([-7.5, 7.5, 3.1]) // -2",
    "np.array([5, -5, 0]) // 0",
    "np.array([5, -5]) % 0",
    "np.array([1.0, -1.0, 0.0]) % 0.0",
    "np.array([1.0, -1.0]) // 0.0",
    "7 % np.arange(1, 5)",
    "-7 // np.arange(1, 5)",
    "np.array([7.5], dtype=np.float32) % 2",
    "np.array([0.3, -0.3]) % 0.1",
    "np.array([0.3, -0.3]) // 0.1",
    "np.arange(24).reshape(2, 3, 4)[..., 1]",
    "np.arange(24).reshape(2, 3, 4)[0, ...]",
    "np.arange(24).reshape(2, 3, 4)[..., 1:3, 0]",
    "np.arange(6).reshape(2, 3)[...]",
    "x = np.zeros((2, 3)); x[..., 1] = 5; x",
    "np.arange(3).astype(np.float32)",
    "np.arange(3).astype('f')",
    "np.arange(3).astype(float)",
    "np.array([1.7, -1.7]).astype(int)",
    "np.array([0.0, 2.0]).astype(bool)",
    "np.arange(3).astype('d')",
    # histogram: equal bins, elements on and near the edges, numpy's edge dtypes
    "np.histogram(np.array([0.1, 0.4, 0.5, 0.9]), bins=2, range=(0, 1))[0]",
    "np.histogram(np.arange(0.0, 1.01, 0.1), bins=10)[0]",
    "np.histogram(np.arange(0.0, 1.01, 0.1), bins=10)[1]",
    "np.histogram(np.arange(0.0, 1.01, 0.1), bins=7)[0]",
    "np.histogram(np.arange(0.0, 1.01, 0.1), bins=3, range=(0.1, 0.7))[0]",
    "np.histogram(np.array([1, 2, 2, 3, 7]), bins=3)[0]",
    "np.histogram(np.array([1, 2, 2, 3, 7]), bins=3)[1]",
    "np.histogram(np.array([-1.0, 0.0, 0.25, 0.5, 1.0, 2.0, np.nan, np.inf]), bins=4, range=(0, 1))[0]",
    "np.histogram(np.array([5.0, 5.0]), bins=2)[0]",
    "np.histogram(np.array([5.0, 5.0]), bins=2)[1]",
    "np.histogram(np.zeros(0))[0]",
    "np.histogram(np.zeros(0))[1]",
    "np.histogram(np.arange(12).reshape(3, 4), bins=3)[0]",
    "np.histogram(np.array([3, 250, 7], dtype=np.uint8), bins=2)[0]",
    "np.histogram(np.array([True, False, True]), bins=2)[0]",
    "np.histogram(np.array([0.1, 0.2, 0.7], dtype=np.float32), bins=3)[0]",
    "np.histogram(np.array([0.1, 0.2, 0.7], dtype=np.float32), bins=3)[1]",
    "np.histogram(np.arange(0, 1.01, 0.1).astype(np.float32), bins=10)[0]",
    "np.histogram(np.arange(0, 1.01, 0.1).astype(np.float32), bins=10, range=(0, 1))[0]",
    "np.histogram(np.arange(0, 1.01, 0.1).astype(np.float32), bins=10, range=(0, 1))[1]",
    "np.histogram(np.array([0.1, 0.5, 0.9], dtype=np.float16), bins=2)[1]",
    "np.random.seed(0); np.histogram(np.random.randn(1000), bins=8)[0]",
    "np.random.seed(0); np.histogram(np.random.randn(1000))[1]",
    "np.random.seed(1); np.histogram(np.random.rand(100, 10), bins=5, range=(0.2, 0.8))[0]",
    "np.random.seed(2); np.histogram(np.random.randn(500).astype(np.float32), bins=7)[0]",
    "np.random.seed(2); np.histogram(np.random.randn(500).astype(np.float32), bins=7)[1]",
    "np.random.seed(3); np.histogram(np.random.rand(2000), bins=13, range=(0.1, 0.9))[0]",
    # the uint8 and float16 dtypes: numpy 2's promotion, uint8 wrapping, float16 rounding
    "np.arange(5).astype(np.uint8)",
    "np.array([300, -1, 2.7]).astype(np.uint8)",
    "np.array([250, 3], dtype=np.uint8) + 10",
    "np.array([250, 3], dtype=np.uint8) + np.arange(2)",
    "np.array([250, 3], dtype=np.uint8) * np.array([2.0, 0.5], dtype=np.float32)",
    "np.array([250, 3], dtype=np.uint8) / 255",
    "np.array([250, 3], dtype=np.uint8) * 1.5",
    "np.array([10, 3], dtype=np.uint8) - np.array([20, 1], dtype=np.uint8)",
    "np.array([16, 3], dtype=np.uint8) * np.array([20, 100], dtype=np.uint8)",
    "-np.array([10, 3], dtype=np.uint8)",
    "np.array([250, 3], dtype=np.uint8) // 7",
    "np.array([250, 3], dtype=np.uint8) % 7",
    "np.array([250, 3], dtype=np.uint8) > 100",
    "np.array([250, 3], dtype=np.uint8) < 300",
    "np.array([200, 100, 7], dtype=np.uint8).max()",
    "np.array([200, 100, 7], dtype=np.uint8).argmax()",
    "np.array([200, 100, 7], dtype=np.uint8).mean()",
    "np.array([3, 1, 2], dtype=np.uint8)[np.array([2, 0], dtype=np.uint8)]",
    "np.sort(np.array([3, 1, 2], dtype=np.uint8))",
    "np.zeros(3, dtype=np.uint8)",
    "np.ones((2, 2), dtype='float16')",
    "np.array([1, 2], dtype=np.uint8) + np.array([0.5, 0.25], dtype=np.float16)",
    "np.exp(np.array([1, 2], dtype=np.uint8))",
    "np.array([0.1, 1 / 3], dtype=np.float16)",
    "np.array([0.1, 0.2], dtype=np.float16) + np.array([0.3, 0.4], dtype=np.float32)",
    "np.array([0.1, 0.2], dtype=np.float16) * 3",
    "np.array([0.7, 1.3, 2.9], dtype=np.float16) * 0.1",
    "np.array([0.7, 1.3, 2.9], dtype=np.float16) < 1.3",
    "np.array([0.1, 0.2], dtype=np.float16) + np.arange(2)",
    "np.array([1.5, 2.5], dtype=np.float16) / np.array([3.0, 7.0], dtype=np.float16)",
    "np.sqrt(np.array([0.1, 2.0], dtype=np.float16))",
    "np.arange(6).astype(np.float16).reshape(2, 3).sum(axis=0)",
    "np.array([0.1, 0.7, 0.3], dtype=np.float16).mean()",
    "np.array([1e-5, 65504, 3.14159, 70000.0]).astype(np.float16)",
    "np.array([1.5, 2.5], dtype=np.float16).dtype",
    "np.array([1, 2], dtype=np.uint8).dtype",
    "str(np.array([250, 3], dtype=np.uint8))",
    "str(np.array([0.1, 1 / 3], dtype=np.float16))",
    "str(np.array([1e-5, 65504, 3.14159], dtype=np.float16))",
    "str(np.array([999.0, 1.5], dtype=np.float16))",
    "str(np.array([1000.0, 1.5], dtype=np.float16))",
    "str(np.array([0.1], dtype=np.float16)[0])",
    "str(np.array([1000.0], dtype=np.float16)[0])",
    "str(np.array([[0.5, -2.25], [0.001, 7.0]], dtype=np.float16))",
    # the seeds' IDX loaders on the bundled files
    "import gzip; f = gzip.open('data/sample/train-labels-idx1-ubyte.gz', 'rb'); np.frombuffer(f.read(), np.uint8, offset=8)[:20]",
    "import gzip; f = gzip.open('data/sample/train-labels-idx1-ubyte.gz'); np.frombuffer(f.read(), 'B', count=8)",
    "import gzip; f = gzip.open('data/sample/train-images-idx3-ubyte.gz', 'rb'); x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28); x.shape",
    "import gzip; f = gzip.open('data/sample/train-images-idx3-ubyte.gz', 'rb'); x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28); x[0, 5:10, 10:15]",
    "import gzip; f = gzip.open('data/sample/t10k-images-idx3-ubyte.gz'); pixels = np.frombuffer(f.read(), 'B', offset=16); (pixels.reshape(-1, 28*28).astype('float32') / 255)[1, 200:210]",
    "import gzip; f = gzip.open('data/sample/t10k-labels-idx1-ubyte.gz'); np.frombuffer(f.read(), 'B', offset=8).astype(int).sum()",
    "f = open('data/sample/train-labels-idx1-ubyte.gz', 'rb'); np.frombuffer(f.read(), np.uint8)[:4]",
    "import gzip; f = gzip.open('data/sample/train-labels-idx1-ubyte.gz'); labels = np.frombuffer(f.read(), 'B', offset=8); onehot = np.zeros((labels.size, labels.max() + 1), dtype='uint8'); onehot[np.arange(labels.size), labels] = 1; onehot[:4]",
    "np.zeros(np.array([3, 2], dtype=np.uint8).max())",
    "np.take(np.arange(5) * 10, np.array([4, 1], dtype=np.uint8))",
    "import gzip; f = gzip.open('data/sample/train-labels-idx1-ubyte.gz'); f.read(); f.read()",
    "import gzip; f = gzip.open('data/sample/train-labels-idx1-ubyte.gz'); np.frombuffer(f.read(), np.float16, offset=8, count=3)",
]


def run(source):
    names = {"np": np, "gzip": gzip}
    *statements, last = source.split("; ")
    for statement in statements:
        exec(statement, names)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy warns on division by zero
        return eval(last, names)


def swift_case(source, value):
    quoted = '"' + source.replace('"', '\\"') + '"'
    if isinstance(value, (np.ndarray, np.generic)):
        value = np.asarray(value)
        values = ", ".join(repr(float(v)) for v in value.ravel())
        values = values.replace("nan", ".nan").replace("inf", ".infinity")
        return f'    NumpyCase({quoted}, dtype: "{value.dtype}", shape: {list(value.shape)}, values: [{values}]),'
    text = repr(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'    NumpyCase({quoted}, repr: "{text}"),'


def main():
    write_case_table(OUT, "make_function_fixtures.py", "Lines of numpy calls and what numpy gives for the last expression of each.", "numpyFunctionCases",
                     [swift_case(source, run(source)) for source in CASES])


if __name__ == "__main__":
    main()
