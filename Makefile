# instruction_control — PGXS build.
#
#   make && make install          build and install into the server of $(PG_CONFIG)
#   make installcheck             pg_regress (sql/ -> expected/) and isolation specs (specs/)
#   make installcheck-tap         pgTAP suites (test/pgtap/) through pg_prove
#   make unit                     C unit tests of the pure cores (no server needed)
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
OBJS        = $(patsubst %.c,%.o,$(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))))
# The version is written once, in the control file; the library gets it from here.
# The install script is built from the sectioned sources in sql/src/ (one
# file per layer, concatenated in name order).  The upgrade from 0.1 is its
# own part (sql/upgrade/) followed by the sections new in 0.2; the install
# script of 0.1 is kept as it was released, for upgrade tests and old dumps.
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
UPGRADE_0_1_SECTIONS = $(addprefix sql/src/,40_api.sql 45_history.sql 50_scheduling.sql 60_sweep.sql 70_reporting.sql 90_security.sql)
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql sql/$(EXTENSION)--0.1--0.2.sql
DATA        = sql/$(EXTENSION)--0.1.sql
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
PGXS       := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The scripts are written in ASCII (scripts/sql_ascii.pl: Kazakh and Russian
# literals through unicode_text()), so they install in a database of any
# encoding, e.g. WIN1251 (README, Encodings).
sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/src/*.sql)) $(EXTENSION).control scripts/sql_ascii.pl
	perl scripts/sql_ascii.pl $(sort $(wildcard sql/src/*.sql)) > $@.tmp
	mv $@.tmp $@

sql/$(EXTENSION)--0.1--0.2.sql: sql/upgrade/0.1--0.2.sql $(UPGRADE_0_1_SECTIONS) scripts/sql_ascii.pl
	perl scripts/sql_ascii.pl sql/upgrade/0.1--0.2.sql $(UPGRADE_0_1_SECTIONS) > $@.tmp
	mv $@.tmp $@

# The library is rebuilt when the version changes.
src/common/instruction_control.o: $(EXTENSION).control

# ---------------------------------------------------------------------------
# C unit tests: test/unit/NAME_test.c links the pure cores (src/*/*_core.c),
# which include no PostgreSQL server header.
# ---------------------------------------------------------------------------
UNIT_CC     ?= $(CC)
UNIT_CFLAGS  = -std=c11 -O1 -g -Wall -Wextra -Werror -Wmissing-prototypes $(addprefix -I,$(SRC_DIRS))
CORE_SRCS    = $(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*_core.c)))
UNIT_SRCS    = $(sort $(wildcard test/unit/*_test.c))
UNIT_BINS    = $(UNIT_SRCS:.c=)

test/unit/%_test: test/unit/%_test.c $(CORE_SRCS) $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*_core.h) $(wildcard $(d)/*_tokens.h)) test/unit/unit.h
	$(UNIT_CC) $(UNIT_CFLAGS) -o $@ $< $(CORE_SRCS)

.PHONY: unit
unit: $(UNIT_BINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; ./$$t; done

# ---------------------------------------------------------------------------
# libFuzzer targets: test/fuzz/NAME_fuzz.c, built with clang.
# ---------------------------------------------------------------------------
FUZZ_CC      ?= clang
FUZZ_SRCS     = $(sort $(wildcard test/fuzz/*_fuzz.c))
FUZZ_BINS     = $(FUZZ_SRCS:.c=)
FUZZ_SECONDS ?= 30

test/fuzz/%_fuzz: test/fuzz/%_fuzz.c $(CORE_SRCS)
	$(FUZZ_CC) -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined $(addprefix -I,$(SRC_DIRS)) -o $@ $< $(CORE_SRCS)

.PHONY: fuzz
fuzz: $(FUZZ_BINS)
	@set -e; for f in $(FUZZ_BINS); do echo "== $$f ($(FUZZ_SECONDS)s)"; \
	  mkdir -p $$f-corpus; ./$$f -max_total_time=$(FUZZ_SECONDS) $$f-corpus test/fuzz/seeds; done

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
