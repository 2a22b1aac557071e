/* wuye: the full-screen program (ncursesw).
 *
 * The program is a stack of screens.  Only the top screen gets keys; a
 * redraw paints from the lowest full screen up, so a dialog shows over the
 * screen it belongs to.  Keys are turned into named actions through one
 * table (TUI_ACTIONS); the function-key bar, the F1 help and `wuye keys`
 * (from which the man page's key list is checked) all come from it.  A
 * screen handles an action and returns reaction flags, which the main loop
 * applies in one place.
 *
 * Layout: row 0 the menu bar, rows 1 to LINES-3 the screens, row LINES-2
 * the status line (or a message), row LINES-1 the function-key bar.
 *
 * No transaction is ever open while the program waits for a key, so a lost
 * connection (SIGHUP), which is noticed between keys, cannot leave a record
 * half-written.  On SIGHUP or SIGTERM (or a terminal that has gone) every
 * screen with unsaved work keeps it as a draft (screen_ops.keep), offered
 * at the user's next log-in, and the program ends.
 */
#ifndef WUYE_TUI_H
#define WUYE_TUI_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "wuye/error.h"
#include "wuye/session.h"

struct conf;
struct db;

/* Named actions: id, name (config and `wuye keys`), key-bar label, help,
 * and up to three keys.  F-keys also work as Esc followed by a digit
 * (Esc 0 is F10). */
#define TUI_KEY_ESC 27
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ACTIONS(X)							\
	X(ACT_HELP, "help", N_("Help"), N_("help for this screen"), KEY_F(1), '?') \
	X(ACT_NEW, "new", N_("New"), N_("add a record"), KEY_F(2), 0)		\
	X(ACT_FIND, "find", N_("Find"), N_("search, or pick from a list in a lookup field"), KEY_F(3), 0) \
	X(ACT_EDIT, "edit", N_("Edit"), N_("change the selected record"), KEY_F(4), 0) \
	X(ACT_REFRESH, "refresh", N_("Reload"), N_("read the data again"), KEY_F(5), TUI_CTRL('r')) \
	X(ACT_QUICKFIND, "quickfind", N_("Quick"), N_("quick find: room, client, phone or plate, from anywhere"), KEY_F(6), TUI_CTRL('f')) \
	X(ACT_SORT, "sort", N_("Sort"), N_("sort by the next column"), KEY_F(7), 0) \
	X(ACT_DELETE, "delete", N_("Delete"), N_("delete the selected record (asks first)"), KEY_F(8), 0) \
	X(ACT_EXPORT, "export", N_("Export"), N_("export or print the list as it is filtered"), KEY_F(9), 0) \
	X(ACT_MENU, "menu", N_("Menu"), N_("open the menu bar"), KEY_F(10), 0) \
	X(ACT_ACTIONS, "actions", N_("Actions"), N_("actions on the selected record, such as approve or pay"), KEY_F(12), TUI_CTRL('o')) \
	X(ACT_SAVE, "save", N_("Save"), N_("save the form"), TUI_CTRL('s'), 0) \
	X(ACT_BACK, "back", N_("Back"), N_("go back; asks first if there are unsaved changes"), TUI_KEY_ESC, TUI_CTRL('c')) \
	X(ACT_QUIT, "quit", N_("Quit"), N_("leave wuye; asks first if there are unsaved changes"), TUI_CTRL('q'), 0) \
	X(ACT_UP, "up", NULL, N_("previous row or field"), KEY_UP, 0)		\
	X(ACT_DOWN, "down", NULL, N_("next row or field"), KEY_DOWN, 0)	\
	X(ACT_LEFT, "left", NULL, N_("cursor left, or previous menu"), KEY_LEFT, 0) \
	X(ACT_RIGHT, "right", NULL, N_("cursor right, or next menu"), KEY_RIGHT, 0) \
	X(ACT_PGUP, "page-up", N_("Page up"), N_("previous page"), KEY_PPAGE, 0)	\
	X(ACT_PGDN, "page-down", N_("Page down"), N_("next page"), KEY_NPAGE, 0)		\
	X(ACT_HOME, "home", NULL, N_("first row, or start of the field"), KEY_HOME, TUI_CTRL('a')) \
	X(ACT_END, "end", NULL, N_("last row, or end of the field"), KEY_END, TUI_CTRL('e')) \
	X(ACT_ENTER, "enter", N_("OK"), N_("open the selected record, or next field"), '\r', '\n', KEY_ENTER) \
	X(ACT_TAB, "next-field", N_("Next field"), N_("next field"), '\t', 0)		\
	X(ACT_BTAB, "previous-field", N_("Previous field"), N_("previous field"), KEY_BTAB, 0) \
	X(ACT_BACKSPACE, "backspace", NULL, N_("delete the character before the cursor"), KEY_BACKSPACE, 127) \
	X(ACT_DELCHAR, "delete-char", NULL, N_("delete the character under the cursor"), KEY_DC, TUI_CTRL('d')) \
	X(ACT_KILL, "clear-field", NULL, N_("clear the field or the search"), TUI_CTRL('u'), 0) \
	X(ACT_REDRAW, "redraw", NULL, N_("redraw the screen"), TUI_CTRL('l'), 0)

