#include "narrow_kernels.h"

#include <string.h>

#include "widest_vectors.h"

// The vectors below are the compiler's own (GCC and Clang vector extensions):
// 16 floats, in one AVX-512 register or two narrower ones.

typedef float v16 __attribute__((vector_size(64), aligned(4)));

enum {
    LANES = MLPLAB_NARROW,   // the narrow side, padded with zeros to one vector
    ROWS = 8,                // rows of C summed at once: independent sums keep the multipliers busy
    BLOCK = 32,              // columns of C per block in the A · Bᵀ product: two vectors
    BLOCK_ROWS = 4,
};

/// The m × n matrix x copied into rows of LANES, zeros after column n.
static void pad_rows(int64_t m, int64_t n, const float *x, float *padded) {
    for (int64_t i = 0; i < m; i++)
        for (int64_t l = 0; l < LANES; l++) padded[i * LANES + l] = l < n ? x[i * n + l] : 0.0f;
}

/// Row i of C = Σ_j A[i, j] · row j of B: each product of a number by a whole row of B
/// (padded to one vector) goes into row i's vector of sums. ROWS rows of A take each
/// row of B in turn, so their sums build up side by side.
WIDEST_VECTORS
void mlplab_times_narrow(int64_t m, int64_t k, int64_t n, const float *a, const float *b, const float *bias,
                         float *c, float *packed) {
    pad_rows(k, n, b, packed);
    for (int64_t i = 0; i < m; i += ROWS) {
        const int64_t rows = m - i < ROWS ? m - i : ROWS;
        const float *row[ROWS];   // past the last row of A, the last row again (its sums are dropped)
        for (int r = 0; r < ROWS; r++) row[r] = a + (i + (r < rows ? r : rows - 1)) * k;
        v16 sum[ROWS];
        for (int r = 0; r < ROWS; r++) sum[r] = (v16){0};
        for (int64_t j = 0; j < k; j++) {
            const v16 b_row = *(const v16 *)(packed + j * LANES);
#pragma clang loop unroll(full)
            for (int r = 0; r < ROWS; r++) sum[r] += row[r][j] * b_row;
        }
        for (int64_t r = 0; r < rows; r++)
            for (int64_t l = 0; l < n; l++) c[(i + r) * n + l] = bias[l] + sum[r][l];
    }
}

/// C[j, q] = Σ_i A[i, j] · B[i, q]. For LANES columns j of A at a time, one vector of
/// sums per column q of B: each row i adds its piece of A's row, times B[i, q], to each.
/// Columns past the last whole vector are summed one number at a time, in the same order.
WIDEST_VECTORS
void mlplab_transposed_times_narrow(int64_t k, int64_t m, int64_t n, const float *a, const float *b, float *c,
                                    float *packed) {
    pad_rows(k, n, b, packed);
    int64_t j = 0;
    for (; j + LANES <= m; j += LANES) {
        v16 sum[LANES];
        for (int q = 0; q < LANES; q++) sum[q] = (v16){0};
        for (int64_t i = 0; i < k; i++) {
            const v16 a_piece = *(const v16 *)(a + i * m + j);
            const float *b_row = packed + i * LANES;
#pragma clang loop unroll(full)
            for (int q = 0; q < LANES; q++) sum[q] += b_row[q] * a_piece;
        }
        for (int64_t l = 0; l < LANES; l++)
            for (int64_t q = 0; q < n; q++) c[(j + l) * n + q] = sum[q][l];
    }
    for (; j < m; j++)
        for (int64_t q = 0; q < n; q++) {
            float sum = 0.0f;
            for (int64_t i = 0; i < k; i++) sum += a[i * m + j] * b[i * n + q];
            c[j * n + q] = sum;
        }
}

int64_t mlplab_rounded_columns(int64_t n) { return (n + BLOCK - 1) / BLOCK * BLOCK; }

/// Row i of C = Σ_q A[i, q] · row q of Bᵀ: a sum of k ≤ LANES rows, BLOCK columns at a
/// time, for BLOCK_ROWS rows of A at once. Bᵀ is first copied out, zeros past column n.
WIDEST_VECTORS
void mlplab_narrow_times_transposed(int64_t m, int64_t k, int64_t n, const float *a, const float *b, float *c,
                                    float *packed) {
    const int64_t width = mlplab_rounded_columns(n);
    for (int64_t q = 0; q < k; q++)
        for (int64_t j = 0; j < width; j++) packed[q * width + j] = j < n ? b[j * k + q] : 0.0f;
    for (int64_t i = 0; i < m; i += BLOCK_ROWS) {
        const int64_t rows = m - i < BLOCK_ROWS ? m - i : BLOCK_ROWS;
        const float *row[BLOCK_ROWS];
        for (int r = 0; r < BLOCK_ROWS; r++) row[r] = a + (i + (r < rows ? r : rows - 1)) * k;
        for (int64_t j = 0; j < width; j += BLOCK) {
            v16 low[BLOCK_ROWS], high[BLOCK_ROWS];
            for (int r = 0; r < BLOCK_ROWS; r++) low[r] = high[r] = (v16){0};
            for (int64_t q = 0; q < k; q++) {
                const v16 b_low = *(const v16 *)(packed + q * width + j);
                const v16 b_high = *(const v16 *)(packed + q * width + j + 16);
#pragma clang loop unroll(full)
                for (int r = 0; r < BLOCK_ROWS; r++) {
                    low[r] += row[r][q] * b_low;
                    high[r] += row[r][q] * b_high;
                }
            }
            const int64_t columns = n - j < BLOCK ? n - j : BLOCK;
            for (int64_t r = 0; r < rows; r++) {
                float *out = c + (i + r) * n + j;
                if (columns == BLOCK) {
                    *(v16 *)out = low[r];
                    *(v16 *)(out + 16) = high[r];
                } else {
                    float sums[BLOCK];
                    memcpy(sums, &low[r], sizeof low[r]);
                    memcpy(sums + 16, &high[r], sizeof high[r]);
                    memcpy(out, sums, (size_t)columns * sizeof(float));
                }
            }
        }
    }
}
