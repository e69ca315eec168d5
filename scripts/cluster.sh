#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster inside the repository (.cluster/NAME, git-ignored),
# on its own socket directory and port, with pg_cron preloaded.  Tests and the demo use
# it, so they never touch a system cluster.
#
#   scripts/cluster.sh start   [NAME]   create (if needed) and start
#   scripts/cluster.sh stop    [NAME]   stop
#   scripts/cluster.sh destroy [NAME]   stop and delete
#   scripts/cluster.sh env     [NAME]   print the PG* variables for clients (eval "$(...)")
#   scripts/cluster.sh status  [NAME]
#   scripts/cluster.sh durability NAME production|fast
#                                       production: fsync, synchronous_commit and full_page_writes
#                                       on (the benchmarks' headline); fast: off (the default of a
#                                       throwaway cluster); applied with a reload, no restart
#   scripts/cluster.sh cpu     [NAME]   CPU the server's processes used so far, in ms (user +
#                                       system, exited backends included): the difference over a
#                                       run is its server CPU, which other load on the machine
#                                       does not inflate as it does the wall clock
#
# NAME defaults to "test".  Settings, from the environment:
#   IC_PORT        port            (test: 55432, demo: 55433, other: 55440)
#   IC_CRON_DB     cron.database_name (test: ic_cron, demo: instruction_control_demo);
#                  created at start if missing.  Not a database pg_regress drops: pg_cron's
#                  launcher stays connected to it.
#   IC_LOCALE      initdb's --locale (default C.UTF-8); IC_LC_MESSAGES its lc_messages (default C)
#                  (test/integration/locale_clusters.sh: ru_RU.UTF-8, kk_KZ.UTF-8)
# Run as root, the server runs as the unprivileged user "postgres".
set -euo pipefail

cmd=${1:-}
name=${2:-test}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bindir=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)

case "$name" in
	test) default_port=55432; default_cron_db=ic_cron ;;
	demo) default_port=55433; default_cron_db=instruction_control_demo ;;
	*)    default_port=55440; default_cron_db=$name ;;
esac
port=${IC_PORT:-$default_port}
cron_db=${IC_CRON_DB:-$default_cron_db}

if [ "$(id -u)" -eq 0 ]; then
	run_as=(runuser -u postgres --)
	owner=postgres
else
	run_as=()
	owner=$(id -un)
fi

