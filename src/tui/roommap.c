/* STUB: the building map (a helper replaces this file). */
#include "wuye/tui.h"

int
tui_open_roommap(struct app *app, int64_t building_id)
{
	(void)building_id;
	tui_message(app, 1, "not built yet");
	return TUI_DONE;
}
