#ifndef MLPLAB_WIDEST_VECTORS_H
#define MLPLAB_WIDEST_VECTORS_H

// A function marked WIDEST_VECTORS is compiled three times on x86-64 Linux
// (AVX-512, AVX2 + FMA, and plain SSE2), and the loader picks the widest the
// processor has when the program starts. Elsewhere it is compiled once.
#if defined(__x86_64__) && defined(__linux__)
#define WIDEST_VECTORS __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define WIDEST_VECTORS
#endif

#endif
