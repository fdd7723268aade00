#!/usr/bin/env python3
"""Writes Tests/TensorTests/Fixtures/ops.json: numpy's results for mlplab's tensor operations.
Each case names an operation, its inputs (dtype, shape, values) and keyword arguments, and numpy's output."""
import json, os, numpy as np

rs = np.random.RandomState(7)
cases = []
arrays = []      # every input and output once; cases refer to them by position
seen = {}

def ref(a):
    key = id(a)
    if key not in seen:
        seen[key] = len(arrays)
        arrays.append(enc(a))
    return seen[key]

def enc(a):
    a = np.asarray(a)
    vals = a.ravel().tolist()
    if a.dtype.kind == 'f':
        vals = [repr(float(v)) for v in a.ravel()]  # repr keeps every bit; nan/inf as strings
    return {"dtype": str(a.dtype), "shape": list(a.shape), "values": vals}

def case(name, op, inputs, expected, **kw):
    keep.extend(inputs)  # keep ids unique while the script runs
    cases.append({"name": name, "op": op, "inputs": [ref(x) for x in inputs], "kw": kw, "expected": len(arrays)})
    arrays.append(enc(expected))

keep = []

f64 = lambda *s: np.asarray(rs.randn(*s))
f32 = lambda *s: np.asarray(rs.randn(*s)).astype(np.float32)
i64 = lambda *s: np.asarray(rs.randint(-5, 6, size=s)).astype(np.int64)

# binary ops with broadcasting and promotion
binops = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.true_divide,
          "maximum": np.maximum, "minimum": np.minimum, "less": np.less, "greater_equal": np.greater_equal,
          "equal": np.equal}
pairs = [((3, 4), (3, 4)), ((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 3, 4), (3, 1)), ((5,), ())]
for name, f in binops.items():
    for sa, sb in pairs:
        for ma, mb in [(f64, f64), (f32, f32), (i64, i64), (f32, i64), (i64, f64)]:
            a, b = ma(*sa), mb(*sb)
            case(f"{name} {a.dtype}{sa} {b.dtype}{sb}", name, [a, b], f(a, b))
# power with positive floats, ints
a = np.abs(f64(3, 4)) + 0.1; b = f64(4)
case("power f64", "power", [a, b], np.power(a, b))
a = rs.randint(0, 5, size=(3, 4)); b = rs.randint(0, 4, size=(4,))
case("power int", "power", [a, b], np.power(a, b))
# weak scalars (NEP 50)
a = f32(3, 4); case("f32 * weak 2.5", "multiply_weak", [a, np.array(2.5)], a * 2.5)
a = rs.randint(0, 256, size=(2, 5)); case("int / weak 255", "divide_weak", [a, np.array(255)], a / 255)
a = f32(6); case("f32 - weak int", "subtract_weak", [a, np.array(3)], a - 3)
a = rs.randint(0, 9, size=(4,)); case("int * weak float", "multiply_weak", [a, np.array(0.5)], a * 0.5)
a = f64(2, 3); case("f64 ** weak 2", "power_weak", [a, np.array(2)], a ** 2)
# unary
for u, f in {"exp": np.exp, "log": np.log, "sqrt": np.sqrt, "tanh": np.tanh, "abs": np.abs,
             "negative": np.negative, "square": np.square}.items():
    for m in (f64, f32):
        x = m(3, 5)
        if u in ("log", "sqrt"): x = np.abs(x) + np.float32(0.01)
        case(f"{u} {x.dtype}", u, [x], f(x))
    if u in ("exp", "abs", "negative"):
        x = i64(4); case(f"{u} int64", u, [x], f(x))
