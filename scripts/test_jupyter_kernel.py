"""Jupyter's kernel conformance suite (jupyter_kernel_test) against the installed mlplab kernel.

Run by scripts/test-jupyter.sh (`make test-jupyter`), in the virtual environment it builds.
"""
import sys
import unittest

import jupyter_kernel_test


class MlplabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "mlplab"
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    # numpy's RuntimeWarning goes to stderr, the value to the cell's result.
    code_stderr = "import numpy as np\nnp.exp(np.array([1000.0]))"

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
    code_page_something = "np.zeros?"
    code_clear_output = "from IPython.display import clear_output\nprint('gone')\nclear_output()"

    def test_lesson_commands_run_in_a_cell(self):
        """The lessons' commands work in a cell of the installed kernel, as at the REPL."""
        self.flush_channels()
        reply, output = self.execute_helper(code=":lessons")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        text = "".join(message["content"].get("text", "") for message in output)
        self.assertIn("Tensors", text)


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False).result
    if result.skipped:
        print("every sample must run; skipped:", ", ".join(test.id() for test, _ in result.skipped))
    sys.exit(0 if result.wasSuccessful() and not result.skipped else 1)
