#include "row_sums.h"

#include "widest_vectors.h"

// Each element of `total` adds its column's numbers in row order, so every width of
// vector gives the same sums to the bit. (`restrict`: total and a never overlap, so the
// compiler may keep a vector of sums while it adds a row.)

#define ADD_ROWS(name, number)                                                                       \
    WIDEST_VECTORS                                                                                    \
    void name(int64_t rows, int64_t width, const number *restrict a, number *restrict total) {       \
        for (int64_t i = 0; i < rows; i++)                                                            \
            for (int64_t j = 0; j < width; j++) total[j] += a[i * width + j];                         \
    }

ADD_ROWS(mlplab_add_rows_float, float)
ADD_ROWS(mlplab_add_rows_double, double)
