# [밑바닥2] 1장 신경망 정리 (seed 003): the chapter's code, run in order.
# Changes from the post: its lost indentation is restored; its typos are fixed (`X + Y`
# with Y never defined: Y is the W before it; `np.andom`; the Sum node's `x` for `s`;
# MatMul.forward's parameter `W` for `x`; the missing commas in TwoLayerNet's list);
# np.random.seed(0) comes first, so that the random examples print the same numbers
# every time; the book's SoftmaxWithLoss, spiral.load_data and Trainer, which the post
# uses without showing, are written out as the book has them (without the timing and the
# plot); the spiral training runs 20 epochs instead of 300, and the CuPy example runs
# on numpy (the CPU).
import numpy as np
np.random.seed(0)

# %% vectors and matrices
x = np.array([1, 2, 3])
x.__class__
x.shape
x.ndim
W = np.array([[1, 2, 3], [4, 5, 6]])
W.shape
W.ndim

# %% element-wise operations
X = np.array([[0, 1, 2], [3, 4, 5]])
Y = np.array([[1, 2, 3], [4, 5, 6]])
X + Y
X * Y

# %% broadcast
A = np.array([[1, 2],
              [3, 4]])
A * 10
b = np.array([10, 20])
A * b

# %% the dot product (the post prints 32; [1, 2, 3] · [1, 2, 3] is 14)
a = np.array([1, 2, 3])
b = np.array([1, 2, 3])
np.dot(a, b)

# %% the matrix product
A = np.array([[1, 2], [3, 4]])
B = np.array([[5, 6], [7, 8]])
np.matmul(A, B)
np.dot(A, B)

# %% a fully connected layer on a mini-batch
W1 = np.random.randn(2, 4) # 가중치
b1 = np.random.randn(4) # 편향
x = np.random.randn(10, 2) # 입력
h = np.matmul(x, W1) + b1
h.shape

# %% sigmoid and the second layer
def sigmoid(x):
    return 1 / (1 + np.exp(-x))

a = sigmoid(h)
W2 = np.random.randn(4, 3)
b2 = np.random.randn(3)
s = np.matmul(a, W2) + b2
s.shape
s[0]

# %% layers as classes
class Sigmoid:
    def __init__(self):
        self.params = []

    def forward(self, x):
        return 1 / (1 + np.exp(-x))

class Affine:
    def __init__(self, W, b):
        self.params = [W, b]

    def forward(self, x):
        W, b = self.params
        out = np.matmul(x, W) + b
        return out

class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size):
        I, H, O = input_size, hidden_size, output_size
        W1 = np.random.randn(I, H)
        b1 = np.random.randn(H)
        W2 = np.random.randn(H, O)
        b2 = np.random.randn(O)
        self.layers = [
            Affine(W1, b1),
            Sigmoid(),
            Affine(W2, b2)
        ]
        self.params = []
        for layer in self.layers:
            self.params += layer.params

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

x = np.random.randn(10, 2)
model = TwoLayerNet(2, 4, 3)
s = model.predict(x)
s
len(model.params)

# %% the Repeat node
D, N = 8, 7
x = np.random.randn(1, D)
y = np.repeat(x, N, axis=0)
dy = np.random.randn(N, D)
dx = np.sum(dy, axis=0, keepdims=True)
y.shape
dx

# %% the Sum node
D, N = 8,7
s = np.random.randn(N, D)
y = np.sum(s, axis=0, keepdims=True)
dy = np.random.randn(1, D)
dx = np.repeat(dy, N, axis=0)
y
dx.shape

# %% the MatMul node: grads[0][...] = dW writes into the array grads holds
class MatMul:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.x = None

    def forward(self, x):
        W, = self.params
        out = np.matmul(x, W)
        self.x = x
        return out

    def backward(self, dout):
        W, = self.params
        dx = np.matmul(dout, W.T)
        dW = np.matmul(self.x.T, dout)
        self.grads[0][...] = dW
        return dx

layer = MatMul(np.random.randn(3, 2))
g = layer.grads[0]
out = layer.forward(np.random.randn(4, 3))
dx = layer.backward(np.ones((4, 2)))
g
g is layer.grads[0]

# %% the Sigmoid and Affine layers with their backward passes
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

# %% Softmax with Loss (the book's common/layers.py)
def softmax(x):
    if x.ndim == 2:
        x = x - x.max(axis=1, keepdims=True)
        x = np.exp(x)
        x /= x.sum(axis=1, keepdims=True)
    elif x.ndim == 1:
        x = x - np.max(x)
        x = np.exp(x) / np.sum(np.exp(x))
    return x

def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    # 정답 데이터가 원핫 벡터일 경우 정답 레이블 인덱스로 변환
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + 1e-7)) / batch_size

class SoftmaxWithLoss:
    def __init__(self):
        self.params, self.grads = [], []
        self.y = None  # softmax의 출력
        self.t = None  # 정답 레이블

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        # 정답 레이블이 원핫 벡터일 경우 정답의 인덱스로 변환
        if self.t.size == self.y.size:
            self.t = self.t.argmax(axis=1)
        loss = cross_entropy_error(self.y, self.t)
        return loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(batch_size), self.t] -= 1
        dx *= dout
        dx = dx / batch_size
        return dx

loss_layer = SoftmaxWithLoss()
loss_layer.forward(np.array([[0.3, 2.9, 4.0], [1.0, 0.5, -1.0]]), np.array([[0, 0, 1], [1, 0, 0]]))
loss_layer.backward()

# %% SGD
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for i in range(len(params)):
            params[i] -= self.lr * grads[i]

