#!/bin/sh
# Ten million posts end to end (the issue "Scale"): makes the collection with chorus-generate,
# then runs a user's steps on it with chorus-cli and records each one's wall time, CPU time and
# peak memory (/usr/bin/time), then the posts table and timeline queries (bench_post_query).
#
#   bench/scale_10m.sh [POSTS] [BUILD_DIR] [WORK_DIR]
#
# POSTS defaults to 10000000, BUILD_DIR to build. WORK_DIR (default: a temporary folder,
# removed at the end) keeps the collection and the case when given, to open the case in the
# workbench afterwards; the collection there is reused when it already has POSTS posts.
# Needs about 600 bytes of disk per post for the file and the case (6 GB at 10M).
set -eu
posts=${1:-10000000}
build=${2:-build}
work=${3:-}
if [ -z "$work" ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/chorus-scale.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
collection="$work/posts-$posts.csv"
case="$work/case-$posts.chorus"
table="$work/stages.tsv"

here=$(cd "$(dirname "$0")" && pwd)
. "$here/measure.sh"
step() { # label, command...: measure, then show the command's last lines
    measure "$@"
    tail -n 3 "$work/out"
}

printf 'step\twall s\tuser s\tsys s\tpeak KB\n' >"$table"
if [ ! -s "$collection" ]; then
    step "generate (not counted)" "$build/bench/chorus-generate" --posts "$posts" --seed 1 \
        --x-io "$collection"
fi
rm -f "$case" "$case-journal" "$case-wal" "$case-shm"
step "import" "$build/app/chorus-cli" import "$case" "$collection"
step "index (text search, kind and language filters)" "$build/app/chorus-cli" index "$case"
step "analyze" "$build/app/chorus-cli" analyze "$case"
step "network (all types)" "$build/app/chorus-cli" network "$case"

echo "$posts posts ($(du -h "$collection" | cut -f1) file, $(du -h "$case" | cut -f1) case)"
column -t -s "$(printf '\t')" "$table"
awk -F '\t' 'NR > 1 && $1 !~ /not counted/ {
        wall += $2; if ($5 > peak) peak = $5
        if ($1 !~ /^index/) { core += $2; if ($5 > corePeak) corePeak = $5 } }
    END { printf "import + analyze + network: %.1f s, peak %.0f MB\n", core, corePeak / 1024
          printf "with the text index:        %.1f s, peak %.0f MB\n", wall, peak / 1024 }' "$table"

echo "posts table and timeline queries (ms):"
"$build/bench/bench_post_query" "$case"
