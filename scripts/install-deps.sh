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
	poppler-utils	# test/integration/report_print.sh: pdfinfo, pdftotext read the forms printed to PDF
	locales		# test/integration/locale_clusters.sh: clusters initialised with ru_RU.UTF-8 and kk_KZ.UTF-8
	faketime	# test/integration/other_days.sh: libfaketime sets a cluster's clock to a Saturday, a Sunday, a holiday
	"$@"
)

missing=()
for pkg in "${needed[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$pkg")
	fi
done

# The locales test/integration/locale_clusters.sh initialises clusters with
# (glibc's, generated once; initdb refuses a locale the system does not have).
locales_needed=(ru_RU.UTF-8 kk_KZ.UTF-8)
locales_missing() {
	local l have
	have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')
	for l in "${locales_needed[@]}"; do
		l=$(echo "$l" | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')
		grep -qx "$l" <<<"$have" || return 0
	done
	return 1
}
generate_locales() {
	locales_missing || return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "install-deps: locales ${locales_needed[*]} are missing; run this script as root (or with sudo)" >&2
		return 1
	fi
	local l
	for l in "${locales_needed[@]}"; do
		grep -qE "^${l//./\\.} UTF-8" /etc/locale.gen 2>/dev/null || {
			if grep -qE "^# *${l//./\\.} UTF-8" /etc/locale.gen 2>/dev/null; then
				sed -i -E "s/^# *(${l//./\\.} UTF-8)/\\1/" /etc/locale.gen
			else
				echo "$l UTF-8" >>/etc/locale.gen
			fi
		}
	done
	echo "install-deps: generating locales ${locales_needed[*]}"
	locale-gen >/dev/null
}

if [ ${#missing[@]} -eq 0 ]; then
	generate_locales
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
generate_locales
echo "install-deps: done"
