#ifndef MLPLAB_ROW_SUMS_H
#define MLPLAB_ROW_SUMS_H

#include <stdint.h>

/// total[j] += a[i][j] for each of `rows` rows of `width` numbers, one row after another
/// (numpy's order when it sums along an axis that is not the last): a layer's bias
/// gradient, Σ over a batch's rows of dOut. `total` must not overlap `a`.
void mlplab_add_rows_float(int64_t rows, int64_t width, const float *a, float *total);
void mlplab_add_rows_double(int64_t rows, int64_t width, const double *a, double *total);

#endif
