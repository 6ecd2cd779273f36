# costplan - plain GNU make. Quiet by default; V=1 shows full commands.
#
#   make            build ./costplan
#   make run        install missing Debian packages, build, print the baseline bill
#   make check      install missing packages, build, run the whole test suite
#   make bench      benchmarks (print figures; never timed tests)
#   make reports    regenerate reports/ from the shipped data
#   make SANITIZE=address,undefined check
#   make fuzz FUZZ_SECONDS=60   build the libFuzzer harnesses (clang) and run each
#   make BUILD=dir ...          objects and binaries under dir/ (the source tree stays clean)
#   make install PREFIX=/usr DESTDIR=/tmp/stage

PROG       = costplan
VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/costplan
MANDIR    ?= $(PREFIX)/share/man
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
PKGS       = xlsxwriter jansson libcurl gsl

CFLAGS    ?= -O2 -g
CFLAGS    += -std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 -MMD -MP -pthread
CPPFLAGS  += -Isrc -DCOSTPLAN_VERSION='"$(VERSION)"' -DCOSTPLAN_DATADIR='"$(DATADIR)"'
CPPFLAGS  += $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
LDLIBS    += $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || echo -lxlsxwriter -lz -ljansson -lcurl -lgsl -lgslcblas -lm)
# libcsv-dev (Debian 12) ships no .pc file: probe, then fall back to -lcsv.
LDLIBS    += $(shell $(PKG_CONFIG) --libs libcsv 2>/dev/null || echo -lcsv) -lm -pthread
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

# CI builds treat every warning as an error (CI=true is set by GitHub
# Actions and by the project's CI runner).
ifeq ($(CI),true)
CFLAGS  += -Werror
endif

ifdef SANITIZE
CFLAGS  += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

Q = @
ifdef V
Q =
endif

# BUILD=dir puts every object and binary under dir/ (make check uses
# build/asan for the sanitizer layer); empty = in the source tree.
ifneq ($(BUILD),)
B        = $(BUILD)/
endif
SRCS     = $(wildcard src/*.c src/*/*.c src/*/*/*.c)
OBJS     = $(addprefix $(B),$(SRCS:.c=.o))
LIBOBJS  = $(filter-out $(B)src/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(addprefix $(B),$(UNIT_SRCS:.c=))

all: $(B)$(PROG)

$(B)$(PROG): $(OBJS)
	@echo "  LINK $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)%.o: %.c
	@echo "  CC   $@"
	$(Q)$(if $(B),mkdir -p $(@D) &&) $(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)tests/unit/test_%: tests/unit/test_%.c $(LIBOBJS)
	@echo "  TEST $@"
	$(Q)$(if $(B),mkdir -p $(@D) &&) $(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $^ $(LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

# libFuzzer harnesses (tests/fuzz/fuzz_*.c), one per input reader, built
# with clang into tests/fuzz/build/ against their own instrumented objects.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR      = tests/fuzz/build
FUZZ_SAN      = address,undefined
FUZZ_CFLAGS   = -g -O1 -std=gnu11 -fno-omit-frame-pointer -fno-sanitize-recover=all -pthread
FUZZ_SRCS     = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS     = $(patsubst tests/fuzz/%.c,$(FUZZ_DIR)/%,$(FUZZ_SRCS))
FUZZ_OBJS     = $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(filter-out src/main.c,$(SRCS)))

$(FUZZ_DIR)/obj/%.o: %.c
	@echo "  FCC  $@"
	$(Q)mkdir -p $(@D) && $(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJS)
	@echo "  FUZZ $@"
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) -o $@ $< $(FUZZ_OBJS) $(LDLIBS)

fuzz-build: $(FUZZ_BINS)
.SECONDARY: $(FUZZ_OBJS)

fuzz: fuzz-build
	$(Q)tests/fuzz/run $(FUZZ_SECONDS)

deps:
	$(Q).ci/install-deps

run: deps
	$(Q)$(MAKE) --no-print-directory $(PROG)
	$(Q)./$(PROG) breakdown

unit: $(UNIT_BINS)

# The whole suite: unit tests, golden CLI tests, checks with real consumers;
# then again with ASan+UBSan (build/asan), the CLI tests under valgrind (a
# build without sanitizers: ./costplan, or build/plain when SANITIZE is set
# here), and each fuzz harness for FUZZ_CHECK_SECONDS. One summary line.
FUZZ_CHECK_SECONDS ?= 15
FUZZ_CHECK_JOBS    ?= 2
ifdef SANITIZE
VALGRIND_BUILD = build/plain
endif
check: deps
	$(Q)$(MAKE) --no-print-directory $(PROG) unit
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=address,undefined all unit
ifdef SANITIZE
	$(Q)$(MAKE) --no-print-directory BUILD=$(VALGRIND_BUILD) SANITIZE= all
endif
	$(Q)$(MAKE) --no-print-directory fuzz-build
	$(Q)VALGRIND_COSTPLAN=$(CURDIR)/$(if $(VALGRIND_BUILD),$(VALGRIND_BUILD)/)$(PROG) \
	  FUZZ_SECONDS=$(FUZZ_CHECK_SECONDS) FUZZ_JOBS=$(FUZZ_CHECK_JOBS) \
	  tests/run-all unit cli integration asan valgrind fuzz

# The first three layers only, with ./costplan: the quick loop while editing.
check-quick: $(PROG) unit
	$(Q)tests/run-all

bench: $(PROG)
	$(Q)tests/bench/run-all

reports: $(PROG)
	$(Q)tests/make-reports

install: $(PROG)
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(DATADIR)' '$(DESTDIR)$(MANDIR)/man1'
	install -m 755 $(PROG) '$(DESTDIR)$(BINDIR)/$(PROG)'
	cp -R pricing scenarios '$(DESTDIR)$(DATADIR)/'
	install -m 644 src/costplan.1 '$(DESTDIR)$(MANDIR)/man1/costplan.1'

clean:
	rm -f $(B)$(PROG) $(OBJS) $(OBJS:.o=.d) $(UNIT_BINS) tests/unit/*.d
	rm -rf tests/out build $(FUZZ_DIR)

.PHONY: all deps run unit check check-quick bench reports install clean fuzz fuzz-build
-include $(OBJS:.o=.d) $(FUZZ_OBJS:.o=.d) $(UNIT_BINS:=.d)
