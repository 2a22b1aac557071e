/* wuye: the table of named actions and their keys (see tui.h). */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "wuye/i18n.h"

const struct tui_action_info tui_actions[ACT_COUNT] = {
	[ACT_NONE] = { .id = ACT_NONE, .name = "none" },
#define TUI_ACTION_ROW(aid, aname, alabel, ahelp, ...) \
	[aid] = { .id = aid, .name = aname, .label = alabel, .help = ahelp, \
	    .keys = { __VA_ARGS__ } },
	TUI_ACTIONS(TUI_ACTION_ROW)
#undef TUI_ACTION_ROW
};

enum tui_action
tui_action_of_key(int key)
{
	int a;

	if (key == 0)
		return ACT_NONE;
	for (a = 1; a < ACT_COUNT; a++)
		if (tui_actions[a].keys[0] == key || tui_actions[a].keys[1] == key ||
		    tui_actions[a].keys[2] == key)
			return (enum tui_action)a;
	return ACT_NONE;
}

const char *
tui_key_name(int key)
{
	static const struct { int key; const char *name; } names[] = {
		{ TUI_KEY_ESC, "Esc" }, { '\r', "Enter" }, { '\n', "Enter" },
		{ KEY_ENTER, "Enter" },
		{ '\t', "Tab" }, { KEY_BTAB, "Shift-Tab" }, { KEY_UP, "Up" },
		{ KEY_DOWN, "Down" }, { KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" },
		{ KEY_PPAGE, "PgUp" }, { KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" },
		{ KEY_END, "End" }, { KEY_BACKSPACE, "Backspace" },
		{ 127, "Backspace" }, { KEY_DC, "Delete" }, { '?', "?" },
	};
	static char buf[16];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return names[i].name;
	if (key >= KEY_F(1) && key <= KEY_F(12))
		snprintf(buf, sizeof buf, "F%d", key - KEY_F0);
	else if (key > 0 && key < 32)
		snprintf(buf, sizeof buf, "^%c", key + '@');
	else
		snprintf(buf, sizeof buf, "#%d", key);
	return buf;
}

char *
tui_action_keys(enum tui_action a, char *buf, size_t size)
{
	const struct tui_action_info *ai = &tui_actions[a];
	char prev[16] = "";
	const char *name;
	size_t len;
	int k;

	buf[0] = '\0';
	for (k = 0; k < 3 && ai->keys[k] != 0; k++) {
		/* tui_key_name's buffer is static: compare with a copy. */
		name = tui_key_name(ai->keys[k]);
		if (k > 0 && strcmp(name, prev) == 0)
			continue;	/* two codes of one key (Enter, Backspace) */
		snprintf(prev, sizeof prev, "%s", name);
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
	}
	if (ai->keys[0] >= KEY_F(1) && ai->keys[0] <= KEY_F(10)) {
		len = strlen(buf);
		snprintf(buf + len, size - len, ", Esc %d", (ai->keys[0] - KEY_F0) % 10);
	}
	return buf;
}

static const struct tui_note *
note_of(const struct screen_ops *ops, enum tui_action a)
{
	const struct tui_note *n;

	for (n = ops != NULL ? ops->notes : NULL; n != NULL && n->action != ACT_NONE; n++)
		if (n->action == a)
			return n;
	return NULL;
}

const char *
tui_action_label(const struct screen_ops *ops, enum tui_action a)
{
	const struct tui_note *n = note_of(ops, a);

	if (n != NULL && n->label != NULL)
		return _(n->label);
	return tui_actions[a].label != NULL ? _(tui_actions[a].label) : "";
}

const char *
tui_action_help(const struct screen_ops *ops, enum tui_action a)
{
	const struct tui_note *n = note_of(ops, a);

	return _(n != NULL && n->help != NULL ? n->help : tui_actions[a].help);
}
