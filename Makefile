# napkin: a terminal whiteboard for system-design interviews.
#
#   make run      install what is missing, build, open the whiteboard
#   make test     install what is missing, build, run every test
#   make asan     the whole test suite under AddressSanitizer + UBSan
#   make valgrind the unit and command-line tests under valgrind (memcheck)
#   make fuzz     each libFuzzer harness for FUZZ_SECONDS (default 60) seconds
#   make bench    benchmarks that print figures
#   make install  PREFIX=/usr/local DESTDIR= MANPREFIX=$(PREFIX)/share/man
#
# WERROR=1 turns warnings into errors (CI sets it).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/napkin
MANPREFIX ?= $(PREFIX)/share/man
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
WARNINGS  = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wmissing-prototypes \
            -Wstrict-prototypes
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

# BUILD holds objects; BIN is the program.  make asan re-runs make with
# BUILD=build/asan and SANITIZE set.
BUILD    ?= build
BIN      ?= napkin
SANITIZE ?=
SANITIZERS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
SAN_FLAGS = $(if $(SANITIZE),$(SANITIZERS))
# make fuzz builds with clang and FUZZ=1: libFuzzer's coverage counters on
# top of the sanitizers.  The macro is the one libFuzzer projects share for
# "skip what is slow or forks" (layout.c leaves Graphviz out).
FUZZ     ?=
ifeq ($(FUZZ),1)
SAN_FLAGS += -fsanitize=fuzzer-no-link -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
endif
FUZZ_SECONDS ?= 60

CORE_PKGS = libcjson libcgraph libgvc
TUI_PKGS  = ncursesw
TEST_PKGS = cmocka

# Recursive (=) so pkg-config runs only when a recipe needs it, after deps.
CORE_CFLAGS = $(shell pkg-config --cflags $(CORE_PKGS))
CORE_LIBS   = $(shell pkg-config --libs $(CORE_PKGS)) -lm
# Our own feature macros (below) cover what ncursesw's -D flags ask for.
TUI_CFLAGS  = $(filter-out -D%,$(shell pkg-config --cflags $(TUI_PKGS)))
TUI_LIBS    = $(shell pkg-config --libs $(TUI_PKGS))
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS))

CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 \
            -DNAPKIN_VERSION='"$(VERSION)"' -DNAPKIN_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SAN_FLAGS) -MMD -MP

# The file list is the architecture: tui_* draw with curses, cli_* parse the
# command line, everything else is the pure core in libnapkin.a.
TUI_SRC  = $(wildcard src/tui_*.c)
CLI_SRC  = $(wildcard src/cli_*.c)
CORE_SRC = $(filter-out $(TUI_SRC) $(CLI_SRC),$(wildcard src/*.c))
CORE_OBJ = $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
TUI_OBJ  = $(TUI_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  = $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
LIB      = $(BUILD)/libnapkin.a

UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TESTLIB_SRC = $(wildcard tests/unit/support_*.c)
TESTLIB_OBJ = $(TESTLIB_SRC:tests/unit/%.c=$(BUILD)/tests/%.o)
BENCH_SRC  = $(wildcard tests/bench/bench_*.c)
BENCH_BIN  = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
# Each fuzz harness builds twice: for libFuzzer (make fuzz) and as a
# replayer of its corpus that make test runs (tests/fuzz/replay.c).
FUZZ_SRC   = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN   = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
REPLAY_BIN = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(BUILD)/tests/replay_%)

.PHONY: all run test asan valgrind fuzz bench install uninstall clean deps \
        check-build check-run valgrind-run fuzz-build bench-run screenshots

all: $(BIN)

$(BIN): $(CLI_OBJ) $(TUI_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_OBJ) $(LIB) \
	    $(CORE_LIBS) $(TUI_LIBS)

$(LIB): $(CORE_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(CORE_OBJ)

$(BUILD)/obj/tui_%.o: src/tui_%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(TUI_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Unit tests link the core alone: no curses, no terminal.
$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CORE_CFLAGS) $(TEST_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(TESTLIB_OBJ) $(LIB)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(TESTLIB_OBJ) $(LIB) $(CORE_LIBS) $(TEST_LIBS)

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CORE_CFLAGS) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c \
	    $(LIB) $(CORE_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CORE_CFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	    $(LIB) $(CORE_LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CORE_CFLAGS) $(ALL_CFLAGS) -o $@ $< $(LIB) $(CORE_LIBS)

# --- The two commands, and their set-up ---

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) --template url-shortener

test: deps
	@$(MAKE) --no-print-directory check-build
	@$(MAKE) --no-print-directory check-run

asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/napkin SANITIZE=1 \
	    CFLAGS="-O1 -g" check-build
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/napkin SANITIZE=1 \
	    CFLAGS="-O1 -g" check-run

check-build: $(BIN) $(UNIT_BIN) $(REPLAY_BIN)

check-run:
	@NAPKIN=$(BIN) BUILD=$(BUILD) sh tests/run.sh

# valgrind runs the default build's binaries (no sanitizers) through a
# wrapper; see tests/valgrind.sh.  valgrind itself is installed only here.
valgrind: deps
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory check-build
	@$(MAKE) --no-print-directory valgrind-run

valgrind-run:
	@NAPKIN=$(BIN) BUILD=$(BUILD) sh tests/valgrind.sh

# clang and its libFuzzer runtime are needed only here: scripts/fuzz.sh
# checks for them (and installs them as root) before building.
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh scripts/fuzz.sh

fuzz-build: $(FUZZ_BIN)

bench: deps
	@$(MAKE) --no-print-directory BUILD=build/bench BIN=build/bench/napkin \
	    CFLAGS="-O2 -g -DNDEBUG" bench-run

bench-run: $(BIN) $(BENCH_BIN)
	@NAPKIN=$(BIN) BUILD=$(BUILD) sh tests/bench/run.sh

screenshots: deps $(BIN)
	@sh scripts/screenshots.sh

# --- Installation ---

install: $(BIN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(MANPREFIX)/man1
	cp -f $(BIN) $(DESTDIR)$(BINDIR)/napkin
	chmod 755 $(DESTDIR)$(BINDIR)/napkin
	cp -f templates/*.json $(DESTDIR)$(DATADIR)/templates/
	chmod 644 $(DESTDIR)$(DATADIR)/templates/*.json
	sed 's/@VERSION@/$(VERSION)/' docs/napkin.1 > $(DESTDIR)$(MANPREFIX)/man1/napkin.1
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/napkin.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/napkin $(DESTDIR)$(MANPREFIX)/man1/napkin.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build $(BIN)

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d $(BUILD)/fuzz/*.d)
