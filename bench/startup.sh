#!/usr/bin/env bash
# Start-up: `vbp --version` and `vbp price-drop --help` as whole processes, medians of RUNS (5), the
# variants alternating in one run so that they see the same load:
#   launcher    ./vbp ...                 (what users run: the class-data-sharing archive when present)
#   no-archive  java -XX:+UseSerialGC -Xmx512m -jar target/vbp.jar ...   (the same jar, no archive)
#   before      the same, with BEFORE_JAR (a jar built from an older commit), when BEFORE_JAR is set
# Prints wall seconds and CPU seconds (user + system) of each, and the ratio to the first variant given.
#
#   bench/startup.sh
#   BEFORE_JAR=/tmp/vbp-before.jar RUNS=9 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
./vbp --version > /dev/null # builds the jar and the archive when needed

variants=(launcher no-archive)
[ -n "${BEFORE_JAR:-}" ] && variants+=(before)
run() { # VARIANT ARGS...
    local v=$1; shift
    case $v in
        launcher) ./vbp "$@" ;;
        no-archive) java -XX:+UseSerialGC -Xmx512m -jar target/vbp.jar "$@" ;;
        before) java -XX:+UseSerialGC -Xmx512m -jar "$BEFORE_JAR" "$@" ;;
    esac
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
export -f run
export BEFORE_JAR

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for cmd in "--version" "price-drop --help"; do
    key=${cmd// /_}
    for i in $(seq "$RUNS"); do
        for v in "${variants[@]}"; do
            # shellcheck disable=SC2086 # $cmd is the words of one command line
            /usr/bin/time -o "$tmp/t" -f "%e %U %S" bash -c 'run "$@"' run "$v" $cmd > /dev/null
            awk '{print $1}' "$tmp/t" >> "$tmp/$key.$v.wall"
            awk '{print $2 + $3}' "$tmp/t" >> "$tmp/$key.$v.cpu"
        done
    done
    first=""
    for v in "${variants[@]}"; do
        w=$(median < "$tmp/$key.$v.wall"); c=$(median < "$tmp/$key.$v.cpu")
        [ -z "$first" ] && first="$w $c"
        awk -v cmd="vbp $cmd" -v v="$v" -v w="$w" -v c="$c" -v f="$first" 'BEGIN {
            split(f, b, " ");
            printf "%-22s %-11s wall %.2f s  cpu %.2f s  (wall %.2fx, cpu %.2fx of %s)\n", cmd, v, w, c, w / b[1], c / b[2], "launcher" }'
    done
done
echo "runs: $RUNS each; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
