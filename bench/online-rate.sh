#!/usr/bin/env bash
# Online-purchase rate benchmark: the real `vbp online-rate` command against DuckDB on the same generated ledger.
#
#   bench/online-rate.sh [ROWS...]              default: 2000000 10000000
#   LEDGER=wide bench/online-rate.sh 10000000   the wide ledger, with an institutions file
#
# LEDGER=narrow (default): a seeded ledger from `vbp sample ledger` (about 175 bytes a line, 12 columns with
# order numbers, specs and manufacturers), no institutions file:
#   vbp:    java $VBP_JVM_FLAGS -jar target/vbp.jar online-rate --ledger FILE --all-categories --format csv --quiet
# LEDGER=wide: a seeded ledger from bench/WideLedgerGenerator.java (about 93 bytes a line: date, institution,
# product, generic name, quantity, unit price, amount, channel; 3,000 institutions, 2,000 products, 1% returns)
# and its institutions file:
#   vbp:    ... online-rate --ledger FILE --institutions INST --by institution --all-categories --format csv --quiet
# DuckDB:   bench/DuckDbOnlineRate.java over the JDBC driver (read_csv(all_varchar) + DECIMAL(18,4) casts, sums
#           rounded to the fen half away from zero with ROUND(sum, 2); names joined from INST for LEDGER=wide)
# both giving per institution the online and offline amount, line counts, online rate by amount and notes.
# Runs RUNS times each, alternating. Checks that both give the same institutions and names, the same sums to
# the fen (numbers compared after stripping trailing zeros), the same line counts and notes, and rates within
# 1e-9; reports median wall times (whole processes, JVM start included), their ratio, median CPU seconds
# (user + system) and the peak resident memory of each.
#
# Environment: LEDGER (narrow), RUNS (5), SEED (1), THREADS (default: vbp's own default and nproc for DuckDB),
# KEEP=1 keeps the generated ledgers, JAR (target/vbp.jar: another build to time, not rebuilt), VBP_JVM_FLAGS
# (the flags the ./vbp launcher uses), DUCKDB_VERSION, MAVEN_REPO (~/.m2/repository),
# GROUP_PROBE=institution,product,month also runs bench/LedgerGroupingProbe.java once per size with that
# grouping (heap sizing).
# DuckDB is fetched into the local Maven repository with dependency:get; it is never a dependency of vbp.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
KIND=${LEDGER:-narrow}
case "$KIND" in narrow|wide) ;; *) echo "LEDGER must be narrow or wide" >&2; exit 2 ;; esac
SEED=${SEED:-1}
THREADS=${THREADS:-}
VBP_JVM_FLAGS=${VBP_JVM_FLAGS:-"-XX:+UseSerialGC -Xmx512m"}
DUCKDB_VERSION=${DUCKDB_VERSION:-2.0.0.1}
MAVEN_REPO=${MAVEN_REPO:-$HOME/.m2/repository}
OUT=bench/out
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(2000000 10000000)
mkdir -p "$OUT"

# (a) the project jar, rebuilt when a source is newer
if [ -n "${JAR:-}" ]; then
    [ -f "$JAR" ] || { echo "no such jar: $JAR" >&2; exit 2; }
