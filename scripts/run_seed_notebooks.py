"""The seed notebooks' code (Tests/SeedNotebooks/*.py, which SeedNotebookTests runs with
`mlplab --exec`) run as notebooks under the mlplab kernel must print what `mlplab --exec` prints.

Usage: run_seed_notebooks.py MLPLAB_BINARY
Each file becomes a notebook with a cell for each `# %%` part, run with nbclient from the
repository's root (the files read data/sample from there). What the cells print (stdout, the
results) must be, in order, the standard output of `mlplab --exec FILE`, and their stderr its
standard error. Exits 1 on any difference or a cell that fails.
"""
import glob
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

FOLDER = "Tests/SeedNotebooks"


def notebook_of(path):
    with open(path, encoding="utf-8") as file:
        parts = file.read().split("\n# %%")
    cells = [nbformat.v4.new_code_cell(parts[0])] + [nbformat.v4.new_code_cell("# %%" + part) for part in parts[1:]]
    return nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "mlplab", "display_name": "mlplab", "language": "python"}})


def printed(notebook):
    """What the cells printed: (standard output with the results, standard error, the errors)."""
    out, err, errors = [], [], []
    for cell in notebook.cells:
        for output in cell.outputs:
            if output.output_type == "stream":
                (out if output.name == "stdout" else err).append(output.text)
            elif output.output_type == "execute_result":
                out.append(output.data["text/plain"] + "\n")
            elif output.output_type == "error":
                errors.append("\n".join(output.traceback))
    return "".join(out), "".join(err), errors


def first_difference(actual, expected):
    a, e = actual.split("\n"), expected.split("\n")
    for line, (x, y) in enumerate(zip(a, e)):
        if x != y:
            return f"line {line + 1}: the kernel printed {x!r}, mlplab --exec {y!r}"
    return f"the kernel printed {len(a)} lines, mlplab --exec {len(e)}"


def check(binary, path):
    script = subprocess.run([binary, "--exec", path], capture_output=True, text=True)
    if script.returncode != 0:
        print(f"{path}: mlplab --exec failed: {script.stderr}")
        return False
    notebook = notebook_of(path)
    NotebookClient(notebook, timeout=600, kernel_name="mlplab", allow_errors=True,
                   resources={"metadata": {"path": "."}}).execute()
    out, err, errors = printed(notebook)
    problems = [f"a cell failed:\n{error}" for error in errors]
    if out != script.stdout:
        problems.append("standard output: " + first_difference(out, script.stdout))
    if err != script.stderr:
        problems.append(f"standard error: the kernel {err!r}, mlplab --exec {script.stderr!r}")
    lines = script.stdout.count("\n")
    print(f"{path}: {len(notebook.cells)} cells, " + ("; ".join(problems) if problems else f"the same {lines} lines as mlplab --exec"))
    return not problems


def main(binary):
    paths = sorted(glob.glob(FOLDER + "/*.py"))
    if not paths:
        print("no seed notebooks in", FOLDER)
        return 1
    results = [check(binary, path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
