#!/bin/sh
# Runs every libFuzzer target of chorus-fuzz for SECONDS each (default 60), seeded from the
# test fixtures, in a clang build in build-fuzz/. Usage, from anywhere:
#   tests/fuzz/run.sh SECONDS [TARGET...]
# Environment: FUZZ_PARALLEL=N runs N targets at once (default 1). What a target finds is
# left in build-fuzz/findings/<target>/ (crash-*, leak-*, timeout-*); a found input becomes a
# regression input in tests/data/fuzz/<target>/ once fixed (tst_fuzz_regressions).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
build="$root/build-fuzz"

if [ ! -x "$build/tests/fuzz/chorus-fuzz" ] || [ "${FUZZ_REBUILD:-1}" = 1 ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCHORUS_FUZZ=ON -DCHORUS_BUILD_BENCH=OFF >/dev/null
    cmake --build "$build" -j2 --target chorus-fuzz
fi
fuzz="$build/tests/fuzz/chorus-fuzz"

targets="$*"
if [ -z "$targets" ]; then
    targets=$(CHORUS_FUZZ_TARGET=list "$fuzz" 2>&1 | sed -n 's/^chorus-fuzz: set CHORUS_FUZZ_TARGET to one of://p')
fi

# Seeds: every fixture for the importers, the detector and the decompressor (the compressed
# fixtures among them); location strings and texts from the gazetteer fixtures and the posts.
seed_corpus() {
    corpus="$build/corpus/$1"
    mkdir -p "$corpus"
    case "$1" in
    location)
        cut -f1 "$root"/tests/data/geo/*.tsv 2>/dev/null | head -n 2000 | split -l 1 - "$corpus/seed-" ;;
    text)
        head -c 60000 "$root/tests/data/mastodon_public_timeline.json" | split -b 2000 - "$corpus/seed-"
        head -c 20000 "$root/tests/data/x_io_tweets.csv" | split -b 1000 - "$corpus/seed-x-" ;;
    decompress)
        cp "$root"/tests/data/compressed/* "$corpus/" ;;
    *)
        find "$root/tests/data" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$corpus/" \; ;;
    esac
    # The inputs found before, so that a fix is tried again first.
    if [ -d "$root/tests/data/fuzz/$1" ]; then cp "$root/tests/data/fuzz/$1"/* "$corpus/"; fi
}

run_target() {
    target=$1
    seed_corpus "$target"
    mkdir -p "$build/findings/$target"
    log="$build/findings/$target.log"
    # -fork=1 with -ignore_*: a finding is saved and the fuzzing goes on for the whole time.
    CHORUS_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        UBSAN_OPTIONS=print_stacktrace=1 "$fuzz" -max_total_time="$seconds" -max_len=131072 \
        -rss_limit_mb=4096 -timeout=30 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 \
        -ignore_ooms=1 -artifact_prefix="$build/findings/$target/" "$build/corpus/$target" \
        >"$log" 2>&1 || true
    # The last status line: "#<runs>: cov: ... corp: ... exec/s ... oom/timeout/crash: a/b/c".
    status=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
    runs=$(echo "$status" | sed -n 's/^#\([0-9]*\):.*/\1/p')
    cov=$(echo "$status" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    found=$(ls "$build/findings/$target" | wc -l)
    echo "$target: ${runs:-?} inputs in ${seconds}s, coverage ${cov:-?}, $found findings (log: $log)"
}

parallel=${FUZZ_PARALLEL:-1}
running=0
for target in $targets; do
    run_target "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then
        wait
        running=0
    fi
done
wait
