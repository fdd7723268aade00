"""Runs the lessons exported by `mlplab notebooks` under the mlplab kernel with nbclient.

Usage: run_exported_notebooks.py FOLDER...
Each notebook must be valid nbformat, and running it must fail in exactly the cells whose
exported outputs hold an error (the examples the lessons show failing). It prints how many
code cells print exactly the lessons' verified text; the others (last digits of floats,
timings) are not compared here: `mlplab run --verify` compares them within the lessons' tolerance.
Exits 1 when a notebook is invalid or fails where its lesson does not.
"""
import glob
import sys

import nbformat
from nbclient import NotebookClient


def text(outputs):
    parts = []
    for output in outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "execute_result":
            parts.append(output.data.get("text/plain", "") + "\n")
    return "".join(parts).split()


def fails(outputs):
    return any(output.output_type == "error" for output in outputs)


def check(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    expected = [list(cell.outputs) for cell in code]
    NotebookClient(notebook, timeout=600, kernel_name=notebook.metadata.kernelspec.name, allow_errors=True).execute()
    wrong = [cell.source.splitlines()[0] for cell, before in zip(code, expected) if fails(cell.outputs) != fails(before)]
    same = sum(text(cell.outputs) == text(before) for cell, before in zip(code, expected))
    print(f"{path}: valid; {same}/{len(code)} code cells print exactly the verified text", end="")
    if wrong:
        print(f"; fails where the lesson does not, or the reverse: {wrong}")
        return False
    print()
    return True


def main(folders):
    paths = [path for folder in folders for path in sorted(glob.glob(folder + "/*.ipynb"))]
    if not paths:
        print("no notebooks in", " ".join(folders))
        return 1
    results = [check(path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
