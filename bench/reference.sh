#!/usr/bin/env bash
# Reference files: the commands that read a large pre-VBP baseline (price-drop, validate, retained-savings,
# price-watch, import), whole processes, median of RUNS (5): wall seconds, CPU seconds (user + system) and peak
# RSS (/usr/bin/time), for each size given. COMMANDS= picks some (default: all, in this order).
#
#   bench/reference.sh                    # 500000 and 5000000 baseline rows
#   RUNS=3 bench/reference.sh 500000
#   JAR=/tmp/vbp-before.jar RUNS=3 bench/reference.sh 500000   # a jar built from an older commit
#   COMMANDS="retained-savings import" RUNS=1 bench/reference.sh 5000000
#
# The baseline is generated with bench/BaselineGenerator.java (sample-data/baseline.csv over and over, prices
# moved by a seeded factor, years 2016-2018; 500k rows = 45.6 MB) and kept in bench/out/. Commands, with the
# launcher's JVM flags (VBP_JVM_FLAGS, default -XX:+UseSerialGC -Xmx512m):
#   price-drop --bids sample-data/bids.csv --baseline FILE --base-period 2017 --by batch --quiet
#   validate baseline FILE --quiet
#   retained-savings --bids sample-data/bids.csv --baseline FILE --allocations sample-data/allocations.csv
#       --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv
#       --policy sample-data/policy.yaml --as-of 2021-10-31 --quiet
#   price-watch --baseline FILE --bids sample-data/bids.csv --quiet     (the baseline's rows as listed prices)
#   import --workspace bench/out/ws-reference baseline FILE --quiet     (into an empty workspace each run)
# A run that fails (out of memory: exit 4) is reported as failed with its exit code. There is no peer: the
# baseline match (normalised generic names and strengths, dosage forms) has no counterpart query in DuckDB.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
JAR=${JAR:-target/vbp.jar}
COMMANDS=${COMMANDS:-"price-drop validate retained-savings price-watch import"}
OUT=bench/out
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- 500000 5000000
[ "$JAR" != target/vbp.jar ] || ./vbp --version > /dev/null || exit 1 # builds the jar when needed
echo "start: load average $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for rows in "$@"; do
    file="$OUT/baseline-$rows.csv"
    [ -f "$file" ] || java bench/BaselineGenerator.java "$rows" 1 "$file" || exit 1
    for name in $COMMANDS; do
        case $name in
            price-drop) args=(price-drop --bids sample-data/bids.csv --baseline "$file" --base-period 2017 --by batch --quiet) ;;
            validate) args=(validate baseline "$file" --quiet) ;;
            retained-savings) args=(retained-savings --bids sample-data/bids.csv --baseline "$file" --allocations sample-data/allocations.csv
                --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv
                --policy sample-data/policy.yaml --as-of 2021-10-31 --quiet) ;;
            price-watch) args=(price-watch --baseline "$file" --bids sample-data/bids.csv --quiet) ;;
            import) args=(import --workspace "$OUT/ws-reference" baseline "$file" --quiet) ;;
            *) echo "unknown command $name" >&2; exit 2 ;;
        esac
        : > "$OUT/ref.wall"; : > "$OUT/ref.rss"; : > "$OUT/ref.cpu"; failed=""
        for i in $(seq "$RUNS"); do
            rm -rf "$OUT/ws-reference" # import: an empty workspace each run (the same file again would change nothing)
            # shellcheck disable=SC2086 # the flags are words
            /usr/bin/time -o "$OUT/ref.time" -f "%e %M %U %S" java $VBP_JVM_FLAGS -jar "$JAR" "${args[@]}" > "$OUT/ref-$name.out" 2> "$OUT/ref-$name.err"
            code=$?
            if [ "$code" -gt 1 ]; then failed="exit $code: $(tail -1 "$OUT/ref-$name.err")"; break; fi
            tail -1 "$OUT/ref.time" | awk '{print $1}' >> "$OUT/ref.wall"
            tail -1 "$OUT/ref.time" | awk '{print $2 / 1024}' >> "$OUT/ref.rss"
            tail -1 "$OUT/ref.time" | awk '{print $3 + $4}' >> "$OUT/ref.cpu"
        done
        if [ -n "$failed" ]; then
            printf '%-16s %9s rows (%s): failed, %s\n' "$name" "$rows" "$(du -h "$file" | cut -f1)" "$failed"
        else
            printf '%-16s %9s rows (%s): wall %.2f s median of %s (%s), CPU %.2f s, peak RSS %.0f MB\n' "$name" "$rows" \
                "$(du -h "$file" | cut -f1)" "$(median < "$OUT/ref.wall")" "$RUNS" "$(tr '\n' ' ' < "$OUT/ref.wall" | sed 's/ $//')" \
                "$(median < "$OUT/ref.cpu")" "$(median < "$OUT/ref.rss")"
        fi
    done
done
rm -rf "$OUT/ws-reference"
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM flags: $VBP_JVM_FLAGS; jar: $JAR"
