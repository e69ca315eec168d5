# instruction_control — PGXS build.
#
#   make && make install          build and install into the server of $(PG_CONFIG)
#   make installcheck             pg_regress (sql/ -> expected/; sql/pgtap.sql runs the pgTAP
#                                 suites through pg_prove) and isolation specs (specs/)
#   make installcheck-tap         pgTAP suites (test/pgtap/) through pg_prove alone
#   make unit                     C unit tests of the pure cores (no server needed)
#   make errcodes                 the SQLSTATE header and README's tables from src/common/ic_errcodes.txt
#   make check-errcodes           fails when they are stale or an IC code is not in the list
#   make fuzz                     libFuzzer targets (clang)
#   make bench                    benchmarks, each on its own throwaway cluster (test/bench/*.sh)
#
# The full suite, with a throwaway cluster, is scripts/test.sh (README).

EXTENSION   = instruction_control
MODULE_big  = instruction_control
# src/ is grouped by layer, each using only the ones above it in this list:
#   common (settings, SQLSTATEs, text folding) <- types <- calendar <- rules <- registry
#   <- sweep (deadline sweeps, outbox) and reporting (views, forms)
SRC_DIRS    = src/common src/types src/calendar src/rules src/registry src/sweep src/reporting
# The working-day calendar is a library of its own, instruction_control_calendar
# (src/calendar/calendar_module.c): a session whose first call counts working
# days loads it alone, with the one setting it reads, where the registry's
# library defines eight and PostgreSQL 15 sorts its settings again for each
# (issue 19, the first call of a session).  The registry's library links it
# (found beside itself: rpath $ORIGIN) and loads it first.
CAL_LIBRARY = instruction_control_calendar
CAL_OBJS    = src/calendar/calendar_module.o src/calendar/calendar.o src/calendar/calendar_cache.o src/calendar/calendar_compiled.o \
              src/calendar/calendar_core.o src/calendar/kurban_core.o src/common/code_core.o
