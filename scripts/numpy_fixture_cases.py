"""Tensors and the text numpy prints for them, written as a JSON fixture for the Swift tests.

Shared by make_print_fixtures.py (numpy's `str`) and make_repr_fixtures.py (numpy's `repr`).
Each case holds a dtype, a shape, the elements, and the expected text. Elements are strings that
read back exactly: float64 as Python's repr ("0.1", "-0.0", "nan", "-inf"), float32 as the 8 hex
digits of its bits, int64 in decimal, bool as "True"/"False". Arrays too large to store are
described by a `pattern` instead, which the tests rebuild element by element:

    v[i] = (i * multiplier + offset) % modulus            (int64 arithmetic, i = flat index)
    float dtypes: (dtype(v[i]) - dtype(shift)) / dtype(divisor)   (in that dtype's arithmetic)
    int64: v[i] - shift                                    bool: v[i] != 0
"""
import json
import os

import numpy as np


def encode(a):
    flat = a.ravel()
    if a.dtype == np.float64:
        return [repr(float(x)) for x in flat]
    if a.dtype == np.float32:
        return [f"{int(x):08x}" for x in flat.view(np.uint32)]
    if a.dtype == np.int64:
        return [str(int(x)) for x in flat]
    if a.dtype == np.bool_:
        return ["True" if x else "False" for x in flat]
    raise ValueError(f"unsupported dtype {a.dtype}")


def pattern_array(dtype, shape, multiplier, offset, modulus, shift=0, divisor=1):
    """The array the pattern in the module docstring describes."""
    n = int(np.prod(shape))
    v = (np.arange(n, dtype=np.int64) * multiplier + offset) % modulus
    if dtype in ("float64", "float32"):
        t = np.dtype(dtype).type
        a = (v.astype(dtype) - t(shift)) / t(divisor)
    elif dtype == "int64":
        a = v - shift
    else:
        a = v != 0
    a = a.reshape(shape)
    assert a.dtype == np.dtype(dtype)
    return a


class Cases:
    """The cases of one fixture file; `show` turns a case's value into its expected text."""

    def __init__(self, show):
        self.show = show
        self.cases = []

    def add(self, name, a, value=None, **extra):
        """A case stored element by element; `value` (default: the array) is what `show` prints."""
        a = np.asarray(a)
        assert a.size <= 1000, f"{name}: store arrays this large as a pattern"
        self.cases.append({"name": name, **extra, "dtype": str(a.dtype), "shape": list(a.shape),
                           "elements": encode(a), "expected": self.show(a if value is None else value)})
        return a

    def add_pattern(self, name, dtype, shape, multiplier, offset, modulus, shift=0, divisor=1, **extra):
        """A case rebuilt from the pattern in the module docstring."""
        a = pattern_array(dtype, shape, multiplier, offset, modulus, shift, divisor)
        self.cases.append({"name": name, **extra, "dtype": dtype, "shape": list(shape),
                           "pattern": {"multiplier": multiplier, "offset": offset, "modulus": modulus,
                                       "shift": shift, "divisor": divisor},
                           "expected": self.show(a)})

    def write(self, path, root):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"numpy": np.__version__, "cases": self.cases}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"wrote {len(self.cases)} cases to {os.path.relpath(path, root)} ({os.path.getsize(path)} bytes)")
