#ifndef MLPLAB_NARROW_KERNELS_H
#define MLPLAB_NARROW_KERNELS_H

#include <stdint.h>

// Float32 matrix products with one narrow side: at most MLPLAB_NARROW columns in
// the result or in the sum. A network's output layer is such a product (256 hidden
// units to 10 classes), three times a step; BLAS's kernels, blocked for large
// squares, spend most of their time there on packing and edges. All matrices are
// row-major and contiguous; each sum runs over its terms in order.

enum { MLPLAB_NARROW = 16 };

/// C = A · B + bias: A is m × k, B is k × n with n ≤ MLPLAB_NARROW, bias has n
/// numbers, C is m × n. `packed` has room for k × MLPLAB_NARROW floats.
void mlplab_times_narrow(int64_t m, int64_t k, int64_t n, const float *a, const float *b, const float *bias,
                         float *c, float *packed);

/// C = Aᵀ · B: A is k × m, B is k × n with n ≤ MLPLAB_NARROW, C is m × n.
/// `packed` has room for k × MLPLAB_NARROW floats.
void mlplab_transposed_times_narrow(int64_t k, int64_t m, int64_t n, const float *a, const float *b, float *c,
                                    float *packed);

/// C = A · Bᵀ with a narrow sum: A is m × k with k ≤ MLPLAB_NARROW, B is n × k,
/// C is m × n. `packed` has room for k × mlplab_rounded_columns(n) floats.
void mlplab_narrow_times_transposed(int64_t m, int64_t k, int64_t n, const float *a, const float *b, float *c,
                                    float *packed);

/// n rounded up to the width mlplab_narrow_times_transposed computes C in.
int64_t mlplab_rounded_columns(int64_t n);

#endif
