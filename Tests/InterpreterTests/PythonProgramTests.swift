import Interpreter
import XCTest

/// Python programs of the kind numpy notebooks hold, run as a script (`mlplab --exec`)
/// and as one lesson cell. Each expected output is what python3 (numpy 2) prints
/// for the same source; printed floats that went through a matrix product are
/// rounded to 6 decimals first, so no test depends on BLAS's summation order.
final class PythonProgramTests: XCTestCase {
    /// What running `source` line by line, as `--exec` does, printed; fails the test on an error.
    private func script(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let t = Transcript()
        let succeeded = t.session.runLines(source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        XCTAssertTrue(succeeded, "errors: \(t.errors)", file: file, line: line)
        return t.text
    }

    /// What running `source` as one lesson cell printed.
    private func cell(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        Transcript().ok(source, file: file, line: line)
    }

    private func check(_ source: String, prints expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(script(source, file: file, line: line), expected, "as a script", file: file, line: line)
        XCTAssertEqual(cell(source, file: file, line: line), expected, "as a cell", file: file, line: line)
    }

    func testIfElifElseAndConditionalExpressions() {
        check(#"""
def sign(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    else:
        return "zero"

for v in (3, -2, 0):
    print(v, sign(v))
x = 5
if x > 3 and not x > 10:
    if x % 2 == 1:
        print("odd and between")
if x < 3 or x == 5: print("one line if")
else: print("not shown")
y = "big" if x > 4 else "small"
print(y, 1 if [] else 2, 0 or "default", 3 and 4, not 0)
"""#, prints: #"""
3 positive
-2 negative
0 zero
odd and between
one line if
big 2 default 4 True
"""#)
    }

    func testWhileForBreakContinueAndIteration() {
        check(#"""
n = 0
total = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 9:
        break
    total += n
print(n, total)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
for a, b in [(1, "one"), (2, "two")]:
    print(a, b)
for i, (x, y) in enumerate(zip([1, 2], [3, 4])):
    print(i, x * y)
for item in (1, "a", None):
    pass
print(item)
import numpy as np
for row in np.arange(6).reshape(3, 2):
    print(row, row.shape)
for ch in "ab":
    print(ch)
for i in range(3): s = i * 2; print(s)
"""#, prints: #"""
11 25
0 0; 1 0; 1 1; 2 0; 2 1; 2 2; 
1 one
2 two
0 3
1 8
None
[0 1] (2,)
[2 3] (2,)
[4 5] (2,)
a
b
0
2
4
"""#)
    }

    func testFunctionsDefaultsKeywordsRecursionClosuresAndLambdas() {
        check(#"""
def affine(x, w=2, b=1):
    return w * x + b

print(affine(3), affine(3, 5), affine(3, b=10), affine(x=1, w=0, b=7))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(k) for k in range(10)])
counter = 10
def bump(k):
    counter = k + 1
    return counter

print(bump(1), counter)
def reads_global():
    return counter * 2

print(reads_global())
def make_scaler(factor):
    def scale(v):
        return v * factor
    return scale

double = make_scaler(2)
print(double(21), make_scaler(3)(3))
square = lambda t: t * t
add = lambda a, b=100: a + b
print(square(7), add(1), add(1, b=2), (lambda: "no args")())
def nothing():
    pass

print(nothing())
def early(xs):
    for x in xs:
        if x < 0:
            return x
    return None

print(early([3, -4, -5]), early([1]))
"""#, prints: #"""
7 16 16 7
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
2 10
20
42 9
49 101 3 no args
None
-4 None
"""#)
    }

    func testImportNumpyBindsTheNamespace() {
        check(#"""
import numpy as np
np.random.seed(0)
W = np.random.randn(2, 3)
print(W.shape, np.round(W, 4))
import numpy
print(numpy.zeros(2), numpy.ones((2, 2)).sum())
from numpy import exp, argmax as am
print(exp(0.0), am(np.array([[1, 5], [7, 2]]), axis=1))
x = np.array([[1.0, 2.0], [3.0, 4.0]])
print(np.sum(x, axis=0), np.dot(x, np.array([1.0, 0.0])), np.argmax(x))
np.random.seed(1)
print(np.random.randn(3))
"""#, prints: #"""
(2, 3) [[ 1.7641  0.4002  0.9787]
 [ 2.2409  1.8676 -0.9773]]
[0. 0.] 4.0
1.0 [1 0]
[4. 6.] [1. 3.] 3
[ 1.62434536 -0.61175641 -0.52817175]
"""#)
    }

    func testFStringsPercentAndFormat() {
        check(#"""
loss = 0.123456789
n = 7
print(f"loss {loss:.4f} n={n:4d} {n!r} {'hi'!r} {loss:10.3e}|{n:<5}|{n:^5}|{n:05d}|{1234567:,}|{0.25:.1%}")
print(f"{'x':>4}{{braces}} {n * 2} {[1, 2][0]}")
print('Epoch: %4d, loss: %10.8f' % (3, loss))
print('%s and %r and %d%% and %5.2f and %-4d|' % ("a", "b", 42, 3.14159, 9))
print("{} + {} = {:.2f}".format(1, 2, 3.0), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="hi"))
s = "ab" + "cd"
print(s * 2, str(3.5) + str(True), repr("q"), len(s), s[1:3], "c" in s)
print("multi" "part", 'single')
"""#, prints: #"""
loss 0.1235 n=   7 7 'hi'  1.235e-01|7    |  7  |00007|1,234,567|25.0%
   x{braces} 14 1
Epoch:    3, loss: 0.12345679
a and 'b' and 42% and  3.14 and 9   |
1 + 2 = 3.00 aba hi!
abcdabcd 3.5True 'q' 4 bc True
multipart single
"""#)
    }

    func testListsDictsComprehensionsAndPythonBuiltins() {
        check(#"""
xs = []
xs.append(1)
xs.append("two")
xs.extend([3, 4])
print(xs, len(xs), xs[1:3], xs[-1], xs + [5], ["-"] * 3)
last = xs.pop()
print(last, xs)
xs[0] = 10
print(xs)
d = {"lr": 0.1, "epochs": 3}
d["batch"] = 32
for k, v in d.items():
    print(k, v)
print(list(d.keys()), list(d.values()), "lr" in d, "x" in d, len(d))
squares = {k: k * k for k in range(4) if k != 2}
print(squares, [x * 2 for x in [1, 2, 3]], [(i, c) for i in range(2) for c in "ab"])
print(sum([0.5, 1.5]), min(3, 1), max([4, 9, 2]), abs(-3), round(2.675, 2), round(3.5), int("42"), float("1e-3"))
print(sorted([3, 1, 2]), list(reversed([1, 2, 3])), any([0, 1]), all([1, 0]), bool(""), tuple([1, 2]))
print(isinstance(3, int), isinstance(3.0, int), type("s"))
print(1, 2, 3, sep="-")
print(list(range(2, 10, 3)), list(enumerate("ab", 1)), list(zip([1, 2, 3], "xy")))
t = (1, 2, 3)
a, b, c = t
print(a + b + c, t[1:], t * 2)
"""#, prints: #"""
[1, 'two', 3, 4] 4 ['two', 3] 4 [1, 'two', 3, 4, 5] ['-', '-', '-']
4 [1, 'two', 3]
[10, 'two', 3]
lr 0.1
epochs 3
batch 32
['lr', 'epochs', 'batch'] [0.1, 3, 32] True False 3
{0: 0, 1: 1, 3: 9} [2, 4, 6] [(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]
2.0 1 9 3 2.67 4 42 0.001
[1, 2, 3] [3, 2, 1] True False False (1, 2)
True False <class 'str'>
1-2-3
[2, 5, 8] [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')]
6 (2, 3) (1, 2, 3, 1, 2, 3)
"""#)
    }

    func testClassesOfTheSeedLessonsRun() {
        check(#"""
import numpy as np

class Sigmoid:
    def __init__(self):
        self.params, self.grads = [], []
        self.out = None

    def forward(self, x):
        out = 1 / (1 + np.exp(-x))
        self.out = out
        return out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx

class Affine:
    def __init__(self, W, b):
        self.params = [W, b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]
        self.x = None

    def forward(self, x):
        W, b = self.params
        out = np.matmul(x, W) + b
        self.x = x
        return out

    def backward(self, dout):
        W, b = self.params
        dx = np.matmul(dout, W.T)
        dW = np.matmul(self.x.T, dout)
        db = np.sum(dout, axis=0)
        self.grads[0][...] = dW
        self.grads[1][...] = db
        return dx

class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size):
        I, H, O = input_size, hidden_size, output_size
        W1 = 0.01 * np.arange(I * H).reshape(I, H)
        b1 = np.zeros(H)
        W2 = 0.01 * np.arange(H * O).reshape(H, O)
        b2 = np.zeros(O)
        self.layers = [
            Affine(W1, b1),
            Sigmoid(),
            Affine(W2, b2)
        ]
        self.params, self.grads = [], []
        for layer in self.layers:
            self.params += layer.params
            self.grads += layer.grads

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for i in range(len(params)):
            params[i] -= self.lr * grads[i]

net = TwoLayerNet(2, 3, 2)
print(len(net.layers), len(net.params), type(net.layers[1]).__name__)
x = np.array([[1.0, 2.0], [3.0, -1.0]])
s = net.predict(x)
print(s.shape, np.round(s, 6))
dx = net.backward(np.ones((2, 2)))
print(np.round(dx, 6), np.round(net.layers[0].grads[0], 6), net.layers[2].grads[1])
net.layers[0].params[1] = np.ones(3)
print(net.layers[0].params[1])
optimizer = SGD(lr=0.5)
w = [np.ones(2)]
optimizer.update(w, [np.ones(2)])
print(optimizer.lr)

class Base:
    kind = "base"
    def __init__(self, n):
        self.n = n
    def describe(self):
        return f"{self.kind} {self.n} {self.twice()}"
    def twice(self):
        return self.n * 2

class Child(Base):
    kind = "child"
    def __init__(self):
        super().__init__(21)
    def twice(self):
        return "overridden"

c = Child()
print(c.describe(), Base(1).describe(), isinstance(c, Base), isinstance(Base(2), Child))
c.extra = ["a"]
c.extra.append("b")
print(c.extra, c.n)
"""#, prints: #"""
3 4 Sigmoid
(2, 2) [[0.031648 0.047323]
 [0.03005  0.044975]]
[[0.000573 0.001695]
 [0.000575 0.0017  ]] [[0.009996 0.049974 0.089918]
 [0.002496 0.01245  0.022339]] [2. 2.]
[1. 1. 1.]
0.5
child 21 overridden base 1 2 True False
['a', 'b'] 21
"""#)
    }

    func testMLPWithFCLayerAndMSELossTrains() {
        check(#"""
import numpy as np

def sigmoid(x):
    return 1 / (1 + np.exp(-x))

class Sigmoid():
    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = sigmoid(x)
        return self.out

    def backward(self, dout):
        dx = dout * (1.0 - self.out) * self.out
        return dx

class FCLayer():
    def __init__(self, input_size, output_size, weight_init_std=0.01):
        self.W = np.random.randn(input_size, output_size)
        self.b = np.random.randn(output_size)
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        out = np.dot(x, self.W) + self.b
        return out

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx

class MSELoss():
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, y, t):
        self.y = y
        self.t = t
        self.loss = np.mean((t - y) ** 2)
        return self.loss

    def backward(self, dout=1):
        dx = dout * (self.y - self.t) * 2 / self.t.shape[0]
        return dx

class MLP():
    '''A multi-layer perceptron'''
    def __init__(self, input_size, hidden_size_list, output_size, loss_type='MSE'):
        self.hidden_layer_num = len(hidden_size_list)
        self.layers = [
            FCLayer(input_size, hidden_size_list[0]),
            Sigmoid()
        ]
        for idx in range(1, self.hidden_layer_num):
            self.layers.append(FCLayer(hidden_size_list[idx-1], hidden_size_list[idx]))
            self.layers.append(Sigmoid())
        self.layers.append(FCLayer(hidden_size_list[-1], output_size))
        self.layers.append(Sigmoid())
        if loss_type == 'MSE':
            self.loss_layer = MSELoss()
        else:
            self.loss_layer = None
        self.loss = None

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def forward(self, x, t):
        y = self.predict(x)
        self.loss = self.loss_layer.forward(y, t)
        return self.loss

    def backward(self, dout=1):
        dout = self.loss_layer.backward(dout)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

np.random.seed(0)
x = np.random.randn(5, 2)
y = np.random.randn(5, 1)
mlp = MLP(input_size=2, hidden_size_list=[10, 5], output_size=1, loss_type='MSE')
print(np.round(mlp.predict(x), 6))
print(f"{mlp.forward(x, y):.6f}")
dout = mlp.backward()
print(np.round(dout, 6))
for epoch in range(3):
    loss = mlp.forward(x, y)
    dout = mlp.backward()
    for layer in mlp.layers:
        if isinstance(layer, FCLayer):
            layer.W -= 0.5 * layer.dW
            layer.b -= 0.5 * layer.db
    print('Epoch: %4d, loss: %10.6f' % (epoch, loss))
"""#, prints: #"""
[[0.39254 ]
 [0.545006]
 [0.373999]
 [0.469861]
 [0.644597]]
0.239969
[[-0.007889  0.003239]
 [ 0.026777 -0.011213]
 [ 0.009737 -0.001315]
 [-0.017535  0.002471]
 [-0.010701  0.001907]]
Epoch:    0, loss:   0.239969
Epoch:    1, loss:   0.235673
Epoch:    2, loss:   0.232510
"""#)
    }

    /// A list of numbers written as a literal is a tensor (np.array's rule), but appending
    /// to it means a Python list.
    func testAppendingToAListOfNumbersMakesItAList() {
        check(#"""
sizes = [10, 5]
sizes.append(3)
print(sizes)
print(sizes.pop(0), sizes)
"""#, prints: #"""
[10, 5, 3]
10 [5, 3]
"""#)
    }
}
