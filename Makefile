# costplan - plain GNU make. Quiet by default; V=1 shows full commands.
#
#   make            build ./costplan
#   make run        install missing Debian packages, build, print the baseline bill
#   make check      install missing packages, build, run the whole test suite
#   make bench      benchmarks (print figures; never timed tests)
#   make reports    regenerate reports/ from the shipped data
#   make SANITIZE=address,undefined check
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

ifdef SANITIZE
CFLAGS  += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

Q = @
ifdef V
Q =
endif

SRCS     = $(wildcard src/*.c src/*/*.c)
OBJS     = $(SRCS:.c=.o)
LIBOBJS  = $(filter-out src/main.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:.c=)

all: $(PROG)

$(PROG): $(OBJS)
	@echo "  LINK $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

%.o: %.c
	@echo "  CC   $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

tests/unit/test_%: tests/unit/test_%.c $(LIBOBJS)
	@echo "  TEST $@"
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $^ $(LDFLAGS) $(LDLIBS) $(CMOCKA_LIBS)

deps:
	$(Q).ci/install-deps

run: deps
	$(Q)$(MAKE) --no-print-directory $(PROG)
	$(Q)./$(PROG) breakdown

unit: $(UNIT_BINS)

# The whole suite: unit tests, golden CLI tests, checks with real consumers.
check: deps
	$(Q)$(MAKE) --no-print-directory $(PROG) unit
	$(Q)tests/run-all

bench: $(PROG)
	$(Q)tests/bench/run-all

reports: $(PROG)
	$(Q)tests/make-reports

style:
	$(Q)clang-format --dry-run --Werror $(SRCS) $(wildcard src/*.h src/*/*.h)

install: $(PROG)
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(DATADIR)' '$(DESTDIR)$(MANDIR)/man1'
	install -m 755 $(PROG) '$(DESTDIR)$(BINDIR)/$(PROG)'
	cp -R pricing scenarios '$(DESTDIR)$(DATADIR)/'
	install -m 644 src/costplan.1 '$(DESTDIR)$(MANDIR)/man1/costplan.1'

clean:
	rm -f $(PROG) $(OBJS) $(OBJS:.o=.d) $(UNIT_BINS) tests/unit/*.d
	rm -rf tests/out

.PHONY: all deps run unit check bench reports style install clean
-include $(OBJS:.o=.d)
