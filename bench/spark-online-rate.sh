#!/usr/bin/env bash
# vbp online-rate on Spark (local[2], vbp-spark.jar) against the single-machine `vbp online-rate`, on the same
# generated ledgers, and how Spark's time grows with the ledger.
#
#   bench/spark-online-rate.sh [ROWS...]        default: 10000000 50000000 100000000
#
# For each size: generate a seeded ledger with `vbp sample ledger` (about 174 bytes a line; checks free disk
# space first), run
#   vbp:   java $VBP_JVM_FLAGS -jar target/vbp.jar online-rate --ledger FILE --all-categories --format csv --quiet
#   spark: java $SPARK_JVM_FLAGS -Dspark.master=local[2] -cp vbp-spark.jar:<Spark's jars> dev.vbp.spark.SparkMain
#          online-rate ... (the same arguments), splits of spark.vbp.splitBytes (default 128m)
# alternating, RUNS times at the first size and once at the others; checks that both print the same bytes;
# reports median wall times (whole processes: JVM and Spark start-up included), the Spark/vbp ratio, peak
# resident memory, and each side's rate per CPU-second (bytes / (user + system CPU time), a per-core rate that a
# busy machine does not dilute as it dilutes wall time). The ledger is deleted after each size unless KEEP=1.
#
# Spark runs as one local JVM (driver and two executor threads), as `spark-submit --master local[2]` would
# run it; Spark's jars come from the local Maven repository (the provided dependencies of spark/pom.xml).
#
# LINKS=1: a size that is a multiple of the first is a directory of hard links to the first size's ledger
# (50 M = the 10 M file five times) instead of a new file: the same parsing work per line without the time
# and disk of generating it; both sides read the directory. VBP_ONCE=1 runs vbp at the first size only.
#
# Environment: RUNS (3), SEED (1), VBP_JVM_FLAGS, SPARK_JVM_FLAGS (-Xmx1g), SPLIT (128m), KEEP, LINKS, VBP_ONCE.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SEED=${SEED:-1}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
SPARK_JVM_FLAGS=${SPARK_JVM_FLAGS:-"-Xmx1g"}
SPLIT=${SPLIT:-128m}
OUT=bench/out
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000000 50000000 100000000)
mkdir -p "$OUT"

JAR=target/vbp.jar
SPARK_JAR=spark/target/vbp-spark.jar
if [ ! -f "$JAR" ] || [ ! -f "$SPARK_JAR" ]; then
    ./mvnw -q -B install -DskipTests
    ./mvnw -q -B -f spark/pom.xml package -DskipTests
fi
# copies, so a rebuild while the benchmark runs does not change what it measures
mkdir -p "$OUT/jars"; cp "$JAR" "$SPARK_JAR" "$OUT/jars/"
JAR="$OUT/jars/vbp.jar"; SPARK_JAR="$OUT/jars/vbp-spark.jar"
CP_FILE="$OUT/spark-classpath.txt"
[ -s "$CP_FILE" ] || ./mvnw -q -B -f spark/pom.xml dependency:build-classpath -Dmdep.includeScope=provided \
    -Dmdep.excludeArtifactIds=vbp -Dmdep.outputFile="$PWD/$CP_FILE"
