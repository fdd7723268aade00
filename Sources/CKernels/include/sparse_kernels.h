#ifndef MLPLAB_SPARSE_KERNELS_H
#define MLPLAB_SPARSE_KERNELS_H

#include <stdint.h>

// Sparse matrices here are in compressed-row form: row i's non-zero entries
// are entries[p] for p in starts[i] ..< starts[i + 1], each a column number
// and its value side by side (one memory stream to read or write, not two).

typedef struct {
    int32_t index;
    float value;
} mlplab_entry;

/// The number of non-zero elements among x[0 ..< count] (NaN counts as non-zero).
int64_t mlplab_count_nonzero(const float *x, int64_t count);

/// Stores the non-zero entries of the dense row-major matrix x (rows × columns).
/// entries needs room for its non-zero count + 16 (the vector code writes 16
/// at a time), starts for rows + 1.
void mlplab_sparse_from_dense(int64_t rows, int64_t columns, const float *x, int32_t *starts, mlplab_entry *entries);

/// The rows at `positions` (count of them, each in 0 ..< rows of the source)
/// of a sparse matrix, in that order: out_starts has room for count + 1,
/// out_entries for every entry of those rows. The source rows are requested
/// from memory a few rows ahead, since a random row of a large data set is
/// rarely in the cache.
void mlplab_sparse_gather_rows(int64_t count, const int64_t *positions, const int32_t *starts,
                               const mlplab_entry *entries, int32_t *out_starts, mlplab_entry *out_entries);

/// The transpose of a sparse rows × columns matrix, in the same form:
/// t_starts has room for columns + 1, t_entries for every entry.
void mlplab_sparse_transpose(int64_t rows, int64_t columns, const int32_t *starts, const mlplab_entry *entries,
                             int32_t *t_starts, mlplab_entry *t_entries);

/// C = S · B + bias (bias, n numbers, added to every row), for columns
/// [first_column, last_column) of C. S is sparse with `rows` rows; B is dense,
/// `inner` × n, row-major; C is dense, rows × n, row-major.
/// Returns 0, or -1 when there was no memory for the packed block of B.
int mlplab_sparse_times_dense(int64_t rows, const int32_t *starts, const mlplab_entry *entries,
                               int64_t inner, const float *b, int64_t n, const float *bias, float *c,
                               int64_t first_column, int64_t last_column);

/// The widest vectors this processor computes with: 512 (AVX-512 F, BW, DQ and VL), 256 (AVX2
/// and FMA) or 128.
int mlplab_widest_vectors(void);

#endif
