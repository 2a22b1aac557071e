/* wuye: translation macros.  English source strings, po/zh_CN.po. */
#ifndef WUYE_I18N_H
#define WUYE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
