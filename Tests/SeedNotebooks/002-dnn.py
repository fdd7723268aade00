# Lab 2 · DNN (seed 002): the learner's functions and layer, run as the lab wrote them.
# Changes from the lab: myDenseLayer's __init__, which the lab does not show, is written out
# (it draws no random numbers: the lab's expected outputs prove it); my_loss and my_predict
# unpack three values from my_forward (the lab's `_, a_3 = ...` fails, my_forward returns
# three); sklearn's digits and MLPClassifier are replaced by a small random data set, so the
# training loop runs 100 epochs on it instead of 5000 on the digits.
import numpy as np

# %% mySigmoid
def mySigmoid(x):
    ### START CODE HERE ###

    positive = (x>=0)                                # boolean array of positive numbers
    x_p = x[positive]                                # array of positive x
    x_n = x[~positive]                               # array of negative x
    x[positive] = 1/(1+np.exp(-x_p))                 # apply sigmoid function for x_p
    x[~positive] = np.exp(x_n)/(1+np.exp(x_n))        # apply sigmoid function for x_n

    ### END CODE HERE ###
    return x

mySigmoid(np.array([0.0, 1000.0, -1000.0]))

# %% mySoftmax
# define softmax. Assume (b, s)
def mySoftmax(x):
    ### START CODE HERE ###
    x = x - np.max(x, axis=-1, keepdims=True)      # make x sufficiently small
    x = np.exp(x)                                   # execute exponential function
    x = x / np.sum(x, axis=-1, keepdims=True)      # calculate softmax

    ### END CODE HERE ###
    return x

mySoftmax(np.array([0.0, 1000.0, -1000.0]))

# %% myDenseLayer
class myDenseLayer:
    def __init__(self, n_out, n_in):
        self.wegt = np.zeros((n_out, n_in))
        self.bias = np.zeros(n_out)
        self.saved_x = None

    def forward(self, x):          # (b, i)
        ### START CODE HERE ###

        self.saved_x = x          # keep it for backward
        x_lin = (self.wegt @ x.T).T + self.bias      # Linear Prediction

        ### END CODE HERE ###
        return x_lin

    def backward(self, x, x_in):  # x = dJ/dz (b, c)
        assert np.array_equal(self.saved_x, x_in), print('x_in does not equal to input X.')
        ### START CODE HERE ###

        dw = (x.T @ x_in)         # Gradients for weights
        db = np.sum(x,axis=0)      # Gradients for biases
        wdJdz = x @ self.wegt     # Propagation for Lower Layer

        ### END CODE HERE ###
        return dw, db, wdJdz

# %% myDenseLayer on a 3-D input
np.random.seed(0)

tmp = myDenseLayer(3,5)
tmp.wegt = np.random.randn(3,5)
tmp.bias = np.random.randn(3)

print(tmp.forward(np.random.randn(2,5,3)))

# %% dJdz
def dJdz_sigmoid(wdJdz_upper, az):
    ### START CODE HERE ###

    dJdz = wdJdz_upper * (1.0-az) * az          # backpropagation through activation function

    ### END CODE HERE ###
    return dJdz

def dJdz_softmax(y_hat, y):
    ### START CODE HERE ###

    dJdz = (y_hat - y)          # backpropagation through activation function

    ### END CODE HERE ###
    return dJdz

np.random.seed(0)

print(dJdz_sigmoid(np.random.randn(3), np.random.randn(3)))
print(dJdz_softmax(np.random.randn(3), np.random.randn(3)))

# %% my_forward and my_backward
def my_forward(l1, l2, l3, X_in):
    ### START CODE HERE ###

    a_1 = mySigmoid(l1.forward(X_in))           # first stage forward
    a_2 = mySigmoid(l2.forward(a_1))           # second stage forward
    a_3 = mySoftmax(l3.forward(a_2))           # third stage forward

    ### END CODE HERE ###
    return a_1, a_2, a_3

