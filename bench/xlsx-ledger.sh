#!/usr/bin/env bash
# A ledger as .xlsx gives the same `vbp online-rate` output as its CSV twin, in flat memory.
#
#   bench/xlsx-ledger.sh            # 1,000,000 lines
#   bench/xlsx-ledger.sh 200000
#
# Generates a seeded ledger with `vbp sample ledger`, writes the same rows as an .xlsx with POI's streaming
# writer (numbers as number cells, dates as date cells, text as inline strings, which streaming writers save; Excel itself writes shared strings, read the same way), runs
# `vbp online-rate` on each with the launcher's JVM flags, compares the two outputs byte for byte and
# reports wall time and peak RSS of each (/usr/bin/time, else /proc polling). One run each: the xlsx side
# is heavy and the machine is shared. KEEP=1 keeps the files (bench/out/).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
SEED=${SEED:-1}
OUT=bench/out
VBP_JVM_FLAGS="-XX:+UseSerialGC -Xmx512m"
# POI logs through Log4j's API; without a provider it complains on stderr. vbp's own entry point sets these.
QUIET="-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory -Dorg.apache.logging.log4j.simplelog.level=OFF"
mkdir -p "$OUT"

if [ ! -f target/vbp.jar ] || [ -n "$(find src/main pom.xml -newer target/vbp.jar -print -quit)" ] \
        || [ ! -f target/test-classes/dev/vbp/read/workbook/CsvToXlsx.class ]; then
    ./mvnw -q -B -DskipTests package >&2
fi
# Private copies, so a rebuild of the tree during the run cannot change what is measured.
cp target/vbp.jar "$OUT/vbp-xlsx-bench.jar"
JAR="$OUT/vbp-xlsx-bench.jar"
rm -rf "$OUT/xlsx-classes"; cp -r target/test-classes "$OUT/xlsx-classes"

measure() { # LOG OUT COMMAND... → "$OUT/measure.txt" holds "WALL_SECONDS PEAK_RSS_KB"
    local log=$1 out=$2; shift 2
    if [ -x /usr/bin/time ]; then
        if ! /usr/bin/time -o "$OUT/time.txt" -f "%e %M" "$@" >"$out" 2>"$log"; then
            echo "failed: $*" >&2; cat "$log" >&2; exit 1
        fi
        cp "$OUT/time.txt" "$OUT/measure.txt"
    else
        local start end peak=0 rss
        start=$(date +%s.%N)
        "$@" >"$out" 2>"$log" & local pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ "${rss:-0}" -gt "$peak" ] && peak=$rss
            sleep 0.05
        done
        wait "$pid" || { echo "failed: $*" >&2; cat "$log" >&2; exit 1; }
        end=$(date +%s.%N)
        echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') $peak" > "$OUT/measure.txt"
    fi
}

CSV="$OUT/xlsx-ledger-$ROWS.csv"
XLSX="$OUT/xlsx-ledger-$ROWS.xlsx"
echo "generating $ROWS lines..." >&2
java $VBP_JVM_FLAGS -jar "$JAR" sample ledger --rows "$ROWS" --seed "$SEED" --out "$CSV" --quiet
measure "$OUT/gen.log" /dev/null java $QUIET -Xmx1g -cp "$OUT/xlsx-classes:$JAR" dev.vbp.read.workbook.CsvToXlsx "$CSV" "$XLSX"
read -r gen_wall gen_rss < "$OUT/measure.txt"

measure "$OUT/csv.log" "$OUT/online-rate-csv.txt" java $VBP_JVM_FLAGS -jar "$JAR" online-rate --ledger "$CSV" \
    --all-categories --format csv --quiet
read -r csv_wall csv_rss < "$OUT/measure.txt"
measure "$OUT/xlsx.log" "$OUT/online-rate-xlsx.txt" java $VBP_JVM_FLAGS -jar "$JAR" online-rate --ledger "$XLSX" \
    --all-categories --format csv --quiet
read -r xlsx_wall xlsx_rss < "$OUT/measure.txt"

if cmp -s "$OUT/online-rate-csv.txt" "$OUT/online-rate-xlsx.txt"; then same=identical; else same=DIFFERENT; fi
{
    echo "## xlsx ledger, $(date -u +%Y-%m-%dT%H:%MZ), $ROWS lines, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| input | size | online-rate wall | peak RSS |"
    echo "|---|---|---|---|"
    echo "| CSV | $(du -h "$CSV" | cut -f1) | ${csv_wall}s | $((csv_rss / 1024)) MB |"
    echo "| xlsx | $(du -h "$XLSX" | cut -f1) | ${xlsx_wall}s | $((xlsx_rss / 1024)) MB |"
    echo
    echo "Outputs: $same ($(wc -l < "$OUT/online-rate-csv.txt") lines). Writing the xlsx (SXSSF): ${gen_wall}s, $((gen_rss / 1024)) MB."
    echo
} | tee -a "$OUT/results.md"
[ "${KEEP:-0}" = 1 ] || rm -f "$CSV" "$XLSX"
[ "$same" = identical ]
