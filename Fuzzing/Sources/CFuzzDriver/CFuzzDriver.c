// The declaration in include/CFuzzDriver.h is all; the function is libFuzzer's.
#include "CFuzzDriver.h"
