#!/bin/sh
# The source notebooks' experiments on the full MNIST, with `mlplab train`: too long for a
# lesson cell, so they are commands. Each run prints its settings, its epoch line(s) and
# "Test accuracy: … after …, N s of training".
#
# usage: scripts/reproduce_full_mnist.sh DATA_DIR [mse-ce|sweep|all]
#        DATA_DIR holds the four MNIST files (`mlplab fetch mnist` puts them in data/mnist).
#        MLPLAB (default .build/release/mlplab) is the binary to run.
#
# mse-ce: the DL practice notebook's two 30-epoch runs. 784-64-16-10, sigmoid hidden and
#   output layers, weights and biases drawn from randn (its FCLayer ignores its
#   weight_init_std), batches of 128 from a fresh permutation each epoch, float64. The MSE
#   at learning rate 30: the notebook's 3, since its MSE gradient is 10 times the
#   gradient of the MSE it prints (lesson 4). Its binary cross-entropy at 0.5. The
#   notebook ended at 94.68 % (MSE) and 94.44 % test accuracy.
#
# sweep: the 2-layer MNIST lab's nine rows of batch size, iterations and hidden units:
#   784-H-10 with ReLU, 0.01·randn weights, the training set's mean pixel subtracted,
#   batches drawn with replacement, learning rate 0.001, float32. Each row twice: with
#   mlplab's gradient, the mean over the batch, at 0.001; and at 0.001 · batch, which
#   takes the same steps as a gradient summed over the batch (the lab's compute_grad
#   returns probs - onehot, not divided by the batch size). The lab's repeated row
#   (256, 10000, 256) runs with seeds 0 and 1.
set -eu

if [ $# -lt 1 ]; then
    sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 2
fi
data=$1
which=${2:-all}
mlplab=${MLPLAB:-.build/release/mlplab}

mse_ce() {
    common="--dataset mnist --data $data --hidden 64,16 --activation sigmoid --initialization randn
            --batch-size 128 --epochs 30 --precision float64 --seed 0"
    # shellcheck disable=SC2086
    "$mlplab" train $common --loss mse --lr 30
    # shellcheck disable=SC2086
    "$mlplab" train $common --loss sigmoid-ce --lr 0.5
}

sweep() {
    # batch iterations hidden seed, in the lab's order
    for row in "8 100 128 0" "128 10000 512 0" "128 10000 256 0" "256 10000 256 0" "256 5000 256 0" \
               "512 10000 256 0" "256 10000 256 1" "512 10000 512 0" "256 10000 512 0"; do
        set -- $row
        for lr in 0.001 "$(awk "BEGIN { print 0.001 * $1 }")"; do
            "$mlplab" train --dataset mnist --data "$data" --hidden "$3" --activation relu --initialization small \
                --zero-centre --sampling replacement --batch-size "$1" --iterations "$2" --lr "$lr" \
                --precision float32 --seed "$4"
        done
    done
}

case $which in
    mse-ce) mse_ce ;;
    sweep) sweep ;;
    all) mse_ce; sweep ;;
    *) echo "unknown experiment '$which': choose mse-ce, sweep or all" >&2; exit 2 ;;
esac
