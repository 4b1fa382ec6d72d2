/*
 * ICU for Thai line breaking and Thai collation, exposed through a deliberately tiny surface.
 *
 * Why no <unicode/ubrk.h>: Foundation on Linux carries its own ICU headers (_FoundationICU);
 * a Swift module that sees both sets fails with "'UErrorCode' has different definitions in
 * different modules". So this header includes only <unicode/uvernum.h> (macros, no types) and
 * declares the few entry points it needs with plain C types. ICU renames each entry point with
 * its version (ubrk_open -> ubrk_open_72) through function-like macros Swift cannot import,
 * hence the static inline wrappers with stable cp_ names.
 */
#ifndef CAREERPATH_CICU_SHIM_H
#define CAREERPATH_CICU_SHIM_H

#include <stdint.h>
#include <unicode/uvernum.h>

/* Values from <unicode/ubrk.h> and <unicode/uchar.h> (stable ICU API). */
#define CP_UBRK_CHARACTER 0
#define CP_UBRK_WORD 1
#define CP_UBRK_LINE 2
#define CP_UBRK_DONE (-1)
#define CP_UCHAR_EAST_ASIAN_WIDTH 0x1004
#define CP_U_EA_FULLWIDTH 3
#define CP_U_EA_WIDE 5
/* From <unicode/ucol.h>: UCOL_ALTERNATE_HANDLING and UCOL_NON_IGNORABLE. */
#define CP_UCOL_ALTERNATE_HANDLING 1
#define CP_UCOL_NON_IGNORABLE 21

/* Declarations matching ICU's ABI: enums are ints, UChar is a 16-bit unit, the iterator opaque. */
void *U_ICU_ENTRY_POINT_RENAME(ubrk_open)(int type, const char *locale, const uint16_t *text,
                                          int32_t textLength, int *status);
void U_ICU_ENTRY_POINT_RENAME(ubrk_close)(void *bi);
void U_ICU_ENTRY_POINT_RENAME(ubrk_setText)(void *bi, const uint16_t *text, int32_t textLength, int *status);
int32_t U_ICU_ENTRY_POINT_RENAME(ubrk_first)(void *bi);
int32_t U_ICU_ENTRY_POINT_RENAME(ubrk_next)(void *bi);
int32_t U_ICU_ENTRY_POINT_RENAME(u_getIntPropertyValue)(int32_t c, int which);
const char *U_ICU_ENTRY_POINT_RENAME(u_errorName)(int code);
void *U_ICU_ENTRY_POINT_RENAME(ucol_open)(const char *locale, int *status);
void U_ICU_ENTRY_POINT_RENAME(ucol_close)(void *collator);
void U_ICU_ENTRY_POINT_RENAME(ucol_setAttribute)(void *collator, int attribute, int value, int *status);
int32_t U_ICU_ENTRY_POINT_RENAME(ucol_getSortKey)(const void *collator, const uint16_t *source, int32_t sourceLength,
                                                  uint8_t *result, int32_t resultLength);

/* Opens a break iterator (type CP_UBRK_*); NULL with *status > 0 on failure. */
static inline void *cp_ubrk_open(int type, const char *locale, const uint16_t *text, int32_t length, int *status) {
    return U_ICU_ENTRY_POINT_RENAME(ubrk_open)(type, locale, text, length, status);
}
static inline void cp_ubrk_close(void *bi) { U_ICU_ENTRY_POINT_RENAME(ubrk_close)(bi); }
static inline void cp_ubrk_set_text(void *bi, const uint16_t *text, int32_t length, int *status) {
    U_ICU_ENTRY_POINT_RENAME(ubrk_setText)(bi, text, length, status);
}
static inline int32_t cp_ubrk_first(void *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_first)(bi); }
static inline int32_t cp_ubrk_next(void *bi) { return U_ICU_ENTRY_POINT_RENAME(ubrk_next)(bi); }
/* ICU's East_Asian_Width of a code point (CP_U_EA_*), used to check the width table. */
static inline int32_t cp_u_east_asian_width(int32_t c) {
    return U_ICU_ENTRY_POINT_RENAME(u_getIntPropertyValue)(c, CP_UCHAR_EAST_ASIAN_WIDTH);
}
/* A collator for a locale ("th": Thai dictionary order); NULL with *status > 0 on failure. */
static inline void *cp_ucol_open(const char *locale, int *status) { return U_ICU_ENTRY_POINT_RENAME(ucol_open)(locale, status); }
static inline void cp_ucol_close(void *collator) { U_ICU_ENTRY_POINT_RENAME(ucol_close)(collator); }
static inline void cp_ucol_set_attribute(void *collator, int attribute, int value, int *status) {
    U_ICU_ENTRY_POINT_RENAME(ucol_setAttribute)(collator, attribute, value, status);
}
/* Writes the sort key (NUL-terminated) if it fits; returns its length with the NUL either way. */
static inline int32_t cp_ucol_get_sort_key(const void *collator, const uint16_t *text, int32_t length,
                                           uint8_t *key, int32_t capacity) {
    return U_ICU_ENTRY_POINT_RENAME(ucol_getSortKey)(collator, text, length, key, capacity);
}
/* ICU errors are positive UErrorCode values; negative values are warnings. */
static inline int cp_u_failure(int status) { return status > 0; }
static inline const char *cp_u_error_name(int status) { return U_ICU_ENTRY_POINT_RENAME(u_errorName)(status); }

#endif
