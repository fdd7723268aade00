#!/usr/bin/env python3
"""Write Tests/TensorTests/Fixtures/rng.json: reference draws from numpy's legacy np.random.

Each script starts from np.random.seed(seed) and runs a list of steps in order, so the
fixture checks both single functions and how they share one stream (the cached
gaussian, draws consumed by randint/permutation/choice, errors that consume none).
A step is {"op": name, "args": [...], "result": [...]} or, when numpy raises,
{"op": ..., "args": [...], "error": message}. Doubles are written with repr, so they
read back to the same bits. Run from the repository root: python3 scripts/make_rng_fixtures.py
"""
import json
import pathlib

import numpy as np

SEEDS = [0, 1, 42, 1984, 2**32 - 1]
OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/TensorTests/Fixtures/rng.json"


def raw_uint32(count):
    # A range of exactly 2**32 values takes one 32-bit draw per element and never rejects.
    return np.random.randint(0, 2**32, size=count, dtype=np.uint64)


def shuffled(n):
    values = np.arange(n) * 10
    np.random.shuffle(values)
    return values


def shuffled_rows(rows, columns):
    values = np.arange(rows * columns).reshape(rows, columns)
    np.random.shuffle(values)
    return values.ravel()


OPS = {
    "seed": lambda s: np.random.seed(s),
    "uint32": raw_uint32,
    "rand": lambda n: np.random.rand(n),
    "randn": lambda n: np.random.randn(n),
    "standard_normal": lambda: [np.random.standard_normal()],
    "random_sample": lambda: [np.random.random_sample()],
    "uniform": lambda low, high, n: np.random.uniform(low, high, n),
    "normal": lambda loc, scale, n: np.random.normal(loc, scale, n),
    "randint": lambda low, high, n: np.random.randint(low, high, n, dtype=np.int64),
    "permutation": lambda n: np.random.permutation(n),
    "shuffle": shuffled,
    "shuffle_rows": shuffled_rows,
    "choice": lambda n, size, replace: np.random.choice(n, size, replace=replace),
    "tensor_randn": lambda shape: np.asarray(np.random.randn(*shape)).ravel(),
    "tensor_rand": lambda shape: np.asarray(np.random.rand(*shape)).ravel(),
    "tensor_randint": lambda low, high, shape: np.random.randint(low, high, tuple(shape)).ravel(),
}


def run(op, *args):
    step = {"op": op, "args": list(args)}
    try:
        result = OPS[op](*args)
    except ValueError as error:
        step["error"] = str(error)
        return step
    if result is not None:
        step["result"] = [v.item() if hasattr(v, "item") else v for v in np.asarray(result).ravel()]
    return step


def per_seed_script(seed):
    """Every function once, from a fresh seed."""
    return [
        run("seed", seed),
        run("uint32", 8),
        run("rand", 5),
        run("randn", 5),
        run("uniform", -2.5, 3.0, 4),
        run("normal", 10.0, 0.5, 3),
        run("randint", 0, 10, 8),
        run("randint", -5, 5, 6),
        run("permutation", 10),
        run("shuffle", 7),
        run("shuffle_rows", 5, 3),
        run("choice", 10, 4, True),
        run("choice", 10, 4, False),
        run("randn", 3),
    ]


def interleaved_script():
    """The sequence of the task statement, and the cached gaussian crossing other calls."""
    return [
        run("seed", 0),
        run("randn", 3),  # the anchor: [1.764052345967664, 0.4001572083672233, 0.9787379841057392]
        run("rand", 2),   # one gaussian is still cached here and must survive
        run("randn", 1),  # ... and comes out now
        run("randint", 0, 10, 5),
        run("permutation", 7),
        run("choice", 10, 3, False),
        run("normal", 0.0, 2.0, 3),  # leaves one gaussian cached
        run("uint32", 3),
        run("uniform", 1.0, 1.0, 2),
        run("standard_normal"),  # the cached one
        run("standard_normal"),
        run("random_sample"),
        run("choice", 5, 6, True),
        run("randn", 1),  # caches one
        run("seed", 0),   # must clear the cache: the next value is the anchor's first again
        run("randn", 1),
        run("seed", 2**32 - 1),
        run("randn", 2),
    ]


def edge_script():
    """Ranges of one value, errors, wide ranges, empty and tiny sizes."""
    return [
        run("seed", 1984),
        run("randint", 5, 6, 4),   # a single value: numpy takes no draw
        run("rand", 1),
        run("randint", 5, 5, 3),   # errors take no draw either
        run("randint", 7, 3, 3),
        run("choice", 3, 5, False),
        run("choice", 0, 2, True),
        run("choice", 0, 0, False),
        run("randint", 9, 9, 0),   # size 0 returns before the bounds check
        run("rand", 1),
        run("randint", 0, 2**32, 4),          # 32-bit draws, no rejection
        run("randint", 0, 2**32 + 1, 4),      # just over 32 bits: 64-bit draws
        run("randint", -(2**62), 2**62, 4),
        run("randint", -(2**63), 2**63 - 1, 6),  # the whole int64 range but one
        run("randint", -(2**63), -(2**63) + 3, 6),
        run("randint", 2**63 - 4, 2**63 - 1, 6),
        run("randint", 0, 1000003, 4),
        run("permutation", 0),
        run("permutation", 1),
        run("permutation", 2),
        run("shuffle", 1),
        run("shuffle_rows", 1, 4),
        run("shuffle_rows", 4, 1),
        run("choice", 1, 3, True),
        run("choice", 6, 6, False),
        run("choice", 6, 0, False),
        run("uniform", 3.0, -1.0, 3),   # low > high is allowed
        run("normal", 1.5, 0.0, 2),     # scale 0 still draws
        run("randn", 1),
    ]


def tensor_script():
    return [
        run("seed", 0),
        run("tensor_randn", [2, 3]),
        run("tensor_rand", [3, 2]),
        run("tensor_randint", 0, 10, [3, 2]),
        run("permutation", 5),
        run("tensor_randn", [1]),
        run("tensor_randn", [2, 0, 3]),
        run("tensor_randn", []),
    ]


def long_run(seed, count, stride):
    """Values far into the stream (many state regenerations), sampled every `stride`-th."""
    np.random.seed(seed)
    normals = np.random.randn(count)
    permutation = np.random.permutation(60000)
    uniforms = np.random.rand(count)
    return {
        "seed": seed,
        "count": count,
        "stride": stride,
        "randn": normals[::stride].tolist() + [normals[-1].item()],
        "permutation_stride": 601,
        "permutation": permutation[::601].tolist(),
        "permutation_weighted_sum": int(sum(i * int(p) for i, p in enumerate(permutation))),
        "rand": uniforms[::stride].tolist() + [uniforms[-1].item()],
    }


def main():
    fixture = {
        "numpy_version": np.__version__,
        "scripts": [per_seed_script(seed) for seed in SEEDS]
        + [interleaved_script(), edge_script(), tensor_script()],
        "long_runs": [long_run(0, 784 * 256, 997), long_run(2**32 - 1, 784 * 256, 997)],
    }
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT} (numpy {np.__version__})")


if __name__ == "__main__":
    main()