layer = Affine(np.ones((2, 2)), np.zeros(2))
layer.forward(np.array([[1.0, 2.0]]))
layer.backward(np.array([[1.0, -1.0]]))
SGD(lr=0.5).update(layer.params, layer.grads)
layer.params[0]
layer.forward(np.array([[1.0, 2.0]]))

# %% the spiral data set (the book's dataset/spiral.py)
def load_data(seed=1984):
    np.random.seed(seed)
    N = 100  # 클래스당 샘플 수
    DIM = 2  # 데이터 요소 수
    CLS_NUM = 3  # 클래스 수

    x = np.zeros((N*CLS_NUM, DIM))
    t = np.zeros((N*CLS_NUM, CLS_NUM), dtype=int)

    for j in range(CLS_NUM):
        for i in range(N): #N*j, N*(j+1)):
            rate = i / N
            radius = 1.0*rate
            theta = j*4.0 + 4.0*rate + np.random.randn()*0.2

            ix = N*j + i
            x[ix] = np.array([radius*np.sin(theta),
                              radius*np.cos(theta)]).flatten()
            t[ix, j] = 1

    return x, t

x, t = load_data()
x.shape
t.shape
x[:3]

# %% the two-layer network with its loss
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size):
        I, H, O = input_size, hidden_size, output_size
        W1 = 0.01 * np.random.randn(I, H)
        b1 = np.zeros(H)
        W2 = 0.01 * np.random.randn(H, O)
        b2 = np.zeros(O)
        self.layers = [
            Affine(W1, b1),
            Sigmoid(),
            Affine(W2, b2)
        ]
        self.loss_layer = SoftmaxWithLoss()
        self.params, self.grads = [], []
        for layer in self.layers:
            self.params += layer.params
            self.grads += layer.grads

    def predict(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def forward(self, x, t):
        score = self.predict(x)
        loss = self.loss_layer.forward(score, t)
        return loss

    def backward(self, dout=1):
        dout = self.loss_layer.backward(dout)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

# %% training on the spiral
max_epoch = 20
batch_size = 30
hidden_size = 10
learning_rate = 1.0

x, t = load_data()
model = TwoLayerNet(input_size=2, hidden_size=hidden_size, output_size=3)
optimizer = SGD(lr=learning_rate)

# 학습에 사용하는 변수
data_size = len(x)
max_iters = data_size // batch_size
total_loss = 0
loss_count = 0
loss_list = []

for epoch in range(max_epoch):
    idx = np.random.permutation(data_size)
    x = x[idx]
    t = t[idx]

    for iters in range(max_iters):
        batch_x = x[iters*batch_size:(iters+1)*batch_size]
        batch_t = t[iters*batch_size:(iters+1)*batch_size]

        loss = model.forward(batch_x, batch_t)
        model.backward()
        optimizer.update(model.params, model.grads)

        total_loss += loss
        loss_count += 1

        if (iters+1) % 10 == 0:
            avg_loss = total_loss / loss_count
            print('| 에폭 %d | 반복 %d / %d | 손실 %.2f' % (epoch + 1, iters + 1, max_iters, avg_loss))
            loss_list.append(avg_loss)
            total_loss, loss_count = 0, 0

len(loss_list)

# %% the Trainer class (the book's common/trainer.py, without the timing and the plot)
def clip_grads(grads, max_norm):
    total_norm = 0
    for grad in grads:
        total_norm += np.sum(grad ** 2)
    total_norm = np.sqrt(total_norm)

    rate = max_norm / (total_norm + 1e-6)
    if rate < 1:
        for grad in grads:
            grad *= rate

class Trainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        self.loss_list = []
        self.eval_interval = None
        self.current_epoch = 0

    def fit(self, x, t, max_epoch=10, batch_size=32, max_grad=None, eval_interval=20):
        data_size = len(x)
        max_iters = data_size // batch_size
        self.eval_interval = eval_interval
        model, optimizer = self.model, self.optimizer
        total_loss = 0
        loss_count = 0

        for epoch in range(max_epoch):
            # 뒤섞기
            idx = np.random.permutation(np.arange(data_size))
            x = x[idx]
            t = t[idx]

            for iters in range(max_iters):
                batch_x = x[iters*batch_size:(iters+1)*batch_size]
                batch_t = t[iters*batch_size:(iters+1)*batch_size]

                # 기울기 구해 매개변수 갱신
                loss = model.forward(batch_x, batch_t)
                model.backward()
                if max_grad is not None:
                    clip_grads(model.grads, max_grad)
                optimizer.update(model.params, model.grads)
                total_loss += loss
                loss_count += 1

                # 평가
                if (eval_interval is not None) and (iters % eval_interval) == 0:
                    avg_loss = total_loss / loss_count
                    print('| 에폭 %d |  반복 %d / %d | 손실 %.2f'
                          % (self.current_epoch + 1, iters + 1, max_iters, avg_loss))
                    self.loss_list.append(float(avg_loss))
                    total_loss, loss_count = 0, 0

            self.current_epoch += 1

x, t = load_data()
model = TwoLayerNet(input_size=2, hidden_size=hidden_size, output_size=3)
optimizer = SGD(lr=learning_rate)
trainer = Trainer(model, optimizer)
trainer.fit(x, t, 10, batch_size, max_grad=5.0, eval_interval=10)
len(trainer.loss_list)

# %% bit precision
a = np.random.randn(3)
a.dtype
b = np.random.randn(3).astype(np.float32)
b.dtype
c = np.random.randn(3).astype('f')
c.dtype
d = np.random.randn(3).astype(np.float16)
d.dtype
d
d.nbytes

# %% the CuPy example, on numpy
x = np.arange(6).reshape(2, 3).astype('f')
x
x.sum(axis=1)
