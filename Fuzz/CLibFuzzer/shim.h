#include <stddef.h>
#include <stdint.h>

/* libFuzzer's driver for programs with a main of their own (clang's libFuzzer
   documentation, "Using libFuzzer as a library"): it reads the options and
   corpus folders from argc/argv and calls `test` with each input. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
