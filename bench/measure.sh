# Sourced by the benchmark scripts. measure LABEL COMMAND...: runs COMMAND under
# /usr/bin/time and appends "LABEL, wall s, user s, sys s, peak KB" (tab-separated) to $table;
# the command's output goes to $work/out, printed in full if it fails.
measure() {
    label=$1
    shift
    /usr/bin/time -f "$label	%e	%U	%S	%M" -o "$work/time" "$@" >"$work/out" 2>&1 ||
        { cat "$work/out"; exit 1; }
    cat "$work/time" >>"$table"
}
