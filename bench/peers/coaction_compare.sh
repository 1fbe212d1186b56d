#!/bin/sh
# Chorus against the coordination-network-toolkit on the co-repost case of the issue "Scale",
# side by side in one run, on the same actions (bench/peers/coaction_sample.py).
#
#   bench/peers/coaction_compare.sh [REPOSTS] [BUILD_DIR] [TOOLKIT_DIR]
#
# REPOSTS defaults to 1000000, BUILD_DIR to build, TOOLKIT_DIR to ../shared/peers/
# coordination-network-toolkit (skipped when absent: the toolkit is never needed to build or
# test Chorus). Prints wall time, CPU time and peak memory of each step.
#
# The two tools weigh edges differently: Chorus counts the distinct objects a pair of
# accounts both reposted within the window, the toolkit counts co-action events (pairs of
# actions within the window), so with --min-weight 2 the toolkit keeps more edges: compare
# the times, not the edge counts.
set -eu
reposts=${1:-1000000}
build=${2:-build}
toolkit=${3:-../shared/peers/coordination-network-toolkit}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/chorus-coaction.XXXXXX")
trap 'rm -rf "$work"' EXIT

table="$work/table"
. "$here/../measure.sh"

python3 "$here/coaction_sample.py" --reposts "$reposts" --coortweet "$work/coortweet.csv" \
    --toolkit "$work/toolkit.csv"
printf 'step\twall s\tuser s\tsys s\tpeak KB\n' >"$table"

measure "chorus import" "$build/app/chorus-cli" import "$work/case.chorus" "$work/coortweet.csv"
measure "chorus network" "$build/app/chorus-cli" network "$work/case.chorus" --type co-repost \
    --window 60 --min-weight 2 -o "$work/chorus.csv"
chorus_edges=$(($(wc -l <"$work/chorus.csv") - 1))

if [ -d "$toolkit" ]; then
    export PYTHONPATH="$toolkit:$toolkit/stub"
    measure "toolkit preprocess" python3 -m coordination_network_toolkit "$work/toolkit.db" \
        preprocess --format csv "$work/toolkit.csv"
    measure "toolkit compute" python3 -m coordination_network_toolkit "$work/toolkit.db" \
        compute co_retweet --time_window 60 --min_edge_weight 2 --output_file "$work/toolkit.csv.out"
    toolkit_edges=$(wc -l <"$work/toolkit.csv.out")
else
    toolkit_edges="(toolkit not found at $toolkit)"
fi

echo "$reposts reposts; edges: chorus $chorus_edges (weight = distinct shared objects >= 2), toolkit $toolkit_edges (weight = co-action events >= 2)"
column -t -s "$(printf '\t')" "$table"
awk -F '\t' 'NR > 1 { tool = ($1 ~ /^chorus/) ? "chorus" : "toolkit"; wall[tool] += $2 }
    END { printf "end to end: chorus %.1f s, toolkit %.1f s", wall["chorus"], wall["toolkit"];
          if (wall["chorus"] > 0 && wall["toolkit"] > 0) printf " (%.1fx)", wall["toolkit"] / wall["chorus"];
          print "" }' "$table"
