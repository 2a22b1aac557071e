# wuye: one plain Makefile (no autotools).  `make V=1` shows the commands.
#
#   make            build build/wuye (installs missing Debian packages first)
#   make run        build, create a demo database if there is none, start wuye
#   make check      every test: unit (plain and ASan+UBSan), CLI and terminal
#   make bench      the benchmarks in bench/
#   make install    PREFIX=/usr/local DESTDIR=
#   make clean

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
VERSION   = 0.1.0

CC      ?= cc
B       ?= build
PKGS     = sqlite3 ncursesw xlsxwriter libsodium zlib
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS += -Iinclude -I/usr/include/iniparser -D_GNU_SOURCE \
	-DWUYE_VERSION='"$(VERSION)"' -DWUYE_LOCALEDIR='"$(LOCALEDIR)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -liniparser -lcsv -lm
SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Debian 12 packages: build, test and run.
DEBS = build-essential pkg-config libsqlite3-dev sqlite3 libncurses-dev \
	libxlsxwriter-dev libiniparser-dev check libsodium-dev zlib1g-dev \
	libcsv-dev gettext tmux locales faketime python3 python3-openpyxl time \
	cups cups-client libicu-dev

ifeq ($(V),1)
Q =
else
Q = @
endif

LIB_SRC  = $(sort $(wildcard src/core/*.c src/domain/*.c src/report/*.c src/cli/*.c src/tui/*.c))
DATA     = $(sort $(wildcard schema/*.sql forms/*.ini reports/*.ini templates/*))
UNIT_SRC = $(sort $(wildcard tests/unit/*.c))
HDRS     = $(wildcard include/wuye/*.h)

OBJ      = $(LIB_SRC:%.c=$(B)/%.o) $(B)/embedded.o $(B)/pinyin_data.o
ASAN_OBJ = $(LIB_SRC:%.c=$(B)/asan/%.o) $(B)/asan/embedded.o $(B)/asan/pinyin_data.o
UNIT_OBJ = $(UNIT_SRC:%.c=$(B)/%.o)
ASAN_UNIT_OBJ = $(UNIT_SRC:%.c=$(B)/asan/%.o)
PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=$(B)/locale/%/LC_MESSAGES/wuye.mo)

.PHONY: all deps check unit e2e run bench install clean pot
all: $(B)/wuye $(MO)

deps: $(B)/.deps
$(B)/.deps:
	$(Q)mkdir -p $(B); \
	missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >$(B)/apt.log 2>&1 \
				|| { cat $(B)/apt.log; exit 1; }; \
		else \
			echo "wuye needs Debian packages; run:  sudo apt-get install $$missing"; exit 1; \
		fi; \
	fi; \
	touch $@

$(B)/tools/embed: tools/embed.c | $(B)/.deps
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -O1 -o $@ $<

$(B)/embedded.c: $(B)/tools/embed $(DATA)
	@echo "  EMBED  $@"
	$(Q)$(B)/tools/embed $@ $(DATA)

$(B)/%.o: %.c $(HDRS) | $(B)/.deps
	@echo "  CC     $<"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(B)/asan/%.o: %.c $(HDRS) | $(B)/.deps
	@echo "  CC     $< (asan)"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) -O1 -g $(SAN) -DTESTING $(CPPFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(B)/asan/embedded.o: $(B)/embedded.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -c -o $@ $<

# The pinyin table, generated from ICU's Han-Latin transliteration: only
# the generator links ICU, wuye compiles the table it writes.
$(B)/tools/gen-pinyin: tools/gen-pinyin.c include/wuye/pinyin_int.h | $(B)/.deps
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) -O1 $(CPPFLAGS) $$(pkg-config --cflags icu-uc icu-i18n) -o $@ $< \
		$$(pkg-config --libs icu-uc icu-i18n)

$(B)/pinyin_data.c: $(B)/tools/gen-pinyin tools/pinyin-surnames.txt
	@echo "  GEN    $@"
	$(Q)$(B)/tools/gen-pinyin $@.tmp tools/pinyin-surnames.txt && mv $@.tmp $@

$(B)/pinyin_data.o: $(B)/pinyin_data.c include/wuye/pinyin_int.h
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<

$(B)/asan/pinyin_data.o: $(B)/pinyin_data.c include/wuye/pinyin_int.h
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -c -o $@ $<

$(B)/libwuye.a: $(OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/asan/libwuye.a: $(ASAN_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

# main.c has LOCALEDIR compiled in: rebuild it when PREFIX changes.
$(B)/prefix.stamp: FORCE | $(B)/.deps
	$(Q)echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
$(B)/src/main.o $(B)/asan/src/main.o: $(B)/prefix.stamp
.PHONY: FORCE
FORCE:

$(B)/wuye: $(B)/src/main.o $(B)/libwuye.a
	@echo "  LD     $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(B)/asan/wuye: $(B)/asan/src/main.o $(B)/asan/libwuye.a
	@echo "  LD     $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LDLIBS)

# The unit runner: one main() calling every `Suite *NAME_suite(void)`.
$(B)/unit_main.c: $(UNIT_SRC)
	$(Q)mkdir -p $(@D)
	$(Q)sh tools/unit-main.sh $(UNIT_SRC) >$@

$(B)/unit: $(B)/unit_main.o $(UNIT_OBJ) $(B)/libwuye.a
	@echo "  LD     $@"
	$(Q)$(CC) -o $@ $^ $(LDLIBS) $$(pkg-config --libs check)

$(B)/asan/unit: $(B)/asan/unit_main.o $(ASAN_UNIT_OBJ) $(B)/asan/libwuye.a
	@echo "  LD     $@"
	$(Q)$(CC) $(SAN) -o $@ $^ $(LDLIBS) $$(pkg-config --libs check)

$(B)/unit_main.o: $(B)/unit_main.c
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -c -o $@ $<
$(B)/asan/unit_main.o: $(B)/unit_main.c
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WARN) -O1 -g $(SAN) $(CPPFLAGS) -c -o $@ $<

$(B)/locale/%/LC_MESSAGES/wuye.mo: po/%.po
	$(Q)mkdir -p $(@D)
	$(Q)msgfmt --check -o $@ $<

# Translation template from every _() and N_() in the sources.
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -c/ --package-name=wuye -o po/wuye.pot $(sort $(wildcard src/*.c src/*/*.c include/wuye/*.h))

unit: $(B)/unit $(B)/asan/unit
	@echo "== unit tests"
	$(Q)CK_FORK=yes $(B)/unit
	@echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
	$(Q)ASAN_OPTIONS=detect_leaks=1 CK_FORK=no $(B)/asan/unit

e2e: $(B)/wuye $(B)/asan/wuye $(MO) locales
	@echo "== end-to-end tests (CLI and terminal)"
	$(Q)WUYE=$(CURDIR)/$(B)/asan/wuye sh tests/e2e/run.sh

# The Chinese terminal test runs in zh_CN.UTF-8; a fresh Debian has only
# C.UTF-8.  As root this generates it; otherwise it says how.
.PHONY: locales
locales: | $(B)/.deps
	$(Q)if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\{0,1\}8'; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "  LOCALE zh_CN.UTF-8"; \
			localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || exit 1; \
		else \
			echo "the Chinese terminal test needs zh_CN.UTF-8; run:  sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8"; \
		fi; \
	fi

check: all unit e2e

RUNDB ?=
run: all
	$(Q)$(B)/wuye $(if $(RUNDB),--db $(RUNDB)) demo --if-missing
	$(Q)$(B)/wuye $(if $(RUNDB),--db $(RUNDB))

bench: $(B)/wuye
	$(Q)WUYE=$(abspath $(B)/wuye) sh bench/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(B)/wuye $(DESTDIR)$(BINDIR)/wuye
	install -m 644 man/wuye.1 $(DESTDIR)$(MANDIR)/man1/wuye.1
	install -m 644 man/wuye.conf.5 $(DESTDIR)$(MANDIR)/man5/wuye.conf.5
	for mo in $(MO); do lang=$${mo#$(B)/locale/}; lang=$${lang%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$lang/LC_MESSAGES/wuye.mo; done

clean:
	rm -rf $(B)
