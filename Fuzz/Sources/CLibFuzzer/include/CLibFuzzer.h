// libFuzzer's driver, for an executable that has its own main (see RELIABILITY.md).
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line's options on `callback`, as libFuzzer's own main would.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));
#endif
