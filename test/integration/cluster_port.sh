#!/usr/bin/env bash
# A throwaway cluster listens on the port its clients are given (issue 19,
# benchmarks that tell the truth): scripts/cluster.sh starts a cluster on the
# port asked for (IC_PORT, else the name's default), whatever port it was
# created with, and a start that finds the cluster running on another port
# fails and says what to do, instead of reporting it started while its clients
# go to a socket nobody listens on.  (make bench stopped at its second
# benchmark that way: the cluster "bench" had been created on 55441, and
# test/bench/calendar.sh's clients went to 55440.)
#
# One throwaway cluster of its own (scripts/cluster.sh NAME port_check, ports
# PGPORT + 1 and + 2, or IC_PORTCHECK_PORT and IC_PORTCHECK_PORT + 1),
# destroyed at the end.  Runs after the build is installed (scripts/test.sh,
# stage 8).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

name=port_check
created_on=${IC_PORTCHECK_PORT:-$((${PGPORT:-55432} + 1))}
other=$((created_on + 1))
cleanup() { IC_PORT=$created_on bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1; }
trap cleanup EXIT
cleanup

# the port the server answers on through the cluster's socket directory, or
# nothing when no server listens on $1
listens_on() {
	local sockdir
	sockdir=$(IC_PORT=$1 bash scripts/cluster.sh env "$name" | sed -n "s/.*PGHOST='\([^']*\)'.*/\1/p")
	psql -X -At -h "$sockdir" -p "$1" -U postgres -d postgres -c 'SHOW port' 2>/dev/null
}

if out=$(IC_PORT=$created_on bash scripts/cluster.sh start "$name" 2>&1) && [ "$(listens_on "$created_on")" = "$created_on" ]; then
	ok "a new cluster starts on the port asked for ($created_on)"
else
	notok "a new cluster on port $created_on: $out"
fi

IC_PORT=$created_on bash scripts/cluster.sh stop "$name" >/dev/null 2>&1
if out=$(IC_PORT=$other bash scripts/cluster.sh start "$name" 2>&1) && [ "$(listens_on "$other")" = "$other" ] \
	&& [ -z "$(listens_on "$created_on")" ]; then
	ok "created on $created_on, started again on the port asked for ($other), not on the one it was created with"
else
	notok "created on $created_on and started with IC_PORT=$other: listens on '$(listens_on "$other")' / '$(listens_on "$created_on")': $out"
fi

out=$(IC_PORT=$created_on bash scripts/cluster.sh start "$name" 2>&1)
rc=$?
if [ $rc -ne 0 ] && grep -q "running on port $other, not on $created_on" <<<"$out" && grep -q "IC_PORT=$other" <<<"$out"; then
	ok "a start on $created_on finds it running on $other: fails (exit $rc) and says how to reach or stop it"
else
	notok "a start on $created_on while it runs on $other: exit $rc: $out"
fi
if [ "$(listens_on "$other")" = "$other" ]; then
	ok "the refused start leaves the running server as it was (port $other)"
else
	notok "after the refused start nothing listens on $other"
fi

if IC_PORT=$created_on bash scripts/cluster.sh status "$name" | grep -q "port $other)"; then
	ok "status prints the port the server listens on ($other), not the one asked for"
else
	notok "status: $(IC_PORT=$created_on bash scripts/cluster.sh status "$name" 2>&1)"
fi

IC_PORT=$other bash scripts/cluster.sh stop "$name" >/dev/null 2>&1
if ! IC_PORT=$other bash scripts/cluster.sh status "$name" >/dev/null 2>&1; then
	ok "stopped"
else
	notok "still running after stop"
fi

exit $((failed > 0))
