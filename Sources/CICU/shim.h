#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
