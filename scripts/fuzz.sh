#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzzing/ with the address sanitizer and runs each for RUNS inputs
# (default 1,000,000) from a seed corpus made of Data/ and Data/demo/ (and escape sequences for
# the key decoder). Prints inputs, time and inputs/s per target; exits non-zero on any crash or
# broken property, leaving the input under .build-fuzz/artifacts/ (replay: `BINARY FILE`).
#
#   scripts/fuzz.sh [RUNS] [TARGET…]     TARGET: CSV Dates Catalog Keys (default: all four)
#
# FUZZ_MAX_SECONDS caps each target's run (libFuzzer's -max_total_time; the inputs done are printed);
# FUZZ_SEED (default 1) makes a run repeatable; FUZZ_SCRATCH (default .build-fuzz) is the build
# and corpus folder, kept apart from .build so `swift build` and `swift test` never see the
# sanitizer flags. Corpora grow in FUZZ_SCRATCH/corpus/ from one run to the next.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

runs=${1:-1000000}
(($# > 0)) && shift
targets=("$@")
((${#targets[@]})) || targets=(CSV Dates Catalog Keys)
seed=${FUZZ_SEED:-1}
max_seconds=${FUZZ_MAX_SECONDS:-0}
scratch=${FUZZ_SCRATCH:-$root/.build-fuzz}
# Optimized (-O, with the address sanitizer still on): a debug build ran FuzzCSV at ~230 inputs/s, too slow
# for a million. -enable-testing: FuzzCSV and FuzzDates reach the import's package-level parsers.
flags=(--package-path Fuzzing --scratch-path "$scratch" -c release -Xswiftc -enable-testing -Xswiftc -sanitize=fuzzer,address)

started=$(date +%s)
swift build "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol '__asan" || true
bin=$(swift build "${flags[@]}" --show-bin-path)
for target in "${targets[@]}"; do
    [ -x "$bin/Fuzz$target" ] || { echo "fuzz: no target Fuzz$target (build failed?)" >&2; exit 1; }
done
echo "fuzz: built in $(($(date +%s) - started)) s"

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT

# One seed: a selector byte (decimal) then a file's text.
seed_file() { # DIR NAME SELECTOR  (text on stdin)
    { printf "\\$(printf %03o "$3")"; cat; } > "$1/$2"
}

make_seeds() {
    local dir="$seeds/$1"
    mkdir -p "$dir"
    case $1 in
    CSV)
        # Selector: low 3 bits the kind (RecordFile order), bits 3–6 the small chunk size, bit 7 DPIS codes.
        local kinds=(people assignments assessments trainings level_history) i n
        for i in "${!kinds[@]}"; do
            for n in 2 4 9; do
                head -n "$n" "Data/demo/${kinds[i]}.csv" | seed_file "$dir" "${kinds[i]}-$n" $((i | (n << 3)))
            done
            head -n 5 "Data/demo/${kinds[i]}.csv" | sed 's/$/\r/' | seed_file "$dir" "${kinds[i]}-crlf" $((i | 128))
            { printf '\xEF\xBB\xBF'; head -n 3 "Data/demo/${kinds[i]}.csv"; } | seed_file "$dir" "${kinds[i]}-bom" $((i | 8))
            head -n 1 "Data/demo/${kinds[i]}.csv" | seed_file "$dir" "${kinds[i]}-header" "$i"
        done
        printf 'person_id,name_th,name_en,unit,job_line,level,level_since,service_start,education,supervisor_id\n"P1","สมชาย ""ใจดี""","a,b",nbt,public-relations-officer,ชำนาญการ,01/10/2564,2010-05-01,master,\n"P2\n",x,y,nbt,public-relations-officer,K2,2020-10-01,2010-05-01,bachelor,P1\n' \
            | seed_file "$dir" people-quoted 16
        ;;
    Dates)
        local d i=0
        for d in 2025-08-31 31/08/2568 ๓๑/๐๘/๒๕๖๘ 2568-08-31 31/08/2025 " 2024-02-29 " 29/02/2567 1/1/2500 \
                 2023-02-29 0000-01-01 9999-12-31 31/12/9999 ; do
            printf '%s' "$d" > "$dir/typed-$((i++))"
        done
        for d in $(grep -rhoE '[0-9]{4}-[0-9]{2}-[0-9]{2}' Data/demo/*.csv | sort -u | head -n 20); do
            printf '%s' "$d" > "$dir/demo-$d"
        done
        ;;
    Catalog)
        # Selector: the file kind, in the order of FuzzCatalog's `files`; each file cut to whole lines within 4 KB.
        local names=(ladder rules work-fields units standards working-groups methods courses) i f
        for i in "${!names[@]}"; do
            head -c 4000 "Data/${names[i]}.yaml" | sed '$d' | seed_file "$dir" "${names[i]}" "$i"
        done
        local folders=(job-lines directors executives competencies)
        for i in "${!folders[@]}"; do
            for f in $(ls "Data/${folders[i]}"/*.yaml | head -n 3); do
                head -c 4000 "$f" | sed '$d' | seed_file "$dir" "${folders[i]}-$(basename "$f")" $((8 + i))
            done
        done
        ;;
    Keys)
        local s i=0
        for s in '\e[A' '\e[1;5C' '\e[4~' '\e[15~' '\e[24~' '\eOP' '\eOS' '\e[[A' '\e[<0;10;5M' '\e[<0;10;5m' \
                 '\e[<64;3;3M' '\e[M !!' '\ex' '\e\e' '\e[\xff' '\e\xff' '\e[?1;2c' '\e[200~hi\e[201~' 'q\x03\x1c' \
                 '\xf0\x0e\x01\xf0\x0e\x31\xf0\x0e\x48' '\xf0\x00\x85\e[2J' 'F12' 'Ctrl-C' 'Shift-Tab'; do
            printf "$s" > "$dir/seq-$((i++))"
        done
        ;;
    esac
}

status=0
summary=()
for target in "${targets[@]}"; do
    make_seeds "$target"
    corpus="$scratch/corpus/$target"
    artifacts="$scratch/artifacts"
    mkdir -p "$corpus" "$artifacts"
    log="$scratch/fuzz-$target.log"
    t0=$(date +%s.%N)
    set +e
    # The Swift backtracer and the address sanitizer both walk a crashed stack: the sanitizer report is the one to read.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$bin/Fuzz$target" -runs="$runs" -max_total_time="$max_seconds" -seed="$seed" -max_len=4096 -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
        "$corpus" "$seeds/$target" > "$log" 2>&1
    rc=$?
    set -e
    t1=$(date +%s.%N)
    done_runs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || echo 0)
    seconds=$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")
    rate=$(awk "BEGIN { s = $t1 - $t0; printf \"%.0f\", (s > 0) ? $done_runs / s : 0 }")
    if ((rc == 0)); then result="ok, 0 crashes"; else result="FAILED (exit $rc): see $log"; status=1; fi
    line=$(printf 'Fuzz%-8s %9s inputs  %7s s  %6s inputs/s  %s' "$target" "$done_runs" "$seconds" "$rate" "$result")
    echo "$line"
    summary+=("$line")
    if ((rc != 0)); then grep -E 'ERROR|Fatal error|property broken|Test unit written' "$log" | head -n 8 >&2 || true; fi
done
echo "fuzz: total $(($(date +%s) - started)) s"
exit $status
