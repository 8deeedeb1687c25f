#!/usr/bin/env bash
# Reference files: `vbp price-drop` and `vbp validate baseline` with a large pre-VBP baseline, whole
# processes, median of RUNS (5): wall seconds, CPU seconds (user + system) and peak RSS (/usr/bin/time), for each size given.
#
#   bench/reference.sh                    # 500000 and 5000000 baseline rows
#   RUNS=3 bench/reference.sh 500000
#   JAR=/tmp/vbp-before.jar RUNS=3 bench/reference.sh 500000   # a jar built from an older commit
#
# The baseline is generated with bench/BaselineGenerator.java (sample-data/baseline.csv over and over, prices
# moved by a seeded factor, years 2016-2018; 500k rows = 45.6 MB) and kept in bench/out/. Commands, with the
# launcher's JVM flags (VBP_JVM_FLAGS, default -XX:+UseSerialGC -Xmx512m):
#   price-drop --bids sample-data/bids.csv --baseline FILE --base-period 2017 --by batch --quiet
#   validate baseline FILE --quiet
# A run that fails (out of memory: exit 4) is reported as failed with its exit code. There is no peer: the
# baseline match (normalised generic names and strengths, dosage forms) has no counterpart query in DuckDB.
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
JAR=${JAR:-target/vbp.jar}
OUT=bench/out
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- 500000 5000000
[ "$JAR" != target/vbp.jar ] || ./vbp --version > /dev/null || exit 1 # builds the jar when needed
echo "start: load average $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for rows in "$@"; do
    file="$OUT/baseline-$rows.csv"
    [ -f "$file" ] || java bench/BaselineGenerator.java "$rows" 1 "$file" || exit 1
    for name in price-drop validate; do
        case $name in
            price-drop) args=(price-drop --bids sample-data/bids.csv --baseline "$file" --base-period 2017 --by batch --quiet) ;;
            validate) args=(validate baseline "$file" --quiet) ;;
        esac
        : > "$OUT/ref.wall"; : > "$OUT/ref.rss"; : > "$OUT/ref.cpu"; failed=""
        for i in $(seq "$RUNS"); do
            # shellcheck disable=SC2086 # the flags are words
            /usr/bin/time -o "$OUT/ref.time" -f "%e %M %U %S" java $VBP_JVM_FLAGS -jar "$JAR" "${args[@]}" > "$OUT/ref-$name.out" 2> "$OUT/ref-$name.err"
            code=$?
            if [ "$code" -gt 1 ]; then failed="exit $code: $(tail -1 "$OUT/ref-$name.err")"; break; fi
            tail -1 "$OUT/ref.time" | awk '{print $1}' >> "$OUT/ref.wall"
            tail -1 "$OUT/ref.time" | awk '{print $2 / 1024}' >> "$OUT/ref.rss"
            tail -1 "$OUT/ref.time" | awk '{print $3 + $4}' >> "$OUT/ref.cpu"
        done
        if [ -n "$failed" ]; then
            printf '%-10s %9s rows (%s): failed, %s\n' "$name" "$rows" "$(du -h "$file" | cut -f1)" "$failed"
        else
            printf '%-10s %9s rows (%s): wall %.2f s median of %s (%s), CPU %.2f s, peak RSS %.0f MB\n' "$name" "$rows" \
                "$(du -h "$file" | cut -f1)" "$(median < "$OUT/ref.wall")" "$RUNS" "$(tr '\n' ' ' < "$OUT/ref.wall" | sed 's/ $//')" \
                "$(median < "$OUT/ref.cpu")" "$(median < "$OUT/ref.rss")"
        fi
    done
done
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); JVM flags: $VBP_JVM_FLAGS; jar: $JAR"
