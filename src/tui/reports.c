/* STUB: the report screens (a helper replaces this file). */
#include "wuye/tui.h"

int
tui_open_reports(struct app *app)
{
	tui_message(app, 1, "not built yet");
	return TUI_DONE;
}
