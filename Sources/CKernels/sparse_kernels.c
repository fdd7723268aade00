#include "sparse_kernels.h"

#include <stdlib.h>
#include <string.h>

#include "widest_vectors.h"

/// Row i's non-zero entries appended at `count`; returns the new count.
/// Every element is written at position `count`, which moves past it only
/// when it is non-zero: no branch to mispredict on the pixels.
static int64_t compress_row(const float *row, int64_t columns, mlplab_entry *entries, int64_t count) {
    for (int64_t j = 0; j < columns; j++) {
        entries[count] = (mlplab_entry){(int32_t)j, row[j]};
        count += row[j] != 0.0f;
    }
    return count;
}

#if defined(__x86_64__)
#include <immintrin.h>

/// The same with AVX-512, 16 elements at a time: compare with zero, pack the
/// non-zero ones (and their column numbers) to the front of a register, pair
/// each column number with its value, store all 16 pairs and move on by the
/// number kept. Needs 16 spare entries at the end.
__attribute__((target("avx512f")))
static int64_t compress_row_avx512(const float *row, int64_t columns, mlplab_entry *entries, int64_t count) {
    const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    // Lane k of the column numbers, then lane k of the values (16 + k): pairs 0-7, then 8-15.
    const __m512i first_pairs = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    const __m512i last_pairs = _mm512_add_epi32(first_pairs, _mm512_set1_epi32(8));
    for (int64_t j = 0; j < columns; j += 16) {
        const __mmask16 inside = columns - j >= 16 ? 0xFFFF : (__mmask16)((1u << (columns - j)) - 1);
        const __m512 v = _mm512_maskz_loadu_ps(inside, row + j);
        const __mmask16 kept = _mm512_mask_cmp_ps_mask(inside, v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
        const __m512i columns_here = _mm512_add_epi32(lanes, _mm512_set1_epi32((int32_t)j));
        const __m512i kept_values = _mm512_castps_si512(_mm512_maskz_compress_ps(kept, v));
        const __m512i kept_columns = _mm512_maskz_compress_epi32(kept, columns_here);
        _mm512_storeu_si512(entries + count, _mm512_permutex2var_epi32(kept_columns, first_pairs, kept_values));
        _mm512_storeu_si512(entries + count + 8, _mm512_permutex2var_epi32(kept_columns, last_pairs, kept_values));
        count += __builtin_popcount(kept);
    }
    return count;
}

static int has_avx512(void) { return __builtin_cpu_supports("avx512f"); }
#else
static int64_t compress_row_avx512(const float *row, int64_t columns, mlplab_entry *entries, int64_t count) {
    return compress_row(row, columns, entries, count);
}
static int has_avx512(void) { return 0; }
#endif

WIDEST_VECTORS
int64_t mlplab_count_nonzero(const float *x, int64_t count) {
    int64_t nonzero = 0;
    for (int64_t i = 0; i < count; i++) nonzero += x[i] != 0.0f;
    return nonzero;
}

void mlplab_sparse_from_dense(int64_t rows, int64_t columns, const float *x, int32_t *starts, mlplab_entry *entries) {
    const int wide = has_avx512();
    int64_t count = 0;
    starts[0] = 0;
    for (int64_t i = 0; i < rows; i++) {
        const float *row = x + i * columns;
        count = wide ? compress_row_avx512(row, columns, entries, count) : compress_row(row, columns, entries, count);
        starts[i + 1] = (int32_t)count;
    }
}

/// Asks for every cache line of row `row`'s entries, so that the copy of a
/// later row finds them on the way rather than waiting for each in turn.
static void request_row(const int32_t *starts, const mlplab_entry *entries, int64_t row) {
    const char *line = (const char *)(entries + starts[row]), *end = (const char *)(entries + starts[row + 1]);
    for (; line < end; line += 64) __builtin_prefetch(line);
}

void mlplab_sparse_gather_rows(int64_t count, const int64_t *positions, const int32_t *starts,
                               const mlplab_entry *entries, int32_t *out_starts, mlplab_entry *out_entries) {
    enum { AHEAD = 8 };   // rows requested from memory this far ahead of the copy
    out_starts[0] = 0;
    for (int64_t i = 0; i < count; i++)
        out_starts[i + 1] = out_starts[i] + (starts[positions[i] + 1] - starts[positions[i]]);
    for (int64_t i = 0; i < count && i < AHEAD; i++) request_row(starts, entries, positions[i]);
    for (int64_t i = 0; i < count; i++) {
        if (i + AHEAD < count) request_row(starts, entries, positions[i + AHEAD]);
        const int32_t from = starts[positions[i]], length = out_starts[i + 1] - out_starts[i];
        memcpy(out_entries + out_starts[i], entries + from, (size_t)length * sizeof(mlplab_entry));
    }
}

void mlplab_sparse_transpose(int64_t rows, int64_t columns, const int32_t *restrict starts,
                             const mlplab_entry *restrict entries, int32_t *restrict t_starts,
                             mlplab_entry *restrict t_entries) {
    // Counting sort by column: count each column's entries, turn the counts
    // into start positions, then deal the entries out in row order. (`restrict`
    // lets the compiler keep values in registers across the stores, which
    // otherwise might change them: twice as fast.)
    memset(t_starts, 0, (size_t)(columns + 1) * sizeof(int32_t));
    const int32_t count = starts[rows];
    for (int32_t p = 0; p < count; p++) t_starts[entries[p].index + 1]++;
    for (int64_t j = 0; j < columns; j++) t_starts[j + 1] += t_starts[j];
    // The memory for the entries is recycled, and the other thread may have read
    // it last (both threads read each batch). Written in one sweep first, its
    // cache lines become this core's at streaming speed; dealt out one entry at
    // a time, each line would wait to be taken from the other core (in training,
    // 150 -> 95 us a batch).
    memset(t_entries, 0, (size_t)count * sizeof(mlplab_entry));
    // t_starts[j] now serves as column j's next free slot; afterwards it is
    // column j + 1's start, so everything shifts back by one column.
    for (int64_t i = 0; i < rows; i++)
        for (int32_t p = starts[i]; p < starts[i + 1]; p++)
            t_entries[t_starts[entries[p].index]++] = (mlplab_entry){(int32_t)i, entries[p].value};
    memmove(t_starts + 1, t_starts, (size_t)columns * sizeof(int32_t));
    t_starts[0] = 0;
}

/// One row of C over `width` columns: the sum of value · row of packed B over
/// the row's entries. Called with a constant width, so the sums stay in
/// vector registers. Four partial sums over every fourth entry let four
/// multiply-adds run at once instead of each waiting for the one before.
static inline __attribute__((always_inline))
void row_block(int32_t begin, int32_t end, const mlplab_entry *entries,
               const float *packed, int64_t width, const float *bias, float *out) {
    float s0[64], s1[64], s2[64], s3[64];
    for (int64_t k = 0; k < width; k++) s0[k] = s1[k] = s2[k] = s3[k] = 0.0f;
    int32_t p = begin;
    for (; p + 3 < end; p += 4) {
        const float a = entries[p].value, b = entries[p + 1].value, c = entries[p + 2].value, d = entries[p + 3].value;
        const float *restrict ra = packed + (int64_t)entries[p].index * width;
        const float *restrict rb = packed + (int64_t)entries[p + 1].index * width;
        const float *restrict rc = packed + (int64_t)entries[p + 2].index * width;
        const float *restrict rd = packed + (int64_t)entries[p + 3].index * width;
        for (int64_t k = 0; k < width; k++) {
            s0[k] += a * ra[k];
            s1[k] += b * rb[k];
            s2[k] += c * rc[k];
            s3[k] += d * rd[k];
        }
    }
    for (; p < end; p++) {
        const float a = entries[p].value;
        const float *restrict ra = packed + (int64_t)entries[p].index * width;
        for (int64_t k = 0; k < width; k++) s0[k] += a * ra[k];
    }
    for (int64_t k = 0; k < width; k++) out[k] = bias[k] + ((s0[k] + s1[k]) + (s2[k] + s3[k]));
}

/// Columns [column, column + width) of B copied into `packed`, row after row.
/// Rows of B a power of two apart in memory fall into the same few cache
/// sets and evict each other; packed, the block is contiguous and stays cached.
static void pack_block(int64_t inner, const float *b, int64_t n, int64_t column, int64_t width, float *packed) {
    for (int64_t j = 0; j < inner; j++) memcpy(packed + j * width, b + j * n + column, (size_t)width * sizeof(float));
}

/// Each thread's packing buffer, grown as needed and kept for the next call.
/// Aligned to 64 bytes, so that each 64-byte vector load of a packed row
/// touches one cache line instead of two.
static _Thread_local float *scratch;
static _Thread_local int64_t scratch_count;

static float *scratch_for(int64_t count) {
    if (count > scratch_count) {
        free(scratch);
        scratch = aligned_alloc(64, ((size_t)count * sizeof(float) + 63) / 64 * 64);
        scratch_count = scratch ? count : 0;
    }
    return scratch;
}

static inline __attribute__((always_inline))
void times_block(int64_t rows, const int32_t *starts, const mlplab_entry *entries,
                 const float *packed, int64_t width, const float *bias, float *c, int64_t n, int64_t column) {
    for (int64_t i = 0; i < rows; i++)
        row_block(starts[i], starts[i + 1], entries, packed, width, bias + column, c + i * n + column);
}

/// Columns [column, last_column) of C, in blocks of 64 columns, then one of
/// 32, then what is left, compiled for the widest vectors the processor has.
WIDEST_VECTORS
static void times_blocks(int64_t rows, const int32_t *starts, const mlplab_entry *entries, int64_t inner,
                         const float *b, int64_t n, const float *bias, float *c, int64_t column,
                         int64_t last_column, float *packed) {
    for (; column + 64 <= last_column; column += 64) {
        pack_block(inner, b, n, column, 64, packed);
        times_block(rows, starts, entries, packed, 64, bias, c, n, column);
    }
    if (column + 32 <= last_column) {
        pack_block(inner, b, n, column, 32, packed);
        times_block(rows, starts, entries, packed, 32, bias, c, n, column);
        column += 32;
    }
    if (column < last_column) {
        const int64_t width = last_column - column;
        pack_block(inner, b, n, column, width, packed);
        times_block(rows, starts, entries, packed, width, bias, c, n, column);
    }
}

#if defined(__x86_64__)
/// row_block for 32 columns, written out in AVX-512: the same four partial
/// sums added in the same order, so the same result to the bit, but the sums
/// stay in their eight registers for the whole row (the portable code moves
/// them through the stack at each row's start and end). On MNIST's batches
/// this takes the two first-layer products from 0.075 + 0.078 s to
/// 0.071 + 0.061 s an epoch on one thread.
__attribute__((target("avx512f,prfchw")))
static void times_block32_avx512(int64_t rows, const int32_t *starts, const mlplab_entry *entries,
                                 const float *packed, const float *bias, float *c, int64_t n) {
    enum { OUT_AHEAD = 8 };
    const __m512 bias_low = _mm512_loadu_ps(bias), bias_high = _mm512_loadu_ps(bias + 16);
    for (int64_t i = 0; i < rows; i++) {
        __m512 a_low = _mm512_setzero_ps(), a_high = a_low, b_low = a_low, b_high = a_low;
        __m512 c_low = a_low, c_high = a_low, d_low = a_low, d_high = a_low;
        int32_t p = starts[i];
        const int32_t end = starts[i + 1];
        for (; p + 3 < end; p += 4) {
            const float *ra = packed + (int64_t)entries[p].index * 32;
            const float *rb = packed + (int64_t)entries[p + 1].index * 32;
            const float *rc = packed + (int64_t)entries[p + 2].index * 32;
            const float *rd = packed + (int64_t)entries[p + 3].index * 32;
            const __m512 a = _mm512_set1_ps(entries[p].value), b = _mm512_set1_ps(entries[p + 1].value);
            const __m512 cv = _mm512_set1_ps(entries[p + 2].value), d = _mm512_set1_ps(entries[p + 3].value);
            a_low = _mm512_fmadd_ps(a, _mm512_load_ps(ra), a_low);
            a_high = _mm512_fmadd_ps(a, _mm512_load_ps(ra + 16), a_high);
            b_low = _mm512_fmadd_ps(b, _mm512_load_ps(rb), b_low);
            b_high = _mm512_fmadd_ps(b, _mm512_load_ps(rb + 16), b_high);
            c_low = _mm512_fmadd_ps(cv, _mm512_load_ps(rc), c_low);
            c_high = _mm512_fmadd_ps(cv, _mm512_load_ps(rc + 16), c_high);
            d_low = _mm512_fmadd_ps(d, _mm512_load_ps(rd), d_low);
            d_high = _mm512_fmadd_ps(d, _mm512_load_ps(rd + 16), d_high);
        }
        for (; p < end; p++) {
            const float *ra = packed + (int64_t)entries[p].index * 32;
            const __m512 a = _mm512_set1_ps(entries[p].value);
            a_low = _mm512_fmadd_ps(a, _mm512_load_ps(ra), a_low);
            a_high = _mm512_fmadd_ps(a, _mm512_load_ps(ra + 16), a_high);
        }
        // Claim the cache lines of the sums a few rows ahead, to be written: C's
        // memory may have been the other thread's, and the stores would wait for it.
        if (i + OUT_AHEAD < rows) {
            __builtin_prefetch(c + (i + OUT_AHEAD) * n, 1, 3);
            __builtin_prefetch(c + (i + OUT_AHEAD) * n + 31, 1, 3);
        }
        const __m512 low = _mm512_add_ps(_mm512_add_ps(a_low, b_low), _mm512_add_ps(c_low, d_low));
        const __m512 high = _mm512_add_ps(_mm512_add_ps(a_high, b_high), _mm512_add_ps(c_high, d_high));
        _mm512_storeu_ps(c + i * n, _mm512_add_ps(bias_low, low));
        _mm512_storeu_ps(c + i * n + 16, _mm512_add_ps(bias_high, high));
    }
}
#endif

int mlplab_sparse_times_dense(int64_t rows, const int32_t *starts, const mlplab_entry *entries,
                               int64_t inner, const float *b, int64_t n, const float *bias, float *c,
                               int64_t first_column, int64_t last_column) {
    float *packed = scratch_for(inner * 64);
    if (!packed) return -1;
    int64_t column = first_column;
#if defined(__x86_64__)
    if (has_avx512())
        for (; column + 32 <= last_column; column += 32) {
            pack_block(inner, b, n, column, 32, packed);
            times_block32_avx512(rows, starts, entries, packed, bias + column, c + column, n);
        }
#endif
    times_blocks(rows, starts, entries, inner, b, n, bias, c, column, last_column, packed);
    return 0;
}

int mlplab_widest_vectors(void) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl")) return 512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 256;
#endif
    return 128;
}
