"""Runs notebooks under the kernel their metadata names, with nbclient, and writes them back in place.

Usage: run_exported_notebooks.py NOTEBOOK...
Each notebook must be valid nbformat before it runs and after. Every cell runs, also after an
error (the lessons show some examples failing); the outputs the kernel gave replace those in the
file, for `mlplab notebooks DIR --check` to hold against the lessons. Exits 1 when a notebook is
invalid or does not run to its end.
"""
import sys

import nbformat
from nbclient import NotebookClient


def run(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    NotebookClient(notebook, timeout=600, kernel_name=notebook.metadata.kernelspec.name, allow_errors=True).execute()
    nbformat.validate(notebook)
    nbformat.write(notebook, path)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    print(f"{path}: valid; ran {len(code)} code cells")


def main(paths):
    if not paths:
        print("no notebooks to run")
        return 1
    for path in paths:
        run(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
