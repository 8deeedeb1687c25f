#!/usr/bin/env bash
# Online-purchase rate benchmark: vbp's ledger engine against DuckDB on the same generated ledger.
#
#   bench/online-rate.sh [ROWS...]          default: 2000000 10000000
#
# For each size: generate a seeded ledger (about 174 bytes a line), then run RUNS times each, alternating,
# vbp (dev.vbp.engine.ledger.OnlineRateBenchMain) and DuckDB (bench/DuckDbOnlineRate.java over the JDBC
# driver, read_csv(all_varchar) + DECIMAL(18,4) casts), both computing per institution the online amount,
# offline amount and online rate. Checks that both give the same sums to the last 0.0001 yuan and rates
# within 0.000001, and reports median wall times, their ratio and vbp's peak resident memory.
#
# Environment: RUNS (3), SEED (1), THREADS (all processors), KEEP=1 keeps the generated ledgers,
# VBP_JVM_FLAGS (the flags the vbp launcher uses), DUCKDB_VERSION, MAVEN_REPO (~/.m2/repository).
# DuckDB is fetched into the local Maven repository with dependency:get; it is never a dependency of vbp.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SEED=${SEED:-1}
THREADS=${THREADS:-$(nproc)}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
DUCKDB_VERSION=${DUCKDB_VERSION:-2.0.0.1}
MAVEN_REPO=${MAVEN_REPO:-$HOME/.m2/repository}
OUT=bench/out
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(2000000 10000000)
mkdir -p "$OUT"

# (a) the project jar, rebuilt when a source is newer
JAR=target/vbp.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
    echo "building $JAR" >&2
    ./mvnw -q -B -DskipTests package
fi

# DuckDB's JDBC driver, into the local repository only
DUCKDB_JAR="$MAVEN_REPO/org/duckdb/duckdb_jdbc/$DUCKDB_VERSION/duckdb_jdbc-$DUCKDB_VERSION.jar"
if [ ! -f "$DUCKDB_JAR" ]; then
    ./mvnw -q -B dependency:get -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" -Dtransitive=false
fi
mkdir -p "$OUT/classes"
javac -cp "$DUCKDB_JAR" -d "$OUT/classes" bench/DuckDbOnlineRate.java

# Runs a command, prints "WALL_SECONDS PEAK_RSS_KB"; its standard error goes to $2.
measure() {
    local log=$1; shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -o "$OUT/time.txt" -f "%e %M" "$@" 2>"$log"
        cat "$OUT/time.txt"
    else # poll /proc for the peak
        local start end peak=0 rss
        start=$(date +%s.%N)
        "$@" 2>"$log" & local pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
            [ "${rss:-0}" -gt "$peak" ] && peak=$rss
            sleep 0.05
        done
        wait "$pid"
        end=$(date +%s.%N)
        echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') $peak"
    fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Same institutions in the same order, sums equal as text, rates within 1e-6.
compare() {
    awk -F, 'NR==FNR {inst[FNR]=$1; on[FNR]=$2; off[FNR]=$3; rate[FNR]=$4; n=FNR; next}
        {   if ($1 != inst[FNR] || $2 != on[FNR] || $3 != off[FNR]) { print "differs at line " FNR ": " $0 " vs " inst[FNR] "," on[FNR] "," off[FNR]; bad=1; exit 1 }
            if (FNR > 1 && ((rate[FNR] - $4) > 0.000001 || ($4 - rate[FNR]) > 0.000001)) { print "rate differs at line " FNR; bad=1; exit 1 }
            m=FNR }
        END { if (!bad && m != n) { print "line counts differ: " n " vs " m; exit 1 } }' "$1" "$2"
}

RESULTS="$OUT/results.md"
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, threads=$THREADS, runs=$RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "vbp JVM flags: \`$VBP_JVM_FLAGS\`; DuckDB $DUCKDB_VERSION (JDBC, in-process)"
    echo
    echo "| lines | file | vbp wall (median) | DuckDB wall (median) | vbp/DuckDB | vbp scan | DuckDB query | vbp peak RSS | DuckDB peak RSS | same figures |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
} >> "$RESULTS"

