#!/bin/sh
# Jupyter's own conformance suite (jupyter_kernel_test) against `mlplab kernel`.
# Usage: scripts/test-jupyter.sh MLPLAB_BINARY
# Builds a virtual environment in .build-venv with jupyter-client, nbclient, nbformat,
# jupyter_kernel_test and ipykernel from PyPI (once), installs the mlplab kernelspec
# into it, runs scripts/test_jupyter_kernel.py, runs the lessons exported as notebooks in
# both languages (scripts/run_exported_notebooks.py), then times mlplab against ipykernel
# (scripts/measure_kernels.py). Fails when PyPI cannot be reached.
set -eu
binary=$1
venv=.build-venv
packages="jupyter-client nbclient nbformat jupyter_kernel_test ipykernel"
if ! "$venv/bin/python" -c "import jupyter_client, nbclient, nbformat, jupyter_kernel_test, ipykernel" 2>/dev/null; then
    python3 -m venv "$venv" || { echo "python3 -m venv failed: install Debian's python3-venv"; exit 1; }
    echo "Installing $packages into $venv from PyPI"
    "$venv/bin/pip" install -q $packages || {
        echo "pip could not install $packages: PyPI cannot be reached, so the Jupyter tests did not run"; exit 1; }
fi
"$binary" kernel install --prefix "$venv"
"$binary" kernel install --prefix "$venv" --lang ko
# Only the kernels of the environment: a kernelspec the user installed elsewhere must not answer.
export JUPYTER_PATH="$venv/share/jupyter" JUPYTER_DATA_DIR="$venv/share/jupyter"
"$venv/bin/python" scripts/test_jupyter_kernel.py
"$binary" notebooks "$venv/notebooks/en" --lang en >/dev/null
"$binary" notebooks "$venv/notebooks/ko" --lang ko >/dev/null
"$venv/bin/python" scripts/run_exported_notebooks.py "$venv/notebooks/en" "$venv/notebooks/ko"
"$venv/bin/python" scripts/measure_kernels.py