enum tui_action {
	ACT_NONE = 0,
#define TUI_ACTION_ENUM(id, name, label, help, ...) id,
	TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
	ACT_COUNT
};

struct tui_action_info {
	enum tui_action id;
	const char *name;
	const char *label;	/* key-bar label (N_), NULL: never on a bar */
	const char *help;	/* one line (N_) */
	int keys[3];		/* curses key codes, 0 for none */
};

/* The action table, indexed by enum tui_action (entry 0 is ACT_NONE). */
extern const struct tui_action_info tui_actions[ACT_COUNT];

/* The action a key means, or ACT_NONE. */
enum tui_action tui_action_of_key(int key);

/* A key's name for help and the key bar ("F1", "Esc", "^R", "Up"). */
const char *tui_key_name(int key);

struct screen_ops;

/* The key-bar label and the help line of an action on a screen (its
 * notes first, then the table), translated. */
const char *tui_action_label(const struct screen_ops *ops, enum tui_action a);
const char *tui_action_help(const struct screen_ops *ops, enum tui_action a);

/* All the keys of an action for help: "F1, ?, Esc 1".  Returns buf. */
char *tui_action_keys(enum tui_action a, char *buf, size_t size);

/* Reaction flags returned by handlers. */
enum tui_reaction {
	TUI_DONE = 0,		/* handled */
	TUI_REDRAW = 1 << 0,	/* repaint everything */
	TUI_POP = 1 << 1,	/* close this screen */
	TUI_QUIT = 1 << 2,	/* leave the program */
	TUI_RELOAD = 1 << 3,	/* (with POP) the screen below reloads its data */
	TUI_PASS = 1 << 4,	/* not mine: the generic handlers get it */
};

/* Semantic colour roles; each has a colour pair and a monochrome look. */
#define TUI_ROLES(X)							\
	X(ROLE_NORMAL, -1, -1, A_NORMAL, A_NORMAL)			\
	X(ROLE_TITLE, COLOR_CYAN, -1, A_BOLD, A_BOLD)			\
	X(ROLE_MENU, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)	\
	X(ROLE_MENU_SEL, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD)	\
	X(ROLE_HEADER, COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE)		\
	X(ROLE_SELECTED, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)	\
	X(ROLE_KEY, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD)		\
	X(ROLE_KEYLABEL, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)	\
	X(ROLE_STATUS, COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE)	\
	X(ROLE_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE) \
	X(ROLE_INFO, COLOR_GREEN, -1, A_BOLD, A_BOLD)			\
	X(ROLE_NEGATIVE, COLOR_RED, -1, A_NORMAL, A_BOLD)		\
	X(ROLE_FIELD, COLOR_WHITE, COLOR_BLACK, A_UNDERLINE, A_UNDERLINE) \
	X(ROLE_FOCUS, COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE)	\
	X(ROLE_REQUIRED, COLOR_RED, -1, A_BOLD, A_BOLD)			\
	X(ROLE_BORDER, COLOR_BLUE, -1, A_NORMAL, A_NORMAL)		\
	X(ROLE_DIM, COLOR_WHITE, -1, A_DIM, A_DIM)