elif JAR=target/vbp.jar; [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
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
[ -n "${GROUP_PROBE:-}" ] && javac -cp "$JAR" -d "$OUT/classes" bench/LedgerGroupingProbe.java
VBP_THREADS=(); DUCK_THREADS=(--threads "$(nproc)")
[ -n "$THREADS" ] && VBP_THREADS=(--threads "$THREADS") && DUCK_THREADS=(--threads "$THREADS")

# measure LOG OUT COMMAND...: runs COMMAND with standard output to OUT and standard error to LOG, and
# writes "WALL_SECONDS PEAK_RSS_KB CPU_SECONDS" to $OUT/measure.txt (CPU: user + system, "-" when unknown).
# Stops the script (showing LOG) when COMMAND fails.
measure() {
    local log=$1 out=$2; shift 2
    if [ -x /usr/bin/time ]; then
        if ! /usr/bin/time -o "$OUT/time.txt" -f "%e %M %U %S" "$@" >"$out" 2>"$log"; then
            echo "failed: $*" >&2; cat "$log" >&2; exit 1
        fi
        awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$OUT/time.txt" > "$OUT/measure.txt"
    else # poll /proc for the peak
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
        echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') $peak -" > "$OUT/measure.txt"
    fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# compare VBP_CSV DUCKDB_CSV: same header, same institutions, sums equal once trailing zeros are stripped,
# same line counts and notes, rates within 1e-9. Prints the first difference.
compare() {
    awk -F, '
        function norm(x) { if (x ~ /\./) { sub(/0+$/, "", x); sub(/\.$/, "", x) } if (x == "-0") x = "0"; return x }
        function d(a, b) { return a > b ? a - b : b - a }
        FNR == 1 { if (NR == 1) h = $0; else if ($0 != h) { print "headers differ: " h " vs " $0; bad = 1 } next }
        NR == FNR { row[$1] = $0; n++; next }
        {   m++
            if (!($1 in row)) { print "only in DuckDB: " $0; bad = 1; exit }
            split(row[$1], v, ",")
            if (v[2] != $2 || norm(v[3]) != norm($3) || norm(v[4]) != norm($4) || v[5] != $5 || v[6] != $6 || v[8] != $8) {
                print "differs: vbp " row[$1] " vs DuckDB " $0; bad = 1; exit
            }
            if ((v[7] == "") != ($7 == "") || (v[7] != "" && d(v[7], $7) > 1e-9)) { print "rate differs: vbp " row[$1] " vs DuckDB " $0; bad = 1; exit }
        }
        END { if (bad) exit 1; if (m != n || n == 0) { print "institution counts differ: vbp " n ", DuckDB " m; exit 1 } }' "$1" "$2"
}

RESULTS="$OUT/results.md"
{
    echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, ledger=$KIND, threads=${THREADS:-default}, runs=$RUNS, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "vbp JVM flags: \`$VBP_JVM_FLAGS\`; DuckDB $DUCKDB_VERSION (JDBC, in-process)"
    echo
    echo "| lines | file | vbp wall (median) | DuckDB wall (median) | vbp/DuckDB | vbp runs | DuckDB runs | vbp CPU s (median) | DuckDB CPU s (median) | vbp peak RSS | DuckDB peak RSS | institutions | same figures |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >> "$RESULTS"

for ROWS in "${SIZES[@]}"; do
    VBP_ARGS=(--all-categories --format csv --quiet)
    DUCK_ARGS=()
    if [ "$KIND" = wide ]; then
        LEDGER="$OUT/wide-ledger-$ROWS-$SEED.csv"
        INSTITUTIONS="$OUT/wide-institutions-$SEED.csv"
        VBP_ARGS=(--institutions "$INSTITUTIONS" --by institution "${VBP_ARGS[@]}")
        DUCK_ARGS=(--institutions "$INSTITUTIONS")
    else
        LEDGER="$OUT/ledger-$ROWS-$SEED.csv"
    fi
    if [ ! -f "$LEDGER" ] || { [ "$KIND" = wide ] && [ ! -f "$INSTITUTIONS" ]; }; then
        need_kb=$((ROWS * 180 / 1024 + 1048576))
        free_kb=$(df -Pk "$OUT" | awk 'NR==2 {print $4}')
        if [ "$free_kb" -lt "$need_kb" ]; then
            echo "not enough disk space for $ROWS lines ($((need_kb / 1024)) MB needed)" >&2
            exit 1
        fi
        if [ "$KIND" = wide ]; then
            java bench/WideLedgerGenerator.java "$ROWS" "$SEED" "$LEDGER" "$INSTITUTIONS"
        else
            java $VBP_JVM_FLAGS -jar "$JAR" sample ledger --rows "$ROWS" --seed "$SEED" --out "$LEDGER"
        fi
    fi
    cat "$LEDGER" > /dev/null # both sides start with the file in the page cache
    for f in vbp-wall vbp-rss vbp-cpu duck-wall duck-rss duck-cpu; do : > "$OUT/$f.txt"; done
    for run in $(seq "$RUNS"); do
        measure "$OUT/vbp.log" "$OUT/vbp-$ROWS.csv" java $VBP_JVM_FLAGS -jar "$JAR" online-rate --ledger "$LEDGER" \
            "${VBP_ARGS[@]}" "${VBP_THREADS[@]}"
        read -r wall rss cpu < "$OUT/measure.txt"
        echo "$wall" >> "$OUT/vbp-wall.txt"; echo "$rss" >> "$OUT/vbp-rss.txt"; echo "$cpu" >> "$OUT/vbp-cpu.txt"
        echo "vbp    run $run: ${wall}s, CPU ${cpu}s, peak RSS ${rss} KB" >&2

        measure "$OUT/duck.log" /dev/null java -cp "$DUCKDB_JAR:$OUT/classes" \
            DuckDbOnlineRate "${DUCK_THREADS[@]}" "${DUCK_ARGS[@]}" --out "$OUT/duckdb-$ROWS.csv" "$LEDGER"
        read -r wall rss cpu < "$OUT/measure.txt"
        echo "$wall" >> "$OUT/duck-wall.txt"; echo "$rss" >> "$OUT/duck-rss.txt"; echo "$cpu" >> "$OUT/duck-cpu.txt"
        echo "duckdb run $run: ${wall}s, CPU ${cpu}s, peak RSS ${rss} KB; $(grep '^duckdb:' "$OUT/duck.log")" >&2
    done
    if compare "$OUT/vbp-$ROWS.csv" "$OUT/duckdb-$ROWS.csv"; then same=yes; else same=NO; fi
    vw=$(median < "$OUT/vbp-wall.txt"); dw=$(median < "$OUT/duck-wall.txt")
    vrange="$(sort -n "$OUT/vbp-wall.txt" | head -1)–$(sort -n "$OUT/vbp-wall.txt" | tail -1) s"
    drange="$(sort -n "$OUT/duck-wall.txt" | head -1)–$(sort -n "$OUT/duck-wall.txt" | tail -1) s"
    vr=$(sort -n "$OUT/vbp-rss.txt" | tail -1); dr=$(sort -n "$OUT/duck-rss.txt" | tail -1)
    if grep -q -- - "$OUT/vbp-cpu.txt"; then vc=-; dc=-; else vc="$(median < "$OUT/vbp-cpu.txt") s"; dc="$(median < "$OUT/duck-cpu.txt") s"; fi
    ratio=$(awk -v a="$vw" -v b="$dw" 'BEGIN {printf "%.2f", a / b}')
    size=$(du -h "$LEDGER" | cut -f1)
    institutions=$(($(wc -l < "$OUT/vbp-$ROWS.csv") - 1))
    echo "| $ROWS | $size | ${vw} s | ${dw} s | $ratio | $vrange | $drange | $vc | $dc | $((vr / 1024)) MB | $((dr / 1024)) MB | $institutions | $same |" | tee -a "$RESULTS"
    if [ -n "${GROUP_PROBE:-}" ]; then
        measure "$OUT/probe.log" /dev/null java $VBP_JVM_FLAGS -cp "$JAR:$OUT/classes" LedgerGroupingProbe \
            --group-by "$GROUP_PROBE" "$LEDGER"
        read -r wall rss _ < "$OUT/measure.txt"
        echo "$(cat "$OUT/probe.log"): ${wall}s, peak RSS $((rss / 1024)) MB" | tee -a "$OUT/probe-results.txt" >&2
    fi
    [ "${KEEP:-0}" = 1 ] || rm -f "$LEDGER" ${INSTITUTIONS:+"$INSTITUTIONS"}
    [ "$same" = yes ] || { echo "vbp and DuckDB disagree" >&2; exit 1; }
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
echo >> "$RESULTS"
echo "results appended to $RESULTS" >&2