x = np.array([0.0, 1000.0, -1000.0, 2.0, -2.0]); case("sigmoid stable", "sigmoid", [x], np.array([0.5, 1.0, 0.0, 1/(1+np.exp(-2.0)), np.exp(-2.0)/(1+np.exp(-2.0))]))
x = f64(3, 4); case("relu", "relu", [x], np.maximum(x, 0))
x = f64(4, 5); case("clip", "clip", [x], np.clip(x, -0.5, 0.7), min=-0.5, max=0.7)
m = f64(3, 4) > 0; a = f64(3, 4); b = f64(4); case("where", "where", [m, a, b], np.where(m, a, b))
# reductions
for m in (f64, f32, i64):
    for shape in [(7,), (4, 5), (3, 200), (150, 3), (2, 3, 4), (130,), (1000,)]:
        x = m(*shape)
        big = x.size > 100
        for axis in [None] + list(range(-1, len(shape))):
            for red in (["sum", "mean", "std"] if big else ["sum", "mean", "max", "min", "argmax", "std", "var"]):
                r = getattr(np, red)(x, axis=axis)
                case(f"{red} {x.dtype}{shape} axis={axis}", red, [x], r, axis=axis, keepdims=False)
        r = np.sum(x, axis=-1, keepdims=True); case(f"sum keepdims {x.dtype}{shape}", "sum", [x], r, axis=-1, keepdims=True)
        r = np.mean(x, axis=0, keepdims=True); case(f"mean keepdims {x.dtype}{shape}", "mean", [x], r, axis=0, keepdims=True)
x = np.array([1.0, np.nan, 3.0]); case("max nan", "max", [x], np.max(x), axis=None, keepdims=False)
x = np.array([[1, 5, 5], [7, 7, 2]]); case("argmax ties", "argmax", [x], np.argmax(x, axis=1), axis=1, keepdims=False)
# matmul. BLAS may add a dot product's terms in any order, so a float result is compared within
# the bound that holds for every order: each of two implementations errs by at most K·u·Σ|aᵢbᵢ|
# (K the length, u the unit roundoff). Σ|aᵢbᵢ| is |a| @ |b|, in float64.
def matmul_case(name, a, b):
    abs_products = np.abs(a).astype(np.float64) @ np.abs(b).astype(np.float64)
    case(name, "matmul", [a, b], a @ b, depth=a.shape[-1], abs_products=np.ravel(abs_products).tolist())

for m in (f64, f32):
    for sa, sb in [((3, 4), (4, 5)), ((4,), (4, 5)), ((3, 4), (4,)), ((4,), (4,)), ((2, 3, 4), (2, 4, 5)), ((2, 3, 4), (4, 5)), ((1, 784), (784, 10))]:
        a, b = m(*sa), m(*sb); matmul_case(f"matmul {a.dtype}{sa}@{sb}", a, b)
a = np.array([[1, 2], [3, 4]]); b = np.array([[5, 6], [7, 8]]); matmul_case("matmul int seeds", a, b)
a = f32(3, 4); b = i64(4, 2); matmul_case("matmul f32@int", a, b)
# shape
x = f64(2, 3, 4)
case("reshape -1", "reshape", [x], x.reshape(-1, 4), shape=[-1, 4])
case("transpose T", "T", [x], x.T)
case("transpose axes", "transpose", [x], np.transpose(x, (1, 0, 2)), axes=[1, 0, 2])
x = f32(37, 29); case("transpose 2d big", "T", [x], x.T)
a, b = f64(2, 3), f64(4, 3); case("concatenate 0", "concatenate", [a, b], np.concatenate([a, b], 0), axis=0)
a, b = f64(2, 3), i64(2, 2); case("concatenate 1 mixed", "concatenate", [a, b], np.concatenate([a, b], 1), axis=1)
y = np.array([0, 9, 3, 3, 1]); case("onehot", "onehot", [y], np.eye(10)[y], classes=10)
x = np.arange(6).reshape(2, 3).astype(np.float32); case("arange f32 (seeds)", "identity", [x], x)
# indexing: spec items are ["int", k], ["slice", start, stop, step], ["input", n] (an index array) or ["newaxis"]
def numpy_key(spec, extra_inputs):
    """The numpy index a spec describes."""
    key = []
    for item in spec:
        if item[0] == "int": key.append(item[1])
        elif item[0] == "slice": key.append(slice(*item[1:]))
        elif item[0] == "input": key.append(extra_inputs[item[1]])
        else: key.append(None)
    return tuple(key)