OBJS        = $(filter-out $(CAL_OBJS),$(patsubst %.c,%.o,$(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c)))))
# The version is written once, in the control file; the library gets it from here.
# The install script of the version in development is built from the sectioned
# sources in sql/src/ (one file per layer, a long layer in parts of under 600
# lines such as 60_sweep.sql to 63_sweep_run.sql; concatenated in name order,
# which is byte order: 70_reporting.sql comes before 70a_reporting_history.sql).
#
# Released scripts are frozen: they are committed as they were shipped and never
# rebuilt (sql/released.sha256 holds their checksums; scripts/test.sh checks
# them).  The step from the last release is written by hand, in parts under
# sql/upgrade/PREV--NEXT/ (concatenated in name order), and frozen with its
# release; test/integration/upgrade.sh holds every step to a fresh install.
# The last part that changes a function names it (\definition, below) rather
# than carry a copy of what sql/src/ defines.
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
PREVVERSION = 0.2
INSTALL_PARTS = $(sort $(wildcard sql/src/*.sql))
UPGRADE_PARTS = $(sort $(wildcard sql/upgrade/$(PREVVERSION)--$(EXTVERSION)/*.sql))
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql
DATA        = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*.sql))
PGFILEDESC  = "instruction_control - control registry for the President's instructions"

# Regression tests: every sql/*.sql that is not an extension script.
REGRESS     = $(sort $(notdir $(basename $(filter-out sql/instruction_control--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=plpgsql
# Isolation specs: specs/*.spec, expected output in expected/.
ISOLATION   = $(sort $(notdir $(basename $(wildcard specs/*.spec))))
ISOLATION_OPTS = --load-extension=instruction_control

# Rebuild objects when a header they include changes.
override autodepend = yes

PG_CONFIG  ?= pg_config
# -Wextra minus the two warnings PostgreSQL's own headers and fmgr calling
# convention trigger (unused fcinfo, partially initialised structs).
# Warnings are errors in the project's own builds (scripts/test.sh sets
# IC_WERROR=1), not in a user's make against another compiler or server.
IC_WERROR  ?= 0
PG_CPPFLAGS = -DIC_LIB_VERSION='"$(EXTVERSION)"' \
              -std=c11 -Wall -Wextra $(if $(filter 1,$(IC_WERROR)),-Werror) -Wmissing-prototypes \
              -Wno-unused-parameter -Wno-missing-field-initializers $(addprefix -I,$(SRC_DIRS))
# Calls between the library's own functions bind when it is linked, not
# when a backend loads it: about 170 fewer symbol lookups at LOAD (issue 19,
# the first call of a session).
SHLIB_LINK += -Wl,-Bsymbolic-functions
SHLIB_LINK += $(CAL_LIBRARY)$(DLSUFFIX) -Wl,-rpath,'$$ORIGIN'
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The calendar's library: its own soname (the registry's records it as needed),
# and its references to its own functions and variables bound when linked, so
# the calendar's hot path reads them directly (-Bsymbolic).
$(CAL_LIBRARY)$(DLSUFFIX): $(CAL_OBJS)
	$(CC) $(CFLAGS) $(CAL_OBJS) $(LDFLAGS) $(LDFLAGS_SL) -shared -Wl,-soname,$@ -Wl,-Bsymbolic -o $@
$(shlib): $(CAL_LIBRARY)$(DLSUFFIX)
all: $(CAL_LIBRARY)$(DLSUFFIX)

.PHONY: install-calendar-library uninstall-calendar-library
install: install-calendar-library
install-calendar-library: $(CAL_LIBRARY)$(DLSUFFIX) installdirs
	$(INSTALL_SHLIB) $(CAL_LIBRARY)$(DLSUFFIX) '$(DESTDIR)$(pkglibdir)/$(CAL_LIBRARY)$(DLSUFFIX)'
uninstall: uninstall-calendar-library
uninstall-calendar-library:
	rm -f '$(DESTDIR)$(pkglibdir)/$(CAL_LIBRARY)$(DLSUFFIX)'
# (PGXS reads EXTRA_CLEAN when it is included, before this file sets it: the
# calendar's files are cleaned by a rule of their own)
.PHONY: clean-calendar-library
clean: clean-calendar-library
clean-calendar-library:
	rm -f $(CAL_LIBRARY)$(DLSUFFIX) $(CAL_OBJS) $(CAL_OBJS:.o=.bc)

# The scripts are written in ASCII (scripts/sql_ascii.pl: Kazakh and Russian
# literals through unicode_text()), so they install in a database of any
# encoding, e.g. WIN1251 (README, Encodings).
sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) sql/.install_parts $(EXTENSION).control scripts/sql_ascii.pl
	perl scripts/sql_ascii.pl $(INSTALL_PARTS) > $@.tmp
	mv $@.tmp $@

# A part's line \definition NAME sql/src/FILE.sql stands for NAME's definition
# in the install script's part (scripts/sql_definitions.pl): the upgrade is
# rebuilt when an install part changes too.
sql/$(EXTENSION)--$(PREVVERSION)--$(EXTVERSION).sql: $(UPGRADE_PARTS) $(INSTALL_PARTS) sql/.upgrade_parts \
    scripts/sql_definitions.pl scripts/sql_ascii.pl
	perl scripts/sql_definitions.pl $(UPGRADE_PARTS) > $@.parts
	perl scripts/sql_ascii.pl $@.parts > $@.tmp
	rm -f $@.parts
	mv $@.tmp $@

# The lists of the files each script is built from, rewritten only when they
# change: a file taken out (or renamed) rebuilds the script as one changed does.
sql/.install_parts: FORCE
	@echo '$(INSTALL_PARTS)' | cmp -s - $@ || echo '$(INSTALL_PARTS)' > $@
sql/.upgrade_parts: FORCE
	@echo '$(UPGRADE_PARTS)' | cmp -s - $@ || echo '$(UPGRADE_PARTS)' > $@
.PHONY: FORCE clean-script-lists
FORCE:
clean: clean-script-lists
clean-script-lists:
	rm -f sql/.install_parts sql/.upgrade_parts

# The library is rebuilt when the version changes.
src/common/instruction_control.o: $(EXTENSION).control

# SQLSTATEs: one list, src/common/ic_errcodes.txt, generates the C header (here,
# when the list changes) and README.md's tables of errors (make errcodes);
# make check-errcodes fails when either is stale or src/ or sql/src/ use an IC
# code the list lacks (scripts/test.sh runs it).
ERRCODES = src/common/ic_errcodes.txt
src/common/ic_errcodes.h: $(ERRCODES) scripts/gen_errcodes.pl
	perl scripts/gen_errcodes.pl header $(ERRCODES) > $@.tmp
	mv $@.tmp $@

.PHONY: errcodes check-errcodes
errcodes: src/common/ic_errcodes.h
	perl scripts/gen_errcodes.pl readme $(ERRCODES) README.md

check-errcodes:
	perl scripts/gen_errcodes.pl check $(ERRCODES) src/common/ic_errcodes.h README.md src sql/src

# ---------------------------------------------------------------------------
# C unit tests: test/unit/NAME_test.c links the pure cores (src/*/*_core.c),
# which include no PostgreSQL server header.  They are built with
# AddressSanitizer and UndefinedBehaviorSanitizer, and UBSan stops at its first
# finding (-fno-sanitize-recover=all): an out-of-bounds read or a signed
# overflow in a core fails the test run.  UNIT_SANITIZE= builds them plain.
# ---------------------------------------------------------------------------
UNIT_CC       ?= $(CC)
UNIT_SANITIZE ?= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
UNIT_CFLAGS    = -std=c11 -O1 -g -Wall -Wextra -Werror -Wmissing-prototypes $(UNIT_SANITIZE) $(addprefix -I,$(SRC_DIRS))
CORE_SRCS      = $(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*_core.c)))
CORE_HDRS      = $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*_core.h) $(wildcard $(d)/*_tokens.h))
UNIT_SRCS      = $(sort $(wildcard test/unit/*_test.c))
UNIT_BINS      = $(UNIT_SRCS:.c=)
# A finding ends the process with a non-zero status and a report on stderr.
UNIT_ENV       = ASAN_OPTIONS=abort_on_error=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test/unit/%_test: test/unit/%_test.c $(CORE_SRCS) $(CORE_HDRS) test/unit/unit.h Makefile
	$(UNIT_CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS) -lm

.PHONY: unit
unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $(UNIT_ENV) ./$$t; done

# ---------------------------------------------------------------------------
# libFuzzer targets: test/fuzz/NAME_fuzz.c, built with clang, ASan and UBSan;
# UBSan stops at its first finding.  Each target runs FUZZ_RUNS executions
# (10 million unless told) on its corpus test/fuzz/NAME_fuzz-corpus/ (kept out
# of git) plus the seeds in test/fuzz/seeds/, one target at a time, one
# process each.  A crash leaves its input in test/fuzz/crashes/ and makes
# `make fuzz` fail after the other targets have run; the last lines give the
# executions and executions per second of every target.
#
#   make fuzz                           every target, 10M executions each
#   make fuzz FUZZ_RUNS=100000          a quick pass
#   make fuzz FUZZ_TARGETS=calendar     one target (names without _fuzz)
#   make fuzz FUZZ_OPTS=-seed=1         more libFuzzer flags
# ---------------------------------------------------------------------------
FUZZ_CC       ?= clang
FUZZ_SANITIZE ?= -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SRCS      = $(sort $(wildcard test/fuzz/*_fuzz.c))
FUZZ_BINS      = $(FUZZ_SRCS:.c=)
FUZZ_RUNS     ?= 10000000
FUZZ_TARGETS  ?= $(patsubst test/fuzz/%_fuzz,%,$(FUZZ_BINS))
FUZZ_OPTS     ?=

test/fuzz/%_fuzz: test/fuzz/%_fuzz.c $(CORE_SRCS) $(CORE_HDRS) Makefile
	$(FUZZ_CC) -g -O2 -std=c11 -Wall -Wextra -Werror -Wmissing-prototypes -fno-omit-frame-pointer $(FUZZ_SANITIZE) $(addprefix -I,$(SRC_DIRS)) -o $@ $< $(CORE_SRCS) -lm

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	@FUZZ_RUNS='$(FUZZ_RUNS)' FUZZ_OPTS='$(FUZZ_OPTS)' bash test/fuzz/run.sh $(FUZZ_TARGETS)

.PHONY: check-clang
# Compile every server-side file with clang and -Werror as well.  Debian's
# CFLAGS carry gcc-only flags, so they are replaced by what PostgreSQL's
# configure uses for clang (gnu_printf is a gcc-only format archetype).
check-clang:
	$(MAKE) clean
	$(MAKE) CC=clang with_llvm=no all \
	  CFLAGS='-O2 -g -fno-strict-aliasing -fwrapv -Wno-ignored-attributes -Wno-compound-token-split-by-macro'
	$(MAKE) clean

# pgTAP suites (test/pgtap/) on a throwaway database of the server the PG*
# variables point at, for any cluster with pgTAP and the extension installed.
TAP_DB ?= instruction_control_tap
.PHONY: installcheck-tap
installcheck-tap:
	dropdb --if-exists $(TAP_DB)
	createdb $(TAP_DB)
	psql -X -q -v ON_ERROR_STOP=1 -d $(TAP_DB) -c 'CREATE EXTENSION pgtap'
	pg_prove -d $(TAP_DB) test/pgtap/*.sql; rc=$$?; dropdb --if-exists $(TAP_DB); exit $$rc

.PHONY: bench
BENCHES = $(sort $(notdir $(basename $(wildcard test/bench/*.sh))))
bench: $(addprefix bench-,$(BENCHES))
bench-%:
	bash test/bench/$*.sh

EXTRA_CLEAN = $(UNIT_BINS) $(FUZZ_BINS) output_iso
