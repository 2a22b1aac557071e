/* wuye: the menu bar and its pull-down menus.  The modules of the product
 * are listed as they come to exist; an entry shows only when the user's
 * role may use it.  Most entries open the browse grid of a form. */
#include "wuye/tui.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "wuye/auth.h"
#include "wuye/i18n.h"
#include "wuye/utf8.h"

struct menu_item {
	const char *label;	/* N_() */
	char key;		/* accelerator letter */
	const char *perm;	/* needed to see it */
	const char *form;	/* opens the list of this form, or */
	int (*open)(struct app *app);	/* this, or */
	const char *reports;	/* the reports of this group ("": all) */
};

struct menu {
	const char *label;	/* N_() */
	char key;
	const struct menu_item *items;
};

static int
open_logout(struct app *app)
{
	return tui_logout_ask(app);
}

static int
open_password(struct app *app)
{
	tui_open_password(app, 0);
	return TUI_DONE;
}

static int
open_quit(struct app *app)
{
	return tui_quit(app);
}

static const struct menu_item property_items[] = {
	{ N_("Estates"), 'E', "property.read", "estates", NULL, NULL },
	{ N_("Buildings"), 'B', "property.read", "buildings", NULL, NULL },
	{ N_("Rooms"), 'R', "property.read", "rooms", NULL, NULL },
	{ N_("Handover checklist"), 'K', "property.read", "handover_items", NULL, NULL },
	{ N_("Handover findings"), 'F', "property.read", "handover_findings", NULL, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};

static const struct menu_item client_items[] = {
	{ N_("Clients"), 'N', "client.read", "clients", NULL, NULL },
	{ N_("Room occupants (move in, move out)"), 'O', "client.read", "occupancy", NULL, NULL },
	{ N_("Family members"), 'F', "client.read", "family", NULL, NULL },
	{ N_("Leases"), 'L', "client.read", "leases", NULL, NULL },
	{ N_("Parking spaces"), 'A', "client.read", "parking", NULL, NULL },
	{ N_("Vehicles"), 'V', "client.read", "vehicles", NULL, NULL },
	{ N_("Quick find"), 'Q', "property.read", NULL, tui_open_quickfind, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};

static int
open_cashier(struct app *app)
{
	tui_open_cashier(app, 0);
	return TUI_DONE;
}

static int
open_readings(struct app *app)
{
	tui_open_readings(app);
	return TUI_DONE;
}

static int
open_billrun(struct app *app)
{
	tui_open_billrun(app);
	return TUI_DONE;
}

static int
open_period_close(struct app *app)
{
	tui_open_period_close(app);
	return TUI_DONE;
}

static int
open_roommap(struct app *app)
{
	tui_open_roommap(app, 0);
	return TUI_DONE;
}

static int
open_notices(struct app *app)
{
	tui_open_notices(app);
	return TUI_DONE;
}

static int
open_assign(struct app *app)
{
	tui_open_assign(app);
	return TUI_DONE;
}

static int
open_refund(struct app *app)
{
	tui_open_refund(app);
	return TUI_DONE;
}

static int
open_bank(struct app *app)
{
	tui_open_bank(app);
	return TUI_DONE;
}

static const struct menu_item charge_items[] = {
	{ N_("Cashier"), 'K', "charge.pay", NULL, open_cashier, NULL },
	{ N_("Building map"), 'P', "charge.read", NULL, open_roommap, NULL },
	{ N_("Fee items"), 'F', "charge.read", "fee_items", NULL, NULL },
	{ N_("Fee tiers"), 'T', "charge.read", "fee_tiers", NULL, NULL },
	{ N_("Fee standards"), 'D', "charge.read", "fee_standards", NULL, NULL },
	{ N_("Fee standards for a building or an estate"), 'A', "charge.setup", NULL, open_assign, NULL },
	{ N_("Meters"), 'M', "meter.read", "meters", NULL, NULL },
	{ N_("Meter readings"), 'R', "meter.read", "readings", NULL, NULL },
	{ N_("Reading entry"), 'E', "meter.read", NULL, open_readings, NULL },
	{ N_("Bill run"), 'B', "charge.bill", NULL, open_billrun, NULL },
	{ N_("Close a period"), 'L', "charge.close", NULL, open_period_close, NULL },
	{ N_("Charge and collection notices"), 'N', "charge.read", NULL, open_notices, NULL },
	{ N_("Collection actions"), 'O', "charge.read", "collection_actions", NULL, NULL },
	{ N_("Expenses"), 'X', "expense.read", "expenses", NULL, NULL },
	{ N_("Refund a prepayment"), 'U', "charge.pay", NULL, open_refund, NULL },
	{ N_("Refunds"), 'V', "charge.read", "refunds", NULL, NULL },
	{ N_("Waivers"), 'W', "charge.read", "waivers", NULL, NULL },
	{ N_("Deposits"), 'Y', "charge.read", "deposits", NULL, NULL },
	{ N_("Bank debit files"), 'I', "charge.pay", NULL, open_bank, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};

static const struct menu_item report_items[] = {
	{ N_("Charges reports"), 'F', "report.read", NULL, NULL, "charges" },
	{ N_("Property reports"), 'Y', "report.read", NULL, NULL, "property" },
	{ N_("Clients reports"), 'N', "report.read", NULL, NULL, "clients" },
	{ N_("Parking reports"), 'K', "report.read", NULL, NULL, "parking" },
	{ N_("Meter reports"), 'M', "report.read", NULL, NULL, "meters" },
	{ N_("Other reports"), 'T', "report.read", NULL, NULL, "other" },
	{ N_("All reports"), 'A', "report.read", NULL, NULL, "" },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};

static const struct menu_item system_items[] = {
	{ N_("Category lists"), 'T', "property.read", "categories", NULL, NULL },
	{ N_("Users"), 'U', "user.admin", "users", NULL, NULL },
	{ N_("Roles"), 'R', "user.admin", "roles", NULL, NULL },
	{ N_("Permissions"), 'M', "user.admin", "role_perms", NULL, NULL },
	{ N_("Change password"), 'W', NULL, NULL, open_password, NULL },
	{ N_("Log out"), 'L', NULL, NULL, open_logout, NULL },
	{ N_("Quit"), 'Q', NULL, NULL, open_quit, NULL },
	{ NULL, 0, NULL, NULL, NULL, NULL },
};

static const struct menu menus[] = {
	{ N_("Property"), 'P', property_items },
	{ N_("Clients"), 'C', client_items },
	{ N_("Charges"), 'H', charge_items },
	{ N_("Reports"), 'R', report_items },
	{ N_("System"), 'S', system_items },
};

#define NMENUS (sizeof menus / sizeof menus[0])

static struct {
	int open;		/* the bar has the keys */
	int down;		/* the pull-down of `cur` is shown */
	int fresh;		/* just opened: a letter picks a module first */
	size_t cur;		/* module */
	size_t item;		/* entry in the pull-down (visible ones) */
} m;

int
tui_menu_is_open(struct app *app)
{
	(void)app;
	return m.open;
}

/* F10 opens the pull-down of the module last used.  A module's letter
 * opens that module's pull-down; an entry's letter picks it (entry letters
 * are chosen not to clash with the modules' P, C, H, S). */
void
tui_menu_open(struct app *app)
{
	(void)app;
	m.open = 1;
	m.down = 1;
	m.fresh = 1;
	m.item = 0;
}

static int
visible(struct app *app, const struct menu_item *it)
{
	return it->perm == NULL || auth_can(tui_session(app), it->perm);
}

/* The n-th visible entry of module mod, or NULL. */
static const struct menu_item *
nth(struct app *app, size_t mod, size_t n)
{
	const struct menu_item *it;

	for (it = menus[mod].items; it->label != NULL; it++)
		if (visible(app, it) && n-- == 0)
			return it;
	return NULL;
}

static size_t
count(struct app *app, size_t mod)
{
	size_t n = 0;

	while (nth(app, mod, n) != NULL)
		n++;
	return n;
}

static char *
with_key(const char *label, char key, char *buf, size_t size)
{
	snprintf(buf, size, "%s(%c)", _(label), key);
	return buf;
}

void
tui_menu_draw(struct app *app)
{
	const struct menu_item *it;
	char buf[128];
	int x = 1, w, iw = 0, y, px = 0;
	size_t i, n;

	tui_fill(0, 0, COLS, tui_attr(ROLE_MENU));
	if (tui_session(app)->user[0] == '\0') {
		tui_put(0, 1, COLS - 2, 0, tui_attr(ROLE_MENU), _("wuye property management"));
		return;
	}
	for (i = 0; i < NMENUS; i++) {
		w = utf8_width(with_key(menus[i].label, menus[i].key, buf, sizeof buf)) + 2;
		tui_put(0, x, w, 0, tui_attr(m.open && i == m.cur ? ROLE_MENU_SEL :
		    ROLE_MENU), "");
		tui_put(0, x + 1, w - 2, 0, tui_attr(m.open && i == m.cur ?
		    ROLE_MENU_SEL : ROLE_MENU), buf);
		if (i == m.cur)
			px = x;
		x += w;
	}
	if (!m.open || !m.down)
		return;
	n = count(app, m.cur);
	for (y = 0; (size_t)y < n; y++) {
		it = nth(app, m.cur, (size_t)y);
		if (utf8_width(with_key(it->label, it->key, buf, sizeof buf)) > iw)
			iw = utf8_width(buf);
	}
	iw += 4;
	if (px + iw > COLS)
		px = COLS - iw > 0 ? COLS - iw : 0;
	tui_box(1, px, (int)n + 2, iw, NULL);
	for (y = 0; (size_t)y < n; y++) {
		it = nth(app, m.cur, (size_t)y);
		tui_put(2 + y, px + 1, iw - 2, 0, tui_attr((size_t)y == m.item ?
		    ROLE_SELECTED : ROLE_NORMAL), "");
		tui_put(2 + y, px + 2, iw - 4, 0, tui_attr((size_t)y == m.item ?
		    ROLE_SELECTED : ROLE_NORMAL),
		    with_key(it->label, it->key, buf, sizeof buf));
	}
}

static int
choose(struct app *app, const struct menu_item *it)
{
	m.open = 0;
	if (it->open != NULL)
		return it->open(app);
	if (it->reports != NULL) {
		tui_open_reports(app, *it->reports != '\0' ? it->reports : NULL);
		return TUI_DONE;
	}
	tui_open_list(app, it->form);
	return TUI_DONE;
}

/* The entry of the open pull-down whose letter is ch, or NULL. */
static const struct menu_item *
item_of(struct app *app, wchar_t ch)
{
	const struct menu_item *it;
	size_t i;

	for (i = 0; (it = nth(app, m.cur, i)) != NULL; i++)
		if ((wchar_t)it->key == ch)
			return it;
	return NULL;
}

int
tui_menu_key(struct app *app, enum tui_action a, wchar_t ch)
{
	const struct menu_item *it;
	size_t i, n = count(app, m.cur);
	int fresh = m.fresh;

	m.fresh = 0;
	switch (a) {
	case ACT_LEFT:	/* the pull-down, if open, follows */
		m.cur = (m.cur + NMENUS - 1) % NMENUS;
		m.item = 0;
		return TUI_DONE;
	case ACT_RIGHT:
		m.cur = (m.cur + 1) % NMENUS;
		m.item = 0;
		return TUI_DONE;
	case ACT_DOWN:
		if (!m.down)
			m.down = 1;
		else if (n > 0)
			m.item = (m.item + 1) % n;
		return TUI_DONE;
	case ACT_UP:
		if (n > 0)
			m.item = (m.item + n - 1) % n;
		return TUI_DONE;
	case ACT_ENTER:
		if (!m.down)
			m.down = 1;
		else if ((it = nth(app, m.cur, m.item)) != NULL)
			return choose(app, it);
		return TUI_DONE;
	case ACT_BACK:	/* closes the pull-down, then the bar */
		if (m.down)
			m.down = 0;
		else
			m.open = 0;
		return TUI_DONE;
	case ACT_MENU:
		m.open = 0;
		return TUI_DONE;
	case ACT_QUIT:
		m.open = 0;
		return tui_quit(app);
	default:
		break;
	}
	if (ch == 0)
		return TUI_DONE;
	ch = (wchar_t)towupper((wint_t)ch);
	/* The first letter after F10 picks a module (F10 R: Reports); after
	 * that the open pull-down's letters come first (F10 P R: Rooms, not
	 * Reports), then the modules'. */
	if (!fresh && m.down && (it = item_of(app, ch)) != NULL)
		return choose(app, it);
	for (i = 0; i < NMENUS; i++)
		if ((wchar_t)menus[i].key == ch) {
			m.cur = i;
			m.down = 1;
			m.item = 0;
			return TUI_DONE;
		}
	if (m.down && (it = item_of(app, ch)) != NULL)
		return choose(app, it);
	return TUI_DONE;
}
