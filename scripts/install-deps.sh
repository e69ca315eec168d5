#!/usr/bin/env bash
# Install, from Debian's packages, whatever instruction_control needs to build and
# test that is not already there.  Idempotent: when everything is present it
# installs nothing and touches no package list.
#
#   scripts/install-deps.sh            build + test dependencies
#   scripts/install-deps.sh PKG...     those plus extra packages (the benchmarks use this)
set -euo pipefail

needed=(
	make gcc clang libclang-rt-14-dev
	postgresql-15 postgresql-contrib
	postgresql-server-dev-15
	postgresql-15-cron
	postgresql-15-pgtap
	postgresql-15-plpgsql-check	# sql/plpgsql_lint.sql: plpgsql_check over every PL/pgSQL function
	libtap-parser-sourcehandler-pgtap-perl
	python3-psycopg2	# test/integration/report_bi_client.sh: a BI client's view of the reports
	python3	# test/integration/readme_examples.sh: the README's sql blocks extracted and checked
	chromium fonts-dejavu-core	# test/integration/report_render.sh: the forms rendered, Cyrillic and Kazakh glyphs
	"$@"
)

missing=()
for pkg in "${needed[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$pkg")
	fi
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all present"
	exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing ${missing[*]}; run this script as root (or with sudo)" >&2
	exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
