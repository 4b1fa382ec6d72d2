#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <pty.h>
#include <sys/syscall.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

/* Accessors for what Swift cannot import directly (macros and C globals). */
static inline WINDOW *cp_stdscr(void) { return stdscr; }
static inline int cp_lines(void) { return LINES; }
static inline int cp_cols(void) { return COLS; }
static inline int cp_colors(void) { return COLORS; }
static inline int cp_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cp_a_normal(void) { return A_NORMAL; }
static inline attr_t cp_a_bold(void) { return A_BOLD; }
static inline attr_t cp_a_reverse(void) { return A_REVERSE; }
static inline attr_t cp_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cp_a_dim(void) { return A_DIM; }
static inline int cp_key_f(int n) { return KEY_F(n); }
static inline int cp_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int cp_ccharw_max(void) { return CCHARW_MAX; }
/* Mouse masks are macros of macros; the adapter asks for presses, releases and the wheel. */
static inline mmask_t cp_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cp_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cp_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cp_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cp_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cp_button5_pressed(void) { return BUTTON5_PRESSED; }

/* ioctl is variadic, which Swift cannot call. */
static inline int cp_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
static inline int cp_set_tty_size(int fd, int rows, int cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

/* syscall is variadic too: a descriptor that becomes readable when process `pid` ends
 * (pidfd_open(2), Linux 5.3), for the start-up bench to see an exit the moment it happens; -1 where
 * the kernel or the headers have none. */
static inline int cp_pidfd_open(int pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

/* A pseudo-terminal pair of the given size (tests and the byte-count bench). */
static inline int cp_openpty(int *master, int *slave, int rows, int cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = (unsigned short)rows;
    ws.ws_col = (unsigned short)cols;
    return openpty(master, slave, NULL, NULL, &ws);
}

/*
 * Signals. (No <signal.h> here: included from this module it changes glibc typedefs such as
 * __rusage_who_t for every Swift module that imports both Glibc and CNcursesw. The Swift side
 * installs the handlers with Glibc's sigaction and calls cp_record_signal.)
 * The handler only records the signal (async-signal-safe); the key loop notices it
 * within one read timeout and restores the terminal with endwin. A second signal of the same
 * kind means the loop is stuck: restore the tty settings and the screen with write/tcsetattr
 * (both async-signal-safe) and _exit(128 + signal). The same emergency restore runs at exit()
 * if the program leaves without calling endwin.
 */
/* State lives in a function-local static: Swift's importer emits the bodies of inline
   functions but not file-scope static variables of a header. */
struct cp_signal_state {
    volatile int pending;
    int fd;
    int armed;
    struct termios termios;
    char sequence[256];
    size_t length;
};
static inline struct cp_signal_state *cp_state(void) {
    static struct cp_signal_state state = { 0, -1, 0 };
    return &state;
}

static inline void cp_emergency_restore(void) {
    struct cp_signal_state *s = cp_state();
    if (!s->armed || s->fd < 0) return;
    s->armed = 0;
    if (s->length > 0) {
        ssize_t ignored = write(s->fd, s->sequence, s->length);
        (void)ignored;
    }
    tcsetattr(s->fd, TCSANOW, &s->termios);
}

/* The body of the signal handler. */
static inline void cp_record_signal(int sig) {
    struct cp_signal_state *s = cp_state();
    if (s->pending == sig) {
        cp_emergency_restore();
        _exit(128 + sig);
    }
    s->pending = sig;
}

static inline void cp_atexit_restore(void) { cp_emergency_restore(); }

static inline int cp_take_pending_signal(void) {
    int sig = cp_state()->pending;
    cp_state()->pending = 0;
    return sig;
}
static inline int cp_peek_pending_signal(void) { return cp_state()->pending; }
static inline void cp_append_capability(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == NULL || value == (char *)-1) return;
    struct cp_signal_state *s = cp_state();
    size_t n = strlen(value);
    if (s->length + n >= sizeof s->sequence) return;
    memcpy(s->sequence + s->length, value, n);
    s->length += n;
}

/* Call after newterm with the output fd and the tty settings saved before newterm. */
static inline void cp_arm_emergency_restore(int fd, const struct termios *saved) {
    static int registered = 0;
    struct cp_signal_state *s = cp_state();
    s->fd = fd;
    s->termios = *saved;
    s->length = 0;
    cp_append_capability("sgr0");
    cp_append_capability("cnorm");
    cp_append_capability("rmcup");
    /* Mouse reporting off (X10, button-event, SGR), in case it was on: harmless when it was not. */
    {
        static const char off[] = "\033[?1000l\033[?1002l\033[?1006l";
        if (s->length + sizeof off - 1 < sizeof s->sequence) {
            memcpy(s->sequence + s->length, off, sizeof off - 1);
            s->length += sizeof off - 1;
        }
    }
    s->armed = 1;
    if (!registered) { registered = 1; atexit(cp_atexit_restore); }
}
static inline void cp_disarm_emergency_restore(void) { cp_state()->armed = 0; }