enum tui_role {
#define TUI_ROLE_ENUM(id, fg, bg, colour_attr, mono_attr) id,
	TUI_ROLES(TUI_ROLE_ENUM)
#undef TUI_ROLE_ENUM
	ROLE_COUNT
};

struct app;
struct screen;

/* What an action means on one screen, when it is more than the table's
 * words (F8 on the room page is a move-out, not a delete). */
struct tui_note {
	enum tui_action action;
	const char *label;	/* key-bar label (N_), or NULL: the table's */
	const char *help;	/* help line (N_) */
};

/* What a screen is: one const instance per kind of screen. */
struct screen_ops {
	const char *name;	/* English, for the help title (N_) */
	const char *help;	/* F1 text (N_), paragraphs separated by \n */
	/* After the screen is pushed; a failure pops it with the message. */
	int (*enter)(struct screen *sc, struct wy_err *e);
	/* Before it is popped: free sc->data. */
	void (*leave)(struct screen *sc);
	/* Paint the screen (rows tui_top() to tui_bottom()). */
	void (*draw)(struct screen *sc);
	/* A named action; TUI_PASS if it is not this screen's. */
	int (*action)(struct screen *sc, enum tui_action a);
	/* A character typed (printable, already checked); may be NULL. */
	int (*text)(struct screen *sc, wchar_t ch);
	/* Where the terminal cursor goes (y, x), or -1: hidden. */
	void (*cursor)(struct screen *sc, int *y, int *x);
	/* Actions shown on the function-key bar, ended by ACT_NONE. */
	const enum tui_action *bar;
	/* This screen's own words for some actions, ended by ACT_NONE. */
	const struct tui_note *notes;
	int dialog;		/* drawn over the screen below */
	/* 1 if the screen holds work not saved (Ctrl-Q asks first); may be
	 * NULL. */
	int (*unsaved)(struct screen *sc);
	/* Keep the work not saved as a draft for the next log-in (on a
	 * hang-up: SIGHUP or SIGTERM); may be NULL. */
	int (*keep)(struct screen *sc, struct wy_err *e);
	/* 0 if an action of the bar is not offered to this user now (the
	 * bar leaves it out: F8 void for a cashier who may not void); may
	 * be NULL: all are. */
	int (*offered)(struct screen *sc, enum tui_action a);
};

struct screen {
	const struct screen_ops *ops;
	struct app *app;
	void *data;		/* the screen's own state, freed by leave() */
	const char *title;	/* shown in the help (borrowed) */
	struct screen *below;
};

/* Run the program on an open database: log-in screen, then the menus.
 * Returns when the user quits or the terminal goes away. */
int tui_main(struct db *db, const struct conf *conf, struct wy_err *e);

/* The session of the logged-in user, the database and the configuration. */
struct session *tui_session(struct app *app);
struct db *tui_db(struct app *app);
const struct conf *tui_conf(struct app *app);

/* Push a screen made of ops and data (owned by the screen from now on);
 * calls enter().  On failure the screen is dropped and the message shown. */
int tui_push(struct app *app, const struct screen_ops *ops, void *data);

/* Close the top screen and push another in its place (log-in -> home). */
int tui_replace(struct app *app, const struct screen_ops *ops, void *data);

/* Close every screen and show the log-in screen (log out). */
void tui_logout(struct app *app);

/* 1 if a screen on the stack holds work not saved (screen_ops.unsaved). */
int tui_unsaved(struct app *app);

/* Leave wuye (Ctrl-Q from any screen, the menu's Quit), or log out (the
 * menu's Log out): at once when nothing is unsaved, else after asking
 * whether to lose the changes.  Return the reactions (TUI_QUIT or
 * TUI_DONE, or TUI_REDRAW for the question). */
int tui_quit(struct app *app);
int tui_logout_ask(struct app *app);

/* Esc on a screen: close it (TUI_POP), after "Leave without saving your
 * changes?" when it holds work not saved (screen_ops.unsaved). */
int tui_back(struct screen *sc);