# The cluster lives in .cluster/NAME.  When the server's user cannot reach the
# repository (a clone under /root, say) or the socket path would pass the
# kernel's 107-byte limit, the files go to /tmp and .cluster/NAME links there.
link="$repo/.cluster/$name"
resolve_dir() {
	if [ -L "$link" ] || [ -d "$link" ]; then
		readlink -f "$link"
		return
	fi
	mkdir -p "$repo/.cluster"
	local sock="$link/run/.s.PGSQL.$port"
	if [ ${#sock} -lt 100 ] && "${run_as[@]}" test -x "$repo/.cluster" 2>/dev/null; then
		mkdir -p "$link"
		echo "$link"
	else
		local tmp
		tmp=$(mktemp -d "/tmp/ic-cluster-$name.XXXXXX")
		ln -s "$tmp" "$link"
		echo "$tmp"
	fi
}

dir=$(resolve_dir)
data="$dir/data"
sockdir="$dir/run"
logfile="$dir/server.log"

pg() { "${run_as[@]}" "$@"; }

init_cluster() {
	[ -f "$data/PG_VERSION" ] && return
	mkdir -p "$data" "$sockdir"
	chown -R "$owner" "$dir"
	chmod 700 "$data"
	pg "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
		--locale="${IC_LOCALE:-C.UTF-8}" --no-sync >/dev/null
	cat >> "$data/postgresql.conf" <<CONF

# --- instruction_control throwaway cluster ($name) ---
port = $port
listen_addresses = ''
unix_socket_directories = '$sockdir'
shared_preload_libraries = 'pg_cron'
cron.database_name = '$cron_db'
cron.host = '$sockdir'
lc_messages = '${IC_LC_MESSAGES:-C}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
log_min_messages = warning
CONF
}

running() { pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; }
# the port the running server listens on (postmaster.pid's fourth line)
listening_port() { pg sed -n 4p "$data/postmaster.pid" 2>/dev/null || true; }

# The server must not inherit a caller's open files: a lock held by the caller
# (flock ... scripts/test.sh) would otherwise live as long as the server.
close_inherited_fds() {
	local fd
	for fd in /proc/$BASHPID/fd/*; do
		fd=${fd##*/}
		[ "$fd" -gt 2 ] && eval "exec $fd>&-"
	done
	return 0
}

case "$cmd" in
	start)
		init_cluster
		if running; then
			# a server started on another port (IC_PORT then, or another
			# default) would take clients to a socket nobody listens on
			running_port=$(listening_port)
			if [ -n "$running_port" ] && [ "$running_port" != "$port" ]; then
				echo "cluster.sh: $name is running on port $running_port, not on $port (IC_PORT): stop it first" \
					"(bash scripts/cluster.sh stop $name) or set IC_PORT=$running_port" >&2
				exit 1
			fi
		else
			# on the port asked for, whatever port the cluster was created with
			(close_inherited_fds; pg "$bindir/pg_ctl" -D "$data" -l "$logfile" -o "-p $port" -w -t 60 start >/dev/null) || {
				echo "cluster.sh: the server did not start; last lines of $logfile:" >&2
				tail -n 20 "$logfile" >&2
				exit 1
			}
		fi
		if [ -z "$(pg "$bindir/psql" -h "$sockdir" -p "$port" -U postgres -X -Atc \
			"SELECT 1 FROM pg_database WHERE datname = '$cron_db'" postgres)" ]; then
			pg "$bindir/createdb" -h "$sockdir" -p "$port" -U postgres "$cron_db"
		fi
		echo "cluster.sh: $name running on socket $sockdir, port $port (cron.database_name = $cron_db)"
		;;
	stop)
		if [ -f "$data/PG_VERSION" ] && running; then
			pg "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
		fi
		;;
	destroy)
		if [ -f "$data/PG_VERSION" ] && running; then
			pg "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null
		fi
		rm -rf "$dir" "$link"
		;;
	env)
		echo "export PGHOST='$sockdir' PGPORT='$port' PGUSER=postgres"
		;;
	durability)
		case "${3:-}" in
			production) v=on ;;
			fast) v=off ;;
			*) echo "cluster.sh: durability NAME production|fast" >&2; exit 2 ;;
		esac
		for g in fsync synchronous_commit full_page_writes; do
			pg "$bindir/psql" -h "$sockdir" -p "$port" -U postgres -X -q -d postgres \
				-c "ALTER SYSTEM SET $g = $v" >/dev/null
		done
		pg "$bindir/psql" -h "$sockdir" -p "$port" -U postgres -X -q -d postgres \
			-c "SELECT pg_catalog.pg_reload_conf()" -c "CHECKPOINT" >/dev/null
		;;
	cpu)
		pm=$(head -n 1 "$data/postmaster.pid")
		# /proc/PID/stat: 14 utime, 15 stime, 16 cutime, 17 cstime (reaped children), in ticks
		{ cat "/proc/$pm/stat"; for c in $(pgrep -P "$pm"); do cat "/proc/$c/stat" 2>/dev/null || true; done; } |
			awk -v pm="$pm" -v hz="$(getconf CLK_TCK)" \
				'{ t += $14 + $15; if ($1 == pm) t += $16 + $17 } END { printf "%d\n", t * 1000 / hz }'
		;;
	status)
		if [ -f "$data/PG_VERSION" ] && running; then
			echo "$name: running ($sockdir, port $(listening_port))"
		else
			echo "$name: not running"
			exit 3
		fi
		;;
	*)
		sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
		exit 2
		;;
esac
