/* wuye: the printer calibration dialog of the cashier screen (套打
 * offsets of this terminal), in src/tui/calibrate.c. */
#ifndef WUYE_TUI_CALIBRATE_H
#define WUYE_TUI_CALIBRATE_H

struct app;

/* Open the dialog over the top screen. */
int tui_open_calibrate(struct app *app);

#endif
