# Training a neural network (seed 000): the report quotes its code line by line in its prose;
# here those lines are put together into the functions they come from, run on the sample
# bundled with mlplab (data/sample) instead of the full set. What the report does not quote
# is written the plainest way: the initialisation (0.01 · randn), the gradient of the loss
# divided by the batch size, and the plain gradient step. The plots are left out, and the
# training runs 300 iterations with a learning rate of 0.1.
import numpy as np
import gzip
np.random.seed(0)

# %% loading the data
def load_mnist_data(data_dir):
    train_images_path = data_dir + '/train-images-idx3-ubyte.gz'
    train_labels_path = data_dir + '/train-labels-idx1-ubyte.gz'
    test_images_path = data_dir + '/t10k-images-idx3-ubyte.gz'
    test_labels_path = data_dir + '/t10k-labels-idx1-ubyte.gz'
    with gzip.open(train_images_path, 'rb') as f:
        train_images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(train_labels_path, 'rb') as f:
        train_labels = np.frombuffer(f.read(), np.uint8, offset=8)
    with gzip.open(test_images_path, 'rb') as f:
        test_images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(test_labels_path, 'rb') as f:
        test_labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return train_images, train_labels, test_images, test_labels

data_dir = 'data/sample'
train_images, train_labels, test_images, test_labels = load_mnist_data(data_dir)
num_imgs_tr = train_images.shape[0]
img_sz = train_images.shape[1]
num_cls = 10
train_images.shape
train_images.dtype
img_sz

# %% the first labels, and the utility functions
num_view = 10
print(train_labels[:num_view])

def make_labels_onehot(labels, NUM_CLS):
    onehot = np.zeros((labels.shape[0], NUM_CLS))
    onehot[np.arange(labels.shape[0]), labels] = 1
    return onehot

make_labels_onehot(train_labels[:3], num_cls)

# %% preprocessing: rows of pixels, scaled to [0, 1], zero-centred
tr_data = train_images.reshape(num_imgs_tr, -1)
te_data = test_images.reshape(test_images.shape[0], -1)
tr_data = tr_data / 255.0
te_data = te_data / 255.0
tr_mean = np.mean(tr_data)
tr_data = tr_data - tr_mean
te_data = te_data - tr_mean
tr_data.shape
print('%.6f' % tr_mean)

# %% the network
class MLPNeuralNetwork:
    def __init__(self, input_size, hidden_size, output_size):
        self.W1 = 0.01 * np.random.randn(input_size, hidden_size)
        self.bl = np.zeros(hidden_size)
        self.W2 = 0.01 * np.random.randn(hidden_size, output_size)
        self.b2 = np.zeros(output_size)

    def forward(self, data):
        self.data = data
        self.hidden_input = np.dot(data, self.W1) + self.bl
        self.hidden_output = np.maximum(0, self.hidden_input)
        scores = np.dot(self.hidden_output, self.W2) + self.b2
        return scores

    def backward(self, upstream_grad):
        grad_W2 = np.dot(self.hidden_output.T, upstream_grad)
        grad_b2 = np.sum(upstream_grad, axis=0)
        hidden_grad = np.dot(upstream_grad, self.W2.T)
        hidden_grad[self.hidden_input <= 0] = 0
        grad_W1 = np.dot(self.data.T, hidden_grad)
        grad_b1 = np.sum(hidden_grad, axis=0)
        return grad_W1, grad_b1, grad_W2, grad_b2

# %% the softmax loss
class SoftMaxLoss:
    def __init__(self, model):
        self.model = model

    def compute_probs(self, data):
        scores = self.model.forward(data)
        scores = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        self.probs = probs
        return self.probs

    def compute_loss(self, data, labels):
        epsilon = 1e-7
        probs = self.compute_probs(data)
        correct_log_probs = -np.log(probs[np.arange(data.shape[0]), labels] + epsilon)
        loss = np.sum(correct_log_probs) / data.shape[0]
        return loss

    def compute_grad(self, labels):
        grad_z = (self.probs - make_labels_onehot(labels, self.probs.shape[1])) / labels.shape[0]
        return self.model.backward(grad_z)

model = MLPNeuralNetwork(784, 64, num_cls)
loss_fn = SoftMaxLoss(model)
print('%.6f' % loss_fn.compute_loss(tr_data[:100], train_labels[:100]))

# %% gradient descent on mini-batches
def get_mini_batch(db_data, db_labels, batch_sz):
    num_data = db_data.shape[0]
    batch_indices = np.random.choice(num_data, batch_sz)
    batch_data = db_data[batch_indices]
    batch_labels = db_labels[batch_indices]
    return batch_data, batch_labels

lr = 0.1
batch_sz = 64
num_iter = 300
for it in range(num_iter):
    batch_data, batch_labels = get_mini_batch(tr_data, train_labels, batch_sz)
    loss = loss_fn.compute_loss(batch_data, batch_labels)
    grad_W1, grad_b1, grad_W2, grad_b2 = loss_fn.compute_grad(batch_labels)
    model.W1 -= lr * grad_W1
    model.bl -= lr * grad_b1
    model.W2 -= lr * grad_W2
    model.b2 -= lr * grad_b2
    if (it + 1) % 100 == 0:
        print('iteration %d: loss %.4f' % (it + 1, loss))

# %% classifying the test images
te_scores = model.forward(te_data)
exp_scores = np.exp(te_scores - np.max(te_scores, axis=1, keepdims=True))
probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
predictions = np.argmax(probs, axis=1)
Acc = np.mean(predictions == test_labels)
print('ACC: %.4f' % Acc)
predictions[:10]