# what spark-submit adds on Java 17 (see spark/pom.xml)
MODULE_FLAGS=$(sed -n '/<spark.jvm.options>/,/<\/spark.jvm.options>/p' spark/pom.xml | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')

measure() { # LOG OUT COMMAND... → "WALL_SECONDS PEAK_RSS_KB CPU_SECONDS" in $OUT/measure.txt
    local log=$1 out=$2; shift 2
    if ! /usr/bin/time -o "$OUT/time.txt" -f "%e %M %U %S" "$@" >"$out" 2>"$log"; then
        echo "failed: $*" >&2; tail -20 "$log" >&2; exit 1
    fi
    awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$OUT/time.txt" > "$OUT/measure.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

RESULTS="$OUT/spark-results.md"
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, runs=$RUNS (first size), splits $SPLIT, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "vbp: \`$VBP_JVM_FLAGS\`, default threads; Spark: local[2], \`$SPARK_JVM_FLAGS\`"
    echo
    echo "| lines | file | vbp wall (median) | Spark local[2] wall (median) | Spark/vbp | vbp MB per CPU-s | Spark MB per CPU-s | vbp peak RSS | Spark peak RSS | same bytes |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} >> "$RESULTS"

first=1
BASE_ROWS=${SIZES[0]}
BASE="$OUT/ledger-$BASE_ROWS-$SEED.csv"
for ROWS in "${SIZES[@]}"; do
    LEDGER="$OUT/ledger-$ROWS-$SEED.csv"
    if [ "${LINKS:-0}" = 1 ] && [ $first = 0 ] && [ $((ROWS % BASE_ROWS)) = 0 ] && [ -f "$BASE" ]; then
        LEDGER="$OUT/ledger-$ROWS-$SEED"
        rm -rf "$LEDGER"; mkdir -p "$LEDGER"
        for k in $(seq $((ROWS / BASE_ROWS))); do ln "$BASE" "$LEDGER/part-$(printf %03d "$k").csv"; done
    elif [ ! -f "$LEDGER" ]; then
        need_kb=$((ROWS * 180 / 1024 + 1048576))
        free_kb=$(df -Pk "$OUT" | awk 'NR==2 {print $4}')
        df -h "$OUT" >&2
        [ "$free_kb" -lt "$need_kb" ] && { echo "not enough disk space for $ROWS lines ($((need_kb / 1024)) MB)" >&2; exit 1; }
        java $VBP_JVM_FLAGS -jar "$JAR" sample ledger --rows "$ROWS" --seed "$SEED" --out "$LEDGER"
    fi
    runs=1; [ $first = 1 ] && runs=$RUNS
    for f in vbp-wall vbp-rss vbp-cpu spark-wall spark-rss spark-cpu; do : > "$OUT/$f.txt"; done
    for run in $(seq "$runs"); do
        if [ $first = 1 ] || [ "${VBP_ONCE:-0}" != 1 ]; then
            measure "$OUT/vbp.log" "$OUT/vbp-$ROWS.csv" java $VBP_JVM_FLAGS -jar "$JAR" online-rate --ledger "$LEDGER" \
                --all-categories --format csv --quiet
            read -r wall rss cpu < "$OUT/measure.txt"; echo "$wall" >> "$OUT/vbp-wall.txt"; echo "$rss" >> "$OUT/vbp-rss.txt"
            echo "$cpu" >> "$OUT/vbp-cpu.txt"
            echo "vbp   $ROWS run $run: ${wall}s, CPU ${cpu}s, peak RSS ${rss} KB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
        fi
        # shellcheck disable=SC2086
        measure "$OUT/spark.log" "$OUT/spark-$ROWS.csv" java $MODULE_FLAGS $SPARK_JVM_FLAGS -Dspark.master='local[2]' \
            -Dspark.ui.enabled=false -Dspark.ui.showConsoleProgress=false -Dspark.vbp.splitBytes="$SPLIT" \
            -cp "$SPARK_JAR:$(cat "$CP_FILE")" dev.vbp.spark.SparkMain online-rate --ledger "$LEDGER" \
            --all-categories --format csv --quiet
        read -r wall rss cpu < "$OUT/measure.txt"; echo "$wall" >> "$OUT/spark-wall.txt"; echo "$rss" >> "$OUT/spark-rss.txt"
        echo "$cpu" >> "$OUT/spark-cpu.txt"
        echo "spark $ROWS run $run: ${wall}s, CPU ${cpu}s, peak RSS ${rss} KB, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    done
    same=-; vw=-; vr=0; vc=0
    if [ -s "$OUT/vbp-wall.txt" ]; then
        if cmp -s "$OUT/vbp-$ROWS.csv" "$OUT/spark-$ROWS.csv"; then same=yes; else same=NO; fi
        vw=$(median < "$OUT/vbp-wall.txt"); vr=$(sort -n "$OUT/vbp-rss.txt" | tail -1); vc=$(median < "$OUT/vbp-cpu.txt")
    elif [ -f "$OUT/spark-$BASE_ROWS.csv" ] && [ -d "$LEDGER" ]; then
        same="(sums ×$((ROWS / BASE_ROWS)) of $BASE_ROWS: not checked)"
    fi
    sw=$(median < "$OUT/spark-wall.txt"); sr=$(sort -n "$OUT/spark-rss.txt" | tail -1); sc=$(median < "$OUT/spark-cpu.txt")
    bytes=$(du -bL "$LEDGER" 2>/dev/null | tail -1 | cut -f1)
    [ -d "$LEDGER" ] && bytes=$(( $(stat -c %s "$BASE") * ROWS / BASE_ROWS ))
    echo "| $ROWS | $((bytes / 1048576)) MB | $vw s | $sw s | $(awk -v a="$sw" -v b="$vw" 'BEGIN {if (b + 0 > 0) printf "%.2f", a / b; else printf "-"}') |" \
         "$(awk -v b="$bytes" -v c="$vc" 'BEGIN {if (c + 0 > 0) printf "%.0f", b / 1048576 / c; else printf "-"}') |" \
         "$(awk -v b="$bytes" -v c="$sc" 'BEGIN {printf "%.0f", b / 1048576 / c}') | $((vr / 1024)) MB | $((sr / 1024)) MB | $same |" >> "$RESULTS"
    [ -d "$LEDGER" ] && rm -rf "$LEDGER"
    first=0
done
[ "${KEEP:-0}" = 1 ] || rm -f "$OUT"/ledger-*-"$SEED".csv
tail -n $((${#SIZES[@]} + 1)) "$RESULTS"
