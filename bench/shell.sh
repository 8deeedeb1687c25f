#!/usr/bin/env bash
# Warm shell against fresh process: the tenth `online-rate --by county` inside `vbp shell` (files parsed
# and the scan kept from the first) against the same command as a new process (JVM start, reading, scan).
#
#   bench/shell.sh [ROWS]          default: 2000000
#
# Generates a seeded ledger of ROWS lines with `vbp sample ledger` (institutions of sample-data/), then
#   cold: RUNS times  java $VBP_JVM_FLAGS -jar target/vbp.jar online-rate --ledger FILE --institutions
#         sample-data/institutions.csv --by county --quiet > /dev/null          (wall time of the process)
#   warm: RUNS shell sessions, each `set timing on` and ten times the same command; the shell prints each
#         command's wall time (parse, run, render); the tenth is taken
# and reports the median of each and warm / cold. Environment: RUNS (5), SEED (1), VBP_JVM_FLAGS, KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
# The shell's timing lines are read in English ("time: X ms"), whatever the language of the environment.
export VBP_LANG=en

ROWS=${1:-2000000}
RUNS=${RUNS:-5}
SEED=${SEED:-1}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
OUT=bench/out
mkdir -p "$OUT"

JAR=target/vbp.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
    echo "building $JAR" >&2
    ./mvnw -q -B -DskipTests package
fi
vbp() { java $VBP_JVM_FLAGS -jar "$JAR" "$@"; }

LEDGER="$OUT/shell-ledger-$ROWS.csv"
[ -f "$LEDGER" ] || vbp sample ledger --rows "$ROWS" --seed "$SEED" --institutions sample-data/institutions.csv --out "$LEDGER" -q
QUERY="online-rate --ledger $LEDGER --institutions sample-data/institutions.csv --by county --quiet"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

cold=()
for i in $(seq "$RUNS"); do
    start=$(date +%s%N)
    vbp $QUERY > /dev/null
    end=$(date +%s%N)
    cold+=("$(( (end - start) / 1000000 ))")
done

SCRIPT="$OUT/shell-queries.vbp"
{ echo "set timing on"; for i in $(seq 10); do echo "$QUERY"; done; } > "$SCRIPT"
warm=()
for i in $(seq "$RUNS"); do
    times=$(vbp shell < "$SCRIPT" 2>&1 >/dev/null | sed -n 's/^time: \([0-9.]*\) ms$/\1/p')
    [ "$(echo "$times" | wc -l)" -eq 10 ] || { echo "expected 10 timings, got: $times" >&2; exit 1; }
    echo "session $i, ms per query: $(echo $times)" >&2
    warm+=("$(echo "$times" | tail -1)")
done

cold_median=$(printf '%s\n' "${cold[@]}" | median)
warm_median=$(printf '%s\n' "${warm[@]}" | median)
echo "ledger: $ROWS lines, $(du -h "$LEDGER" | cut -f1); $(nproc) cores; runs: $RUNS"
echo "cold (fresh process) ms: ${cold[*]}  median $cold_median"
echo "warm (10th in the shell) ms: ${warm[*]}  median $warm_median"
awk -v w="$warm_median" -v c="$cold_median" 'BEGIN { printf "warm / cold: %.2f%%\n", 100 * w / c }'
[ "${KEEP:-0}" = 1 ] || rm -f "$LEDGER"
