/* Temporary: screens not written yet. */
#include "wuye/tui.h"
#include "wuye/demo.h"
#include "wuye/i18n.h"

int demo_is_demo(struct session *s) { (void)s; return 1; }
int tui_open_room(struct app *app, int64_t room_id) { (void)room_id; tui_message(app, 1, "room: not yet"); return 0; }
int tui_open_quickfind(struct app *app) { tui_message(app, 1, "quick find: not yet"); return 0; }
