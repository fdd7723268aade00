#!/usr/bin/env python3
"""The same pipeline as the numpy reference (784-H-10, ReLU, softmax cross-entropy, mini-batch
SGD, float32), written with PyTorch on the CPU, timed per epoch. For scripts/bench_peers.sh only:
mlplab never needs PyTorch.
usage: torch_mlp.py DATA_DIR [--epochs N] [--hidden H] [--batch B] [--lr LR] [--threads T]
Prints one line per epoch and a final JSON line {"epoch_s": median, "test_acc": ...}."""
import argparse, gzip, json, os, time
import numpy as np
import torch


def idx(path, offset):
    with gzip.open(path, 'rb') as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data'); ap.add_argument('--epochs', type=int, default=3)
    ap.add_argument('--hidden', type=int, default=256); ap.add_argument('--batch', type=int, default=256)
    ap.add_argument('--lr', type=float, default=0.1); ap.add_argument('--threads', type=int, default=os.cpu_count())
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    images = lambda name: torch.from_numpy(idx(os.path.join(a.data, name), 16).reshape(-1, 784).astype(np.float32) / 255)
    labels = lambda name: torch.from_numpy(idx(os.path.join(a.data, name), 8).astype(np.int64))
    x_train, y_train = images('train-images-idx3-ubyte.gz'), labels('train-labels-idx1-ubyte.gz')
    x_test, y_test = images('t10k-images-idx3-ubyte.gz'), labels('t10k-labels-idx1-ubyte.gz')
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, a.hidden), torch.nn.ReLU(), torch.nn.Linear(a.hidden, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=a.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for epoch in range(a.epochs):
        started = time.perf_counter()
        order = torch.randperm(len(x_train))
        for i in range(0, len(x_train), a.batch):
            rows = order[i:i + a.batch]
            optimizer.zero_grad(set_to_none=True)
            loss_fn(model(x_train[rows]), y_train[rows]).backward()
            optimizer.step()
        times.append(time.perf_counter() - started)
        with torch.no_grad():
            accuracy = float((model(x_test).argmax(1) == y_test).float().mean())
        print(f'epoch {epoch + 1} {times[-1]:.3f}s test_acc {accuracy:.4f}', flush=True)
    print(json.dumps({'epoch_s': sorted(times)[len(times) // 2], 'test_acc': accuracy}))


main()
