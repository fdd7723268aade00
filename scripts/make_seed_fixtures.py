#!/usr/bin/env python3
"""Writes what numpy prints for the course's source notebooks, as rewritten in
Tests/SeedNotebooks/*.py, to Tests/SeedNotebooks/NAME.numpy.txt; the end-to-end test
SeedNotebookTests runs the same files through `mlplab --exec` and compares.

Each file runs as a notebook does: statement by statement, and the value of an
expression standing alone at the top level is printed with repr (as Python's REPL,
Jupyter and mlplab do). It runs from the repository root, where `data/sample` is.

It also checks that every value the notebooks print as their expected output comes
out of numpy unchanged (SEED_VALUES, copied from the source documents), and writes
those values to Tests/SeedNotebooks/seed-values.json for the Swift test to check too.

Run from the repository root:  python3 scripts/make_seed_fixtures.py
"""
import ast
import contextlib
import io
import json
import pathlib

FOLDER = pathlib.Path('Tests/SeedNotebooks')

# Values the source documents print, as numpy 2 prints them (their own text shows a few of
# them with the line breaks or spacing of an older numpy or of a web page).
SEED_VALUES = {
    '002-dnn': [
        'array([0.5, 1. , 0. ])',
        'array([0., 1., 0.])',
        '[[[ 3.23890168  3.05091188 -3.32627831]\n  [ 0.388114    3.36724875  1.06158492]\n'
        '  [ 3.10267869  1.87570497 -1.8326582 ]]\n\n [[-7.60581826  2.36703751 -1.16423539]\n'
        '  [ 3.48035012  2.41940644 -0.13917734]\n  [ 1.20541315  2.07585619 -1.5435161 ]]]',
        '[-4.90531647 -0.64834065 -1.89126428]',
        '[ 0.53948992 -0.29540078 -1.55749236]',
    ],
    '003-neural-network': [
        "<class 'numpy.ndarray'>\n(3,)\n1\n(2, 3)\n2",
        'array([[ 1,  3,  5],\n       [ 7,  9, 11]])',
        'array([[ 0,  2,  6],\n       [12, 20, 30]])',
        'array([[10, 20],\n       [30, 40]])',
        'array([[10, 40],\n       [30, 80]])',
        'array([[19, 22],\n       [43, 50]])',
        "dtype('float64')\ndtype('float32')\ndtype('float32')",
        'array([[0., 1., 2.],\n       [3., 4., 5.]], dtype=float32)',
        'array([ 3., 12.], dtype=float32)',
    ],
    '004-mlp': [
        'x =\n [[-0.10321885  0.4105985 ]\n [ 0.14404357  1.45427351]\n [ 0.76103773  0.12167502]\n'
        ' [ 0.44386323  0.33367433]\n [ 1.49407907 -0.20515826]]',
        'sigmoid_layer.forward(x) =\n [[0.47421817 0.60123138]\n [0.53594876 0.81065526]\n'
        ' [0.68157899 0.53038128]\n [0.60917918 0.58265313]\n [0.81668973 0.44888958]]',
        'sigmoid_layer.backward(1) =\n [[0.2493353  0.23975221]\n [0.24870769 0.15349331]\n'
        ' [0.21702907 0.24907698]\n [0.23807991 0.24316846]\n [0.14970761 0.24738772]]',
        'x =\n [[ 0.3130677  -0.85409574]\n [-2.55298982  0.6536186 ]\n [ 0.8644362  -0.74216502]\n'
        ' [ 2.26975462 -1.45436567]\n [ 0.04575852 -0.18718385]]',
        'fc_layer.forward(x) =\n [[ 1.46799167 -1.7190734   1.62817886]\n [-6.01190034  0.91385242  0.45042808]\n'
        ' [ 2.40336148 -1.9130545   1.20599374]\n [ 6.03706376 -3.18300724  1.73977896]\n'
        ' [ 0.11102737 -1.06432113  0.66895248]]',
        'fc_layer.backward(y) =\n [[ 2.17336759 -1.02791573]\n [ 2.05790811  2.03279805]\n'
        ' [-1.29734078 -1.42814094]\n [ 2.67540605 -1.319593  ]\n [-0.57430296  2.96331783]]',
        'x =\n [[-0.51080514 -1.18063218]\n [-0.02818223  0.42833187]\n [ 0.06651722  0.3024719 ]\n'
        ' [-0.63432209 -0.36274117]\n [-0.67246045 -0.35955316]]',
        'mlp.predict(x) =\n [[0.09179987]\n [0.0957102 ]\n [0.09523428]\n [0.09244939]\n [0.09246448]]',
        'mlp.forward(x, y) =\n 1.4714343261962757',
        'mlp.backward() =\n [[-3.38789968e-04 -3.67465930e-04]\n [ 1.17086873e-03  3.64237844e-03]\n'
        ' [-5.29701613e-05 -1.65101162e-04]\n [-3.87903857e-05  4.80263293e-04]\n'
        ' [-1.30842487e-04  1.66334466e-03]]',
    ],
}


def run_notebook(path):
    """What the file prints, run statement by statement with top-level expressions echoed."""
    namespace = {'__name__': '__main__'}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for node in ast.parse(path.read_text(), str(path)).body:
            if isinstance(node, ast.Expr):
                value = eval(compile(ast.Expression(node.value), str(path), 'eval'), namespace)
                if value is not None:
                    print(repr(value))
            else:
                exec(compile(ast.Module([node], []), str(path), 'exec'), namespace)
    return out.getvalue()


def main():
    for path in sorted(FOLDER.glob('*.py')):
        printed = run_notebook(path)
        for value in SEED_VALUES.get(path.stem, []):
            assert value in printed, f'{path.stem}: numpy does not print the seed value\n{value}'
        path.with_suffix('.numpy.txt').write_text(printed)
        cells = path.read_text().count('\n# %%')
        print(f'{path.name}: {cells} cells, {printed.count(chr(10))} lines of output')
    (FOLDER / 'seed-values.json').write_text(json.dumps(SEED_VALUES, ensure_ascii=False, indent=1) + '\n')


if __name__ == '__main__':
    main()
