#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/ncurses.h>

/* Accessors for what Swift cannot import directly (macros and C globals). */
static inline WINDOW *cp_stdscr(void) { return stdscr; }
static inline int cp_lines(void) { return LINES; }
static inline int cp_cols(void) { return COLS; }
static inline attr_t cp_a_normal(void) { return A_NORMAL; }
static inline attr_t cp_a_bold(void) { return A_BOLD; }
static inline attr_t cp_a_reverse(void) { return A_REVERSE; }
static inline attr_t cp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cp_a_dim(void) { return A_DIM; }
static inline int cp_key_f(int n) { return KEY_F(n); }
static inline int cp_wcwidth(wchar_t c) { return wcwidth(c); }
