#include <cblas.h>

// OpenBLAS (built with DYNAMIC_ARCH) picks its kernels for the processor when it is loaded,
// reading OPENBLAS_CORETYPE then. These two, exported by libopenblas but in no header, forget
// that choice and make it again: called before the first BLAS call, they let a program pick
// other kernels without starting again.
void gotoblas_dynamic_quit(void);
void gotoblas_dynamic_init(void);
