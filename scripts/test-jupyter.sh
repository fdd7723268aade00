#!/bin/sh
# The mlplab kernel in Jupyter, tested with Jupyter's own tools.
# Usage: scripts/test-jupyter.sh MLPLAB_BINARY
# Builds a virtual environment in .build-venv with jupyter-client, nbclient, nbformat,
# jupyter_kernel_test and ipykernel from PyPI (once) and installs the mlplab kernelspecs into it;
# then runs the conformance suite with every sample (scripts/test_jupyter_kernel.py), runs the
# lessons exported as notebooks in both languages under the kernel and holds them against the
# lessons (scripts/run_exported_notebooks.py, `mlplab notebooks --check`), runs the seed
# notebooks under the kernel against `mlplab --exec` (scripts/run_seed_notebooks.py), and
# times mlplab against ipykernel (scripts/measure_kernels.py). Fails, saying why, when PyPI
# cannot be reached or any step fails.
set -eu
binary=$1
venv=.build-venv
packages="jupyter-client nbclient nbformat jupyter_kernel_test ipykernel"
if ! "$venv/bin/python" -c "import jupyter_client, nbclient, nbformat, jupyter_kernel_test, ipykernel" 2>/dev/null; then
    python3 -m venv "$venv" || { echo "python3 -m venv failed: install Debian's python3-venv"; exit 1; }
    echo "Installing $packages into $venv from PyPI"
    "$venv/bin/pip" install -q --retries 2 --timeout 15 $packages || {
        echo "pip could not install $packages: PyPI cannot be reached, so the Jupyter tests did not run"; exit 1; }
fi
"$binary" kernel install --prefix "$venv"
"$binary" kernel install --prefix "$venv" --lang ko
# Only the kernels of the environment: a kernelspec the user installed elsewhere must not answer.
export JUPYTER_PATH="$venv/share/jupyter" JUPYTER_DATA_DIR="$venv/share/jupyter"
# A learner's progress (their language, their exercises in use) stays out of the kernels tested, and untouched.
XDG_STATE_HOME=$(mktemp -d)
export XDG_STATE_HOME
trap 'rm -rf "$XDG_STATE_HOME"' EXIT
"$venv/bin/python" scripts/test_jupyter_kernel.py
for lang in en ko; do
    notebooks="$venv/notebooks/$lang"
    rm -rf "$notebooks"
    "$binary" notebooks "$notebooks" --lang "$lang" >/dev/null
    "$venv/bin/python" scripts/run_exported_notebooks.py "$notebooks"/*.ipynb
    "$binary" notebooks "$notebooks" --lang "$lang" --check
done
"$venv/bin/python" scripts/run_seed_notebooks.py "$binary"
"$venv/bin/python" scripts/measure_kernels.py