/* Show a message on the status line until the next key. */
void tui_message(struct app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Ask a yes/no question in a dialog over the top screen.  On yes, yes(owner)
 * is called and its reactions are applied to owner (e.g. TUI_POP to close
 * a form after "discard changes?").  Returns TUI_REDRAW. */
int tui_confirm(struct app *app, const char *question,
    int (*yes)(struct screen *owner), struct screen *owner);

/* Ask for a line of text in a dialog.  Enter calls done(owner, text) and
 * applies its reactions to owner; Esc cancels.  Returns TUI_REDRAW. */
int tui_prompt(struct app *app, const char *title, const char *label,
    const char *initial, int (*done)(struct screen *owner, const char *text),
    struct screen *owner);

/* Show a message in a dialog that any key closes.  Returns TUI_REDRAW. */
int tui_alert(struct app *app, const char *title, const char *text);

/* Ask for a few lines of text in one dialog (ask.c): a label and an
 * editor a row, Tab, Up and Down move, Enter goes to the next field and
 * on the last one (or Ctrl-S anywhere) answers.  check(owner, texts, msg,
 * size) (may be NULL) returns -1 if the answers are fine, else the index
 * of the field at fault with msg saying why (naming the field): the
 * dialog stays, with the message and the cursor in that field.  Then the
 * dialog closes and done(owner, texts) is called; its reactions are
 * owner's.  Esc cancels.  Returns TUI_REDRAW. */
struct tui_ask_field {
	const char *label;	/* translated */
	const char *initial;	/* NULL: empty */
	int maxchars;		/* 0: no limit */
};
int tui_ask_fields(struct app *app, const char *title,
    const struct tui_ask_field *fields, size_t n,
    int (*check)(struct screen *owner, const char *const *texts, char *msg,
    size_t size),
    int (*done)(struct screen *owner, const char *const *texts),
    struct screen *owner);

/* The screen that was on top before sc (NULL for the bottom one). */
struct screen *tui_below(struct screen *sc);

/* First and last rows of the screen area, and its width. */
int tui_top(void);
int tui_bottom(void);
int tui_width(void);

/* The attribute of a colour role (colour or monochrome). */
int tui_attr(enum tui_role role);

/* Write s at (y, x) fitted to exactly width columns (padded, or cut with
 * "…"), right-aligned if right, in the attribute attr. */
void tui_put(int y, int x, int width, int right, int attr, const char *s);

/* Fill a row segment with spaces in attr. */
void tui_fill(int y, int x, int width, int attr);

/* Split text into lines of at most width columns by utf8_wrap() (Chinese
 * line breaking).  Returns the number of lines; *lines is malloc'd, each
 * line too: free with tui_wrap_free(). */
size_t tui_wrap(const char *text, int width, char ***lines);
void tui_wrap_free(char **lines, size_t n);

/* Write text wrapped to width columns (tui_wrap) on rows y to y+rows-1
 * from column x, each row fitted by tui_put; what does not fit in rows is
 * cut with "…" on the last one.  rows 0 draws nothing.  Returns the number
 * of rows the whole text needs. */
int tui_put_wrapped(int y, int x, int width, int rows, int attr,
    const char *text);

/* Draw a box with a title (a dialog frame), its inside cleared. */
void tui_box(int y, int x, int h, int w, const char *title);

/* A one-line text editor for fields and searches: UTF-8, the cursor and
 * deletions step over whole characters, and the view scrolls sideways by
 * display columns, so Chinese text edits like any other. */
struct tui_edit {
	char *buf;		/* the text, NUL-terminated, owned */
	size_t len, cap;	/* bytes used and allocated */
	size_t cur;		/* byte offset of the cursor */
	int scroll;		/* display column shown first */
	int maxchars;		/* most characters, 0: no limit */
	int secret;		/* show '*' for each character */
};

void tui_edit_init(struct tui_edit *ed, const char *text, int maxchars);
void tui_edit_free(struct tui_edit *ed);
/* Replace the text and put the cursor at its end. */
void tui_edit_set(struct tui_edit *ed, const char *text);
/* Apply a cursor or deletion action; 1 if it was one, 0 if not. */
int tui_edit_action(struct tui_edit *ed, enum tui_action a);
/* Insert a typed character at the cursor; 0 if refused (too long). */
int tui_edit_insert(struct tui_edit *ed, wchar_t ch);
/* Draw the editor at (y, x) in width columns; returns the screen column
 * of the cursor. */
int tui_edit_draw(struct tui_edit *ed, int y, int x, int width, int attr);

/* Screens other files open (each in its own file of src/tui/). */
int tui_open_list(struct app *app, const char *form);	/* grid.c */
/* grid.c: the list opened on the rows that search finds (quick find's
 * "more"), shown in its search box. */
int tui_open_list_search(struct app *app, const char *form,
    const char *search);
int tui_open_form(struct app *app, const char *form, int64_t id,
    const char *const *preset);				/* form.c: id 0 = new */
struct draft;
/* form.c: the form of a draft (draft.h), as it was when it was kept. */
int tui_open_draft(struct app *app, const struct draft *d);
/* drafts.c: after a log-in, offer the user's drafts one by one (open or
 * discard); nothing when there are none. */
void tui_offer_drafts(struct app *app);
int tui_pick(struct app *app, const char *form,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner);				/* grid.c: a picker */
/* The picker opened on the rows that search (the text typed in the field,
 * NULL or "": all) finds, shown in its search box. */
int tui_pick_search(struct app *app, const char *form, const char *search,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner);				/* grid.c */
struct field;
/* form.c: the choices of f that start with search (the text typed in the
 * field; all when none does, the cursor on the one it names). */
int tui_pick_choice(struct app *app, struct session *s, const struct field *f,
    const char *search,
    void (*done)(struct screen *owner, int64_t id, const char *key),
    struct screen *owner);
/* page.c: the record page of a form that has one (rooms, clients), else
 * its form. */
int tui_open_page(struct app *app, const char *form, int64_t id);
int tui_has_page(const char *form);
int tui_open_quickfind(struct app *app);		/* quickfind.c */
int tui_open_help(struct app *app, struct screen *about);	/* help.c */
int tui_open_login(struct app *app);			/* login.c */
int tui_open_password(struct app *app, int adding);	/* password.c */
int tui_open_home(struct app *app);			/* home.c */
/* The cashier (收银) on room room_id (0: the cashier types or picks one). */
int tui_open_cashier(struct app *app, int64_t room_id);	/* cashier.c */
int tui_open_receipt(struct app *app, const char *number);	/* receiptview.c */
int tui_open_readings(struct app *app);		/* readings.c: 抄表录入 */
int tui_open_billrun(struct app *app);			/* billrun.c */
int tui_open_period_close(struct app *app);		/* billrun.c */
int tui_open_roommap(struct app *app, int64_t building_id);	/* roommap.c: 楼盘图 */
int tui_open_reports(struct app *app, const char *group);	/* reports.c: 报表, one group (NULL: all) */
int tui_open_notices(struct app *app);			/* notices.c: 通知单 */
int tui_open_assign(struct app *app);			/* assign.c: 批量收费标准 */
/* refund.c: 退款 of a prepayment; refused in words, before it opens, to a
 * user who may not make refunds. */
int tui_open_refund(struct app *app);
/* deposit.c: the methods a refund may be paid by (the category list of
 * the refunds form's method, without prepayment); free with
 * tui_methods_free. */
struct tui_methods {
	char **codes, **names;	/* owned */
	size_t n;
};
int tui_methods_load(struct app *app, struct tui_methods *m, struct wy_err *e);
void tui_methods_free(struct tui_methods *m);
/* deposit.c: 退还押金, the dialog of the action deposit.refund on deposit
 * id; it takes the place of the top screen (the list of actions).
 * Refused in words to a user who may not refund.  Returns reactions. */
int tui_replace_deposit_refund(struct app *app, int64_t id);
/* bank.c: 银行划款, export the debit file and import the bank's result. */
int tui_open_bank(struct app *app);
/* rowact.c: the actions of form ent ([action.NAME]) on record id (what
 * names it in messages): a list to pick one, its question or "Are you
 * sure?", then the call; the screen below reloads.  ent is borrowed from
 * the screen below, which outlives the dialogs. */
struct entity;
int tui_open_actions(struct app *app, const struct entity *ent, int64_t id,
    const char *what);

/* For the tui's own files. */
void tui_colours_init(void);
int tui_menu_key(struct app *app, enum tui_action a, wchar_t ch);	/* menu.c */
void tui_menu_draw(struct app *app);
void tui_menu_open(struct app *app);
int tui_menu_is_open(struct app *app);
void tui_logged_in(struct app *app, const struct session *s);

#endif
