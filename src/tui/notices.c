/* STUB: the notice dialog (a helper replaces this file). */
#include "wuye/tui.h"

int
tui_open_notices(struct app *app)
{
	tui_message(app, 1, "not built yet");
	return TUI_DONE;
}
