# A client LISTENing on instruction_control_events, for the integration scripts
# that check the sweep's wake-up (sourced; scripts/test.sh runs only
# test/integration/*.sh, not this folder).  No fixed sleep: the work starts once
# the LISTEN is in place, and the client asks once more only after the work has
# committed, which delivers what was notified -- on a slow or a fast machine alike.
#
#   listener_start OUT DB [PSQL ARGS...]  LISTEN in DB (as the role the args name),
#                                         output to OUT; returns once pg_stat_activity
#                                         shows the LISTEN (60 s at most)
#   listener_stop                         the work is committed: the client asks once
#                                         more and ends

listener_start() {
	local out=$1 db=$2
	shift 2
	listener_app=ic_listener_$$
	listener_dir=$(mktemp -d)
	{
		echo "LISTEN instruction_control_events;"
		for _ in $(seq 1 600); do [ -e "$listener_dir/done" ] && break; sleep 0.1; done
		echo "SELECT 1;"
	} | PGAPPNAME=$listener_app psql -X -q -d "$db" "$@" >"$out" 2>&1 &
	listener_pid=$!
	for _ in $(seq 1 600); do
		[ "$(psql -X -q -At -d "$db" -c "SELECT count(*) FROM pg_stat_activity
		                                  WHERE application_name = '$listener_app' AND query LIKE 'LISTEN%'")" = 1 ] && return 0
		sleep 0.1
	done
	return 1
}

listener_stop() {
	touch "$listener_dir/done"
	wait "$listener_pid"
	rm -rf "$listener_dir"
}
