#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs with their own `main` (in libclang_rt.fuzzer, linked by
/// `-sanitize=fuzzer`): parses libFuzzer's flags in argv and calls `callback` with each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