def my_backward(l1, l2, l3, a_1, a_2, a_3, X_in, y_true):
    ### START CODE HERE ###

    dw_3, db_3, wdJdz_3 = l3.backward(dJdz_softmax(a_3,y_true),a_2)
    dw_2, db_2, wdJdz_2 = l2.backward(dJdz_sigmoid(wdJdz_3,a_2),a_1)
    dw_1, db_1, _ = l1.backward(dJdz_sigmoid(wdJdz_2,a_1),X_in)

    ### END CODE HERE ###

    d_1 = [dw_1, db_1]
    d_2 = [dw_2, db_2]
    d_3 = [dw_3, db_3]

    return d_1, d_2, d_3

# %% my_loss and my_predict
def my_loss(l1, l2, l3, X_in, y_true):
    ### START CODE HERE ###

    _, _, a_3 = my_forward(l1, l2, l3, X_in) # only last layer's forward output is necessary
    loss = -(np.sum(y_true * np.log(a_3))) / X_in.shape[0] # calculate loss

    ### END CODE HERE ###
    return loss

def my_predict(l1, l2, l3, X_in):
    ### START CODE HERE ###

    _, _, a_3 = my_forward(l1, l2, l3, X_in) # only last layer's forward output is necessary
    pred = np.argmax(a_3, axis=1) # make prediction

    ### END CODE HERE ###
    return pred

# %% a small data set in place of the digits: 40 examples of 8 features, 3 classes
np.random.seed(1)
X_train = np.random.rand(40, 8)
labels = np.argmax(X_train[:, :3], axis=1)
y_train = np.zeros((40, 3))
y_train[np.arange(40), labels] = 1

l1 = myDenseLayer(6, 8)
l2 = myDenseLayer(5, 6)
l3 = myDenseLayer(3, 5)
for layer in [l1, l2, l3]:
    n_out, n_in = layer.wegt.shape
    layer.wegt = np.random.randn(n_out, n_in) * 0.5
    layer.bias = np.random.randn(n_out) * 0.1

print(X_train.shape, y_train.shape)
print('loss before training: %.8f' % my_loss(l1, l2, l3, X_train, y_train))

# %% training
# alpha: Learning rate, Lamda: regularization factor
alpha = 0.01
n_epochs = 100

for epoch in range(n_epochs):
    ### START CODE HERE ###

    # Forward Path
    a_1, a_2, a_3 = my_forward(l1, l2, l3, X_train) # forward path

    # Backward Path
    d_1, d_2, d_3 = my_backward(l1, l2, l3, a_1, a_2, a_3, X_train, y_train) # backward path

    ### END CODE HERE ###
    # save weight for update
    dw_1, db_1 = d_1
    dw_2, db_2 = d_2
    dw_3, db_3 = d_3

    # Update weights and biases
    ### START CODE HERE ###
    # each layer's weight and bias are updated with backpropagation
    l3.wegt = l3.wegt - (alpha * dw_3)
    l3.bias = l3.bias - (alpha * db_3)
    l2.wegt = l2.wegt - (alpha * dw_2)
    l2.bias = l2.bias - (alpha * db_2)
    l1.wegt = l1.wegt - (alpha * dw_1)
    l1.bias = l1.bias - (alpha * db_1)

    ### END CODE HERE ###

    # Print Loss
    if ((epoch+1)%10==0):
        loss_J = my_loss(l1, l2, l3, X_train, y_train)
        print('Epoch: %4d, loss: %10.8f' % (epoch+1, loss_J))

# %% prediction
y_pred = my_predict(l1, l2, l3, X_train)
np.mean(y_pred == labels)

X_input = np.expand_dims(X_train[3], 0)
y_pred = my_predict(l1, l2, l3, X_input)
print('My prediction is ' + str(y_pred[0]))
print('Actual number is ' + str(labels[3]))
