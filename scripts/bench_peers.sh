#!/bin/sh
# mlplab's training epoch beside its peers on this machine: the numpy reference pipeline and,
# when it is installed, PyTorch on the CPU, in alternating rounds, each in two environments:
# OpenBLAS as this environment sets it, and with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset
# (OpenBLAS choosing its own kernels). Prints every run's median epoch, then the ratios of the
# medians over the rounds. Neither numpy nor PyTorch is ever a runtime dependency of mlplab.
#
# usage: scripts/bench_peers.sh MNIST_DIR [ROUNDS] [NUMPY_SCRIPT]
#   MNIST_DIR     the four MNIST .gz files
#   ROUNDS        alternating rounds (default 4)
#   NUMPY_SCRIPT  the numpy reference (default ../shared/bench/numpy_mlp.py beside the repository)
# TORCH_PYTHON names the Python that has PyTorch (default python3), e.g. a virtual environment's:
#   TORCH_PYTHON=/path/to/venv/bin/python scripts/bench_peers.sh ../shared/data/mnist
set -eu
cd "$(dirname "$0")/.."
data=${1:?usage: scripts/bench_peers.sh MNIST_DIR [ROUNDS] [NUMPY_SCRIPT]}
rounds=${2:-4}
reference=${3:-../shared/bench/numpy_mlp.py}
[ -f "$reference" ] || { echo "error: no numpy reference at $reference (give its path as the third argument)" >&2; exit 1; }
mlplab=.build/release/mlplab
[ -x "$mlplab" ] || swift build -c release --product mlplab
torch_python=${TORCH_PYTHON:-python3}
"$torch_python" -c 'import torch' 2>/dev/null && torch=yes ||
    { torch=no; echo "note: $torch_python has no PyTorch (TORCH_PYTHON names one that has); its runs are left out"; }
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# run NAME ENVIRONMENT COMMAND...: records NAME ENVIRONMENT and the epoch_s of the JSON line it prints.
run() {
    name=$1 environment=$2; shift 2
    if [ "$environment" = unset ]; then set -- env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; fi
    seconds=$("$@" 2>/dev/null | tail -1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["epoch_s"])')
    echo "$name $environment $seconds" | tee -a "$results"
}

echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-(unset)} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-(unset)}; $(nproc) processors"
for round in $(seq "$rounds"); do
    echo "round $round of $rounds"
    for environment in set unset; do
        run mlplab "$environment" "$mlplab" bench --dataset mnist --data "$data" --epochs 3 --training-only
        run numpy "$environment" python3 "$reference" "$data" --epochs 3
        if [ "$torch" = yes ]; then run torch "$environment" "$torch_python" scripts/torch_mlp.py "$data" --epochs 3 --threads "$(nproc)"; fi
    done
done

python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, environment, seconds = line.split()
    runs[name, environment].append(float(seconds))
median = {key: statistics.median(values) for key, values in runs.items()}
print("\nmedian epoch over the rounds (s)")
for (name, environment), seconds in sorted(median.items()):
    print(f"  {name:7} OpenBLAS {environment:6} {seconds:.3f}")
best_numpy = median[("numpy", "unset")]
print("\nratios (mlplab's epoch / the peer's; below 1 means mlplab is faster)")
for environment in ("set", "unset"):
    ours = median[("mlplab", environment)]
    line = f"  mlplab, OpenBLAS {environment:6}: {ours / best_numpy:.2f}x numpy at its best"
    line += f", {ours / median[('numpy', environment)]:.2f}x numpy in the same environment"
    if ("torch", environment) in median:
        line += f", {ours / median[('torch', environment)]:.2f}x PyTorch"
    print(line)
PY
