"""Jupyter's kernel conformance suite (jupyter_kernel_test) against the installed mlplab kernel.

Run by scripts/test-jupyter.sh (`make test-jupyter`), in the virtual environment it builds.
"""
import unittest

import jupyter_kernel_test


class MlplabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "mlplab"
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"

    completion_samples = [
        {"text": "zeros_l", "matches": {"zeros_like"}},
        {"text": "np.arang", "matches": {"np.arange"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n    return x*2\n\n", ":vars"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n    x*", "for i in range(3):", "x = [1,"]
    invalid_code_samples = ["import = 7q", "1 +* 2"]

    code_display_data = [
        {"code": "show(zeros(28, 28))", "mime": "image/png"},
        {"code": "plot([3.0, 2.0, 1.5, 1.2])", "mime": "image/png"},
    ]

    code_generate_error = "y = undefined_name + 1"

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "1+1", "result": "2"},
        {"code": "import numpy as np\nnp.arange(3)", "result": "array([0, 1, 2])"},
    ]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "zeros"


if __name__ == "__main__":
    unittest.main(verbosity=2)
