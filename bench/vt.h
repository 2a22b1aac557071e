/* wuye benchmarks: a small terminal emulator for bench/ptybench.c.
 *
 * It keeps a screen of cells and carries out the part of xterm that
 * ncurses uses with TERM=xterm (see `infocmp xterm`): cursor moves,
 * erasing, inserting and deleting characters and lines, scroll regions,
 * auto-wrap, the line-drawing set, and UTF-8 with wide characters.  It
 * answers the cursor-position and device-attribute queries on fd.  Colours
 * and other attributes are ignored: the benchmarks look for text.
 */
#ifndef WUYE_BENCH_VT_H
#define WUYE_BENCH_VT_H

#include <stddef.h>
#include <stdint.h>

#define VT_WIDE_TAIL 0		/* the cell right of a wide character */

/* The emulated screen and the parser's state. */
struct vt {
	int rows, cols;
	uint32_t *cell;
	int y, x;		/* x == cols: a wrap is pending */
	int top, bot;		/* scroll region */
	int sy, sx;		/* saved cursor */
	int acs;		/* G0 is the line-drawing set */
	uint32_t last;		/* last printed character (for REP) */
	enum { VT_GROUND, VT_ESC, VT_CSI, VT_STR, VT_STR_ESC, VT_CHARSET } state;
	char seq[128];		/* CSI parameters and intermediates */
	size_t nseq;
	int charset_g0;		/* ESC ( rather than ESC ) etc. */
	uint32_t u;		/* UTF-8 being decoded */
	int need;
	int fd;			/* for answers to queries */
};

/* Clear the screen, home the cursor and reset the parser; rows, cols and
 * cell (rows * cols cells) must be set. */
void vt_reset(struct vt *t);

/* Feed n bytes of the program's output. */
void vt_feed(struct vt *t, const unsigned char *b, size_t n);

/* Row y as UTF-8 into buf (wide characters once, trailing blanks kept). */
void vt_row(struct vt *t, int y, char *buf, size_t size);

/* Whether each of the n markers is on some row of the screen. */
int vt_has(struct vt *t, char *const *markers, int n);

/* Print the screen to standard error, each row after "  |". */
void vt_dump(struct vt *t);

#endif