def index_case(name, x, spec, extra_inputs=()):
    case(name, "index", [x, *extra_inputs], x[numpy_key(spec, extra_inputs)], spec=spec)

x = f64(6, 5)
index_case("x[0]", x, [["int", 0]])
index_case("x[-1]", x, [["int", -1]])
index_case("x[1:4]", x, [["slice", 1, 4, None]])
index_case("x[0:5, :]", x, [["slice", 0, 5, None], ["slice", None, None, None]])
index_case("x[:, 3]", x, [["slice", None, None, None], ["int", 3]])
index_case("x[::2, 1:]", x, [["slice", None, None, 2], ["slice", 1, None, None]])
index_case("x[::-1]", x, [["slice", None, None, -1]])
index_case("x[-3:, -2]", x, [["slice", -3, None, None], ["int", -2]])
index_case("x[2, 4]", x, [["int", 2], ["int", 4]])
index_case("x[:, None]", x, [["slice", None, None, None], ["newaxis"]])
index_case("x[idx]", x, [["input", 0]], [np.array([4, 0, 0, 2])])
index_case("x[idx2d]", x, [["input", 0]], [np.array([[1, 2], [3, 5]])])
index_case("x[:, idx]", x, [["slice", None, None, None], ["input", 0]], [np.array([4, 1])])
index_case("x[arange, y]", x, [["input", 0], ["input", 1]], [np.arange(6), np.array([0, 4, 2, 2, 1, 3])])
index_case("x[mask2d]", x, [["input", 0]], [x > 0.3])
index_case("x[rowmask]", x, [["input", 0]], [np.array([True, False, True, True, False, False])])
index_case("x[1:5][, rowmask2]", x, [["slice", 1, 5, None], ["input", 0]], [np.array([True, False, False, True, True])])
y = f32(3, 4, 5)
index_case("3d y[1]", y, [["int", 1]])
index_case("3d y[:, 2, 1:3]", y, [["slice", None, None, None], ["int", 2], ["slice", 1, 3, None]])
index_case("3d y[idx, :, idx]", y, [["input", 0], ["slice", None, None, None], ["input", 1]], [np.array([0, 2]), np.array([4, 1])])

# assignment: ["assign", spec] with the value as the last input
def assign_case(name, x, spec, value, extra_inputs=()):
    out = x.copy(); out[numpy_key(spec, extra_inputs)] = value
    case(name, "assign", [x, *extra_inputs, np.asarray(value)], out, spec=spec)

g = f64(4, 5); h = f64(4, 5)
assign_case("g[h <= 0] = 0", g, [["input", 0]], 0.0, [h <= 0])
assign_case("x[0, 1] = 5", g, [["int", 0], ["int", 1]], 5.0)
assign_case("x[1:3] = row", g, [["slice", 1, 3, None]], f64(5))
assign_case("x[:, 2] = col", g, [["slice", None, None, None], ["int", 2]], f64(4))
assign_case("p[arange, y] = p - 1", g, [["input", 0], ["input", 1]], g[np.arange(4), [1, 0, 4, 4]] - 1, [np.arange(4), np.array([1, 0, 4, 4])])
assign_case("int x[0] = 2.7 truncates", np.arange(6).reshape(2, 3), [["int", 0]], 2.7)

with open(os.path.join(os.path.dirname(__file__), "..", "Tests", "TensorTests", "Fixtures", "ops.json"), "w") as f:
    json.dump({"arrays": arrays, "cases": cases}, f)
print(len(cases), "cases")
