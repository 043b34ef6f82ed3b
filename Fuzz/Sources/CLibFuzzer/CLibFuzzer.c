// Declarations only: the definitions come from libFuzzer, which -sanitize=fuzzer links.
#include "CLibFuzzer.h"
