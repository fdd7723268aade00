#!/usr/bin/env python3
"""Writes Tests/InterpreterTests/NumpyReference.swift: expressions of the REPL
language next to the values numpy gives for the same computation.

Each case is (setup, expression) in the REPL language and (setup, expression)
in numpy. The REPL's value must equal numpy's: same dtype and shape for
arrays and numpy scalars (0-d tensors in the REPL), same repr for plain Python
values (ints, floats, bools, tuples, strings, dtypes).

Run from the repository root:  python3 scripts/make_interpreter_fixtures.py
"""
import math
import struct
import numpy as np

SETUP = ('x = array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]); i = array([[1, 2], [3, 4]]); v = array([0.5, -1.5, 2.5]); '
         'm = i > 2; f = array([1.5, -2.5], dtype: "float32")')
ENV = {
    'np': np,
    'x': np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]]),
    'i': np.array([[1, 2], [3, 4]]),
    'v': np.array([0.5, -1.5, 2.5]),
    'f': np.array([1.5, -2.5], dtype=np.float32),
}
ENV['m'] = ENV['i'] > 2


def softmax(a, axis=-1):
    e = np.exp(a - a.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


ENV['softmax'] = softmax
ENV['sigmoid'] = lambda a: 1 / (1 + np.exp(-a))

# (REPL expression, numpy expression); "seed(0); …" cases reseed both sides first.
CASES = [
    # arithmetic with broadcasting and numpy 2 promotion
    ('x + 1', 'x + 1'), ('x - v', 'x - v'), ('x * v', 'x * v'), ('x / 2', 'x / 2'),
    ('i / 2', 'i / 2'), ('i * 2', 'i * 2'), ('i ** 2', 'i ** 2'), ('x ** 2', 'x ** 2'),
    ('-x', '-x'), ('+i', '+i'), ('i + 1.5', 'i + 1.5'), ('f * 2', 'f * 2'), ('f * 2.5', 'f * 2.5'),
    ('f + i[0]', 'f + i[0]'), ('x * x.sum()', 'x * x.sum()'), ('2 * x - 1', '2 * x - 1'),
    ('x - x.mean(axis: 0)', 'x - x.mean(axis=0)'), ('(x + 1) * (v - 2)', '(x + 1) * (v - 2)'),
    # matmul
    ('i @ i', 'i @ i'), ('x @ x.T', 'x @ x.T'), ('v @ v', 'v @ v'), ('x @ v', 'x @ v'),
    ('x.T @ x', 'x.T @ x'), ('i @ i + 1', 'i @ i + 1'),
    # comparisons and masks
    ('x > 0', 'x > 0'), ('i == 2', 'i == 2'), ('i != 2', 'i != 2'), ('x <= v', 'x <= v'), ('x >= 3', 'x >= 3'),
    ('x < v', 'x < v'), ('(x > 0) & (x < 4)', '(x > 0) & (x < 4)'), ('(x > 0) | (x < -5)', '(x > 0) | (x < -5)'),
    ('~m', '~m'), ('~i', '~i'),
    # indexing and slicing
    ('x[0]', 'x[0]'), ('x[0:1, :]', 'x[0:1, :]'), ('x[:, 1]', 'x[:, 1]'), ('x[::2]', 'x[::2]'),
    ('x[:, ::-1]', 'x[:, ::-1]'), ('x[-1]', 'x[-1]'), ('x[1, 2]', 'x[1, 2]'), ('x[i[0] - 1]', 'x[i[0] - 1]'),
    ('x[x > 0]', 'x[x > 0]'), ('x[:, None]', 'x[:, None]'), ('x[1, -2:]', 'x[1, -2:]'), ('x[0][2]', 'x[0][2]'),
    ('x[[1, 0]]', 'x[[1, 0]]'), ('v[1:]', 'v[1:]'), ('x[:, [0, 2]]', 'x[:, [0, 2]]'),
    # attributes
    ('x.T', 'x.T'), ('x.shape', 'x.shape'), ('x.ndim', 'x.ndim'), ('x.size', 'x.size'), ('x.dtype', 'x.dtype'),
    ('f.dtype', 'f.dtype'), ('x[None].shape', 'x[None].shape'), ('x.shape[0]', 'x.shape[0]'),
    # reductions
    ('x.sum()', 'x.sum()'), ('x.sum(axis: 0)', 'x.sum(axis=0)'), ('x.sum(axis=1, keepdims=True)', 'x.sum(axis=1, keepdims=True)'),
    ('x.mean()', 'x.mean()'), ('x.mean(axis: 1)', 'x.mean(axis=1)'), ('x.max()', 'x.max()'),
    ('x.max(axis: 0)', 'x.max(axis=0)'), ('x.min(axis: 1)', 'x.min(axis=1)'), ('x.argmax(axis: 1)', 'x.argmax(axis=1)'),
    ('x.argmax()', 'x.argmax()'), ('x.argmin(axis: 0)', 'x.argmin(axis=0)'), ('x.std()', 'x.std()'),
    ('x.var(axis: 0)', 'x.var(axis=0)'), ('i.sum()', 'i.sum()'), ('m.sum()', 'm.sum()'), ('sum(x, axis: -1)', 'np.sum(x, axis=-1)'),
    ('mean(i)', 'np.mean(i)'), ('std(x, axis: 1)', 'np.std(x, axis=1)'), ('var(x)', 'np.var(x)'), ('max(i)', 'np.max(i)'),
    ('min(x)', 'np.min(x)'), ('argmax(x, axis: 0)', 'np.argmax(x, axis=0)'), ('any(m)', 'np.any(m)'), ('all(m)', 'np.all(m)'),
    ('m.any(axis: 0)', 'm.any(axis=0)'), ('m.all(axis: 1)', 'm.all(axis=1)'), ('x.max(axis: 1, keepdims: true)', 'x.max(axis=1, keepdims=True)'),
    # makers
    ('zeros(2, 3)', 'np.zeros((2, 3))'), ('ones((2,))', 'np.ones((2,))'), ('zeros(2, dtype: "int64")', 'np.zeros(2, dtype=np.int64)'),
    ('ones(2, 2, dtype: "float32")', 'np.ones((2, 2), dtype=np.float32)'), ('arange(5)', 'np.arange(5)'),
    ('arange(1, 2, 0.25)', 'np.arange(1, 2, 0.25)'), ('arange(0, 10, 3)', 'np.arange(0, 10, 3)'), ('arange(5.0)', 'np.arange(5.0)'),
    ('array([[1, 2], [3, 4]])', 'np.array([[1, 2], [3, 4]])'), ('array([1, 2.5])', 'np.array([1, 2.5])'),
    ('array([true, 2])', 'np.array([True, 2])'), ('array([1, 2], dtype: "float32")', 'np.array([1, 2], dtype=np.float32)'),
    ('array([[1, 2], [3, 4]])', 'np.array([[1, 2], [3, 4]])'), ('array([1.5, 2])', 'np.array([1.5, 2])'), ('array([true, false])', 'np.array([True, False])'),
    ('full((2, 2), 0.5)', 'np.full((2, 2), 0.5)'), ('full(3, 7)', 'np.full(3, 7)'), ('zeros_like(i)', 'np.zeros_like(i)'),
    ('ones_like(x)', 'np.ones_like(x)'), ('zeros(0, 3)', 'np.zeros((0, 3))'),
    # element-wise math
    ('exp(x)', 'np.exp(x)'), ('log(abs(x))', 'np.log(np.abs(x))'), ('sqrt(abs(x))', 'np.sqrt(np.abs(x))'), ('abs(x)', 'np.abs(x)'),
    ('abs(i - 3)', 'np.abs(i - 3)'), ('tanh(x)', 'np.tanh(x)'), ('exp(i)', 'np.exp(i)'), ('square(i)', 'np.square(i)'),
    ('maximum(x, 0)', 'np.maximum(x, 0)'), ('minimum(x, v)', 'np.minimum(x, v)'), ('maximum(f, 0)', 'np.maximum(f, 0)'),
    ('clip(x, -1, 2)', 'np.clip(x, -1, 2)'), ('clip(x, min: 0)', 'np.clip(x, 0, None)'),
    ('where(x > 0, x, 0)', 'np.where(x > 0, x, 0)'), ('where(m, 1, 0)', 'np.where(m, 1, 0)'), ('where(m, i, -i)', 'np.where(m, i, -i)'),
    ('where(f > 0, f, 0)', 'np.where(f > 0, f, 0)'),
    ('matmul(x, x.T)', 'np.matmul(x, x.T)'), ('dot(v, v)', 'np.dot(v, v)'), ('dot(i, i)', 'np.dot(i, i)'),
    ('allclose(x, x + 1e-10)', 'np.allclose(x, x + 1e-10)'), ('allclose(x, x + 0.1)', 'np.allclose(x, x + 0.1)'),
    ('array_equal(i, i)', 'np.array_equal(i, i)'), ('array_equal(i, i.T)', 'np.array_equal(i, i.T)'),
    # shape
    ('concatenate([x, x], axis: 0)', 'np.concatenate([x, x], axis=0)'), ('concatenate([x, x], axis: 1)', 'np.concatenate([x, x], axis=1)'),
    ('concatenate([x, x[0:1]])', 'np.concatenate([x, x[0:1]])'), ('reshape(x, 3, 2)', 'np.reshape(x, (3, 2))'),
    ('x.reshape(-1)', 'x.reshape(-1)'), ('x.reshape((1, -1))', 'x.reshape((1, -1))'), ('transpose(x)', 'np.transpose(x)'),
    ('x.transpose(1, 0)', 'x.transpose(1, 0)'), ('x.flatten()', 'x.flatten()'), ('x.astype("int64")', 'x.astype(np.int64)'),
    ('x.astype("float32")', 'x.astype(np.float32)'), ('x.astype(np.float32)', 'x.astype(np.float32)'), ('i.astype("bool")', 'i.astype(bool)'),
    ('len(x)', 'len(x)'), ('shape(x)', 'np.shape(x)'), ('x[0, 0].item()', 'x[0, 0].item()'),
    # neural-network helpers
    ('sigmoid(x)', 'sigmoid(x)'), ('relu(x)', 'np.maximum(x, 0)'), ('softmax(x)', 'softmax(x)'), ('softmax(x, axis: 0)', 'softmax(x, axis=0)'),
    ('softmax([0.0, 1000.0, -1000.0])', 'softmax(np.array([0.0, 1000.0, -1000.0]))'),
    ('sigmoid([0.0, 1000.0, -1000.0])', 'np.array([0.5, 1.0, 0.0])'),
    ('onehot([1, 0, 2], 3)', 'np.eye(3)[[1, 0, 2]]'),
    # random (numpy's legacy global generator)
    ('seed(0); randn(3)', 'np.random.seed(0); np.random.randn(3)'), ('seed(1); randn(2, 3)', 'np.random.seed(1); np.random.randn(2, 3)'),
    ('seed(0); rand(4)', 'np.random.seed(0); np.random.rand(4)'), ('seed(0); randint(0, 10, size: 5)', 'np.random.seed(0); np.random.randint(0, 10, size=5)'),
    ('seed(3); randint(5, size: (2, 3))', 'np.random.seed(3); np.random.randint(5, size=(2, 3))'),
    ('seed(0); randint(0, 100)', 'np.random.seed(0); np.random.randint(0, 100)'),
    ('seed(0); permutation(6)', 'np.random.seed(0); np.random.permutation(6)'), ('seed(2); permutation(x)', 'np.random.seed(2); np.random.permutation(x)'),
    ('seed(0); choice(10, size: 4)', 'np.random.seed(0); np.random.choice(10, size=4)'),
    ('seed(0); choice(10, size: 3, replace: false)', 'np.random.seed(0); np.random.choice(10, size=3, replace=False)'),
    ('seed(5); choice(v, size: 2)', 'np.random.seed(5); np.random.choice(v, size=2)'),
    ('seed(0); randn()', 'np.random.seed(0); float(np.random.randn())'), ('np.random.seed(0); np.random.randn(2)', 'np.random.seed(0); np.random.randn(2)'),
    ('seed(0); a = randn(2); b = randn(2); b', 'np.random.seed(0); a = np.random.randn(2); b = np.random.randn(2); b'),
    # plain Python numbers and values
    ('1 + 2 * 3', '1 + 2 * 3'), ('(1 + 2) * 3', '(1 + 2) * 3'), ('2 ** 3 ** 2', '2 ** 3 ** 2'), ('-2 ** 2', '-2 ** 2'),
    ('2 ** -1', '2 ** -1'), ('10 / 4', '10 / 4'), ('7 // 2', '7 // 2'), ('-7 // 2', '-7 // 2'), ('-7 % 3', '-7 % 3'),
    ('7.5 % 2', '7.5 % 2'), ('true + true', 'True + True'), ('1 < 2', '1 < 2'), ('0.1 + 0.2', '0.1 + 0.2'),
    ('1e-3 * 3', '1e-3 * 3'), ('"a" + "b"', '"a" + "b"'), ('(1, 2) + (3,)', '(1, 2) + (3,)'), ('3 & 5', '3 & 5'),
    ('not 0', 'not 0'), ('1 and 2', '1 and 2'), ('0 or 3', '0 or 3'), ('1e16', '1e16'), ('123456789.0 * 10', '123456789.0 * 10'),
    ('float(3)', 'float(3)'), ('int(-2.7)', 'int(-2.7)'), ('int("42")', 'int("42")'), ('float("1e-3")', 'float("1e-3")'),
    ('len("abc")', 'len("abc")'), ('list(range(0, 10, 3))', 'list(range(0, 10, 3))'), ('list(range(5, 0, -2))', 'list(range(5, 0, -2))'),
    ('range(2, 7)', 'range(2, 7)'), ('range(0, 10, 3)', 'range(0, 10, 3)'), ('len(range(0, 10, 3))', 'len(range(0, 10, 3))'),
    ('len(range(5, 0, -2))', 'len(range(5, 0, -2))'), ('list("ab")', 'list("ab")'),
    ('x.shape == (2, 3)', 'x.shape == (2, 3)'), ('x.dtype == "float64"', 'x.dtype == "float64"'), ('(1, 2)[1]', '(1, 2)[1]'),
    ('"hello"[1:3]', '"hello"[1:3]'), ('int(x.sum())', 'int(x.sum())'), ('float(i[1, 1])', 'float(i[1, 1])'),
    ('pi', 'np.pi'), ('2.0 ** 0.5', '2.0 ** 0.5'), ('3 - 5', '3 - 5'), ('-(3)', '-(3)'), ('~5', '~5'),
]


# Floats whose printed form must match Python's repr (float64) and numpy's str (float32).
FLOAT64_REPRS = [0.1, 1e-05, 1e16, 1e15, 123456789012345678.0, 0.0001, 0.00012345, -0.0, 0.0, 1.5, 100.0, 1e-07,
                 2.5e-10, 1.7976931348623157e308, 5e-324, math.pi, 1 / 3, 2 / 3 * 1e20, 12345.678, 1e22,
                 9999999999999998.0, -2.5, 1234567890123456.0, 0.30000000000000004, float('nan'), float('inf'), -float('inf')]
FLOAT32_STRS = [0.1, 1e-05, 3.4028235e38, 1.5, 16777216.0, 1e16, 0.3, -7.25, 1e-40, 123456.79]


# A two-layer network trained by hand for 50 steps of gradient descent, as a
# learner would type it: every stage of the seeds (forward, softmax
# cross-entropy, backward, the SGD update) in the REPL language.
HAND_TRAINING = [
    'seed(0); N = 100; D = 4; H = 8; C = 3',
    'X = randn(N, D); y = randint(0, C, size: N); T = onehot(y, C)',
    'W1 = 0.1 * randn(D, H); b1 = zeros(H); W2 = 0.1 * randn(H, C); b2 = zeros(C); lr = 0.5',
    'for step in range(50): h = relu(X @ W1 + b1); p = softmax(h @ W2 + b2); loss = -(T * log(p)).sum() / N; '
    'dz = (p - T) / N; dW2 = h.T @ dz; db2 = dz.sum(axis: 0); dh = dz @ W2.T; dh[h <= 0] = 0; '
    'dW1 = X.T @ dh; db1 = dh.sum(axis: 0); W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2',
    'accuracy = (p.argmax(axis: 1) == y).mean()',
]


def hand_training():
    """The same computation in numpy: the final loss and accuracy."""
    np.random.seed(0)
    N, D, H, C = 100, 4, 8, 3
    X = np.random.randn(N, D)
    y = np.random.randint(0, C, size=N)
    T = np.eye(C)[y]
    W1 = 0.1 * np.random.randn(D, H); b1 = np.zeros(H); W2 = 0.1 * np.random.randn(H, C); b2 = np.zeros(C)
    lr = 0.5
    for _ in range(50):
        h = np.maximum(X @ W1 + b1, 0)
        p = softmax(h @ W2 + b2)
        loss = -(T * np.log(p)).sum() / N
        dz = (p - T) / N
        dW2 = h.T @ dz; db2 = dz.sum(axis=0)
        dh = dz @ W2.T
        dh[h <= 0] = 0
        dW1 = X.T @ dh; db1 = dh.sum(axis=0)
        W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2
    return loss, (p.argmax(axis=1) == y).mean()


def swift_double(d):
    if math.isnan(d):
        return '.nan'
    if math.isinf(d):
        return '.infinity' if d > 0 else '-.infinity'
    if d != 0 and abs(d) < 2.2250738585072014e-308:
        # A subnormal literal draws an "underflows" warning from the compiler; its bits do not.
        return f'Double(bitPattern: 0x{struct.unpack("<Q", struct.pack("<d", d))[0]:016x})'
    return repr(float(d))


def swift_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def evaluate(numpy_source):
    env = dict(ENV)
    *statements, last = [part.strip() for part in numpy_source.split(';')]
    for statement in statements:
        exec(statement, env)
    return eval(last, env)


def entry(repl, numpy_source):
    value = evaluate(numpy_source)
    if isinstance(value, (np.ndarray, np.generic)) and not isinstance(value, np.dtype):
        array = np.asarray(value)
        dtype = {np.dtype(np.float64): 'float64', np.dtype(np.float32): 'float32',
                 np.dtype(np.int64): 'int64', np.dtype(np.bool_): 'bool'}[array.dtype]
        values = ', '.join(swift_double(float(e)) for e in array.reshape(-1))
        shape = ', '.join(str(d) for d in array.shape)
        return f'    NumpyCase({swift_string(repl)}, dtype: "{dtype}", shape: [{shape}], values: [{values}]),'
    if isinstance(value, list):
        text = '[' + ', '.join(repr(e) for e in value) + ']'
    else:
        text = repr(value)
    return f'    NumpyCase({swift_string(repl)}, repr: {swift_string(text)}),'


def main():
    lines = [
        '// Generated by scripts/make_interpreter_fixtures.py from numpy ' + np.__version__ + '; do not edit by hand.',
        '',
        '/// The variables every case starts from, in the REPL language.',
        f'let numpyCaseSetup = {swift_string(SETUP)}',
        '',
        '/// REPL expressions and the values numpy computes for the same thing.',
        'let numpyCases: [NumpyCase] = [',
    ]
    lines += [entry(repl, numpy_source) for repl, numpy_source in CASES]
    lines += [']', '']
    lines += ['/// Doubles and the way Python\'s repr prints them.', 'let pythonFloatReprs: [(Double, String)] = [']
    lines += [f'    ({swift_double(d)}, {swift_string(repr(d))}),' for d in FLOAT64_REPRS]
    lines += [']', '']
    lines += ['/// Float32 values (written as their exact doubles) and the way numpy prints them.',
              'let numpyFloat32Strs: [(Double, String)] = [']
    lines += [f'    ({swift_double(float(np.float32(d)))}, {swift_string(str(np.float32(d)))}),' for d in FLOAT32_STRS]
    lines += [']', '']
    loss, accuracy = hand_training()
    lines += ['/// Training by hand in the REPL language, line by line, and numpy\'s final loss and accuracy.',
              'let handTrainingLines = [']
    lines += [f'    {swift_string(line)},' for line in HAND_TRAINING]
    lines += [']', f'let handTrainingLoss = {swift_double(loss)}', f'let handTrainingAccuracy = {swift_double(accuracy)}', '']
    with open('Tests/InterpreterTests/NumpyReference.swift', 'w') as out:
        out.write('\n'.join(lines))
    print(f'wrote {len(CASES)} cases')


if __name__ == '__main__':
    main()