for ROWS in "${SIZES[@]}"; do
    LEDGER="$OUT/ledger-$ROWS-$SEED.csv"
    if [ ! -f "$LEDGER" ]; then
        need_kb=$((ROWS * 180 / 1024 + 1048576))
        free_kb=$(df -Pk "$OUT" | awk 'NR==2 {print $4}')
        if [ "$free_kb" -lt "$need_kb" ]; then
            echo "not enough disk space for $ROWS lines ($((need_kb / 1024)) MB needed)" >&2
            exit 1
        fi
        java $VBP_JVM_FLAGS -cp "$JAR" dev.vbp.sample.LedgerGeneratorMain --rows "$ROWS" --seed "$SEED" --out "$LEDGER"
    fi
    cat "$LEDGER" > /dev/null # both sides start with the file in the page cache
    : > "$OUT/vbp-wall.txt"; : > "$OUT/duck-wall.txt"; : > "$OUT/vbp-rss.txt"; : > "$OUT/duck-rss.txt"
    : > "$OUT/vbp-scan.txt"; : > "$OUT/duck-query.txt"
    for run in $(seq "$RUNS"); do
        read -r wall rss < <(measure "$OUT/vbp.log" java $VBP_JVM_FLAGS -cp "$JAR" \
            dev.vbp.engine.ledger.OnlineRateBenchMain --threads "$THREADS" --out "$OUT/vbp-$ROWS.csv" "$LEDGER")
        echo "$wall" >> "$OUT/vbp-wall.txt"; echo "$rss" >> "$OUT/vbp-rss.txt"
        sed -n 's/.*scan_ms=\([0-9]*\).*/\1/p' "$OUT/vbp.log" >> "$OUT/vbp-scan.txt"
        echo "vbp    run $run: ${wall}s, peak RSS ${rss} KB; $(grep '^vbp:' "$OUT/vbp.log")" >&2

        read -r wall rss < <(measure "$OUT/duck.log" java -cp "$DUCKDB_JAR:$OUT/classes" \
            DuckDbOnlineRate --threads "$THREADS" --out "$OUT/duckdb-$ROWS.csv" "$LEDGER")
        echo "$wall" >> "$OUT/duck-wall.txt"; echo "$rss" >> "$OUT/duck-rss.txt"
        sed -n 's/.*query_ms=\([0-9]*\).*/\1/p' "$OUT/duck.log" >> "$OUT/duck-query.txt"
        echo "duckdb run $run: ${wall}s, peak RSS ${rss} KB; $(grep '^duckdb:' "$OUT/duck.log")" >&2
    done
    if compare "$OUT/vbp-$ROWS.csv" "$OUT/duckdb-$ROWS.csv"; then same=yes; else same=NO; fi
    vw=$(median < "$OUT/vbp-wall.txt"); dw=$(median < "$OUT/duck-wall.txt")
    vs=$(median < "$OUT/vbp-scan.txt"); dq=$(median < "$OUT/duck-query.txt")
    vr=$(sort -n "$OUT/vbp-rss.txt" | tail -1); dr=$(sort -n "$OUT/duck-rss.txt" | tail -1)
    ratio=$(awk -v a="$vw" -v b="$dw" 'BEGIN {printf "%.2f", a / b}')
    size=$(du -h "$LEDGER" | cut -f1)
    echo "| $ROWS | $size | ${vw} s | ${dw} s | $ratio | ${vs} ms | ${dq} ms | $((vr / 1024)) MB | $((dr / 1024)) MB | $same |" | tee -a "$RESULTS"
    [ "${KEEP:-0}" = 1 ] || rm -f "$LEDGER"
    [ "$same" = yes ] || { echo "vbp and DuckDB disagree" >&2; exit 1; }
done
echo >> "$RESULTS"
echo "results appended to $RESULTS" >&2
