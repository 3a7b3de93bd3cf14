#!/usr/bin/env bash
# How load, `check`, `status`, `list` and `build` of the release binary grow with the
# territory. Writes generated territories (`scaled` in tests/it/generated.rs, through
# examples/scale_territory.rs) of 1,000 and 10,000 objectives (5,000 and 50,000 actors, about
# 51,000 and 510,000 links), runs each command RUNS times and prints the fastest run's wall
# time and CPU time (user + system), the peak memory over the runs, and the ratio between
# consecutive sizes. Not part of CI.
#
# Usage: scripts/bench-scale.sh [--no-build] [OBJECTIVES...]     (default: 1000 10000)
#   --no-build   leave out `actormap build` (a first build, every file: SVG and PNG maps,
#                the web page, the dossier's PDF and PowerPoint file)
#   RUNS=5    runs per command; TIMEOUT=300 seconds before a run is cut
#   ACTORMAP=path/to/actormap   time another binary (an older build) on the same territories
#
# "load" is `check` with every rule turned off: reading and indexing the territory. Each
# command loads the territory itself, so "load+check+status" counts the load once:
# check + status - load, what one session that loads, checks and reports progress costs; its
# memory is the largest of the three. Each command's peak memory (resident set, MB, the
# largest of its runs) is on its own row, `build`'s apart from the others'. The last lines
# say whether issue 9's goals are met on the largest territory.
# Other work on the machine slows every run (wall and CPU time alike, through the shared
# caches): the fastest of several runs is the best estimate of an idle machine, and the load
# average is printed first.
set -euo pipefail
cd "$(dirname "$0")/.."

with_build=true
sizes=()
for arg in "$@"; do
    case "$arg" in
        --no-build) with_build=false ;;
        -h | --help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *[!0-9]* | '') echo "error: \"$arg\" is not a number of objectives (try --help)" >&2; exit 2 ;;
        *) sizes+=("$arg") ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-5}
limit=${TIMEOUT:-300}
[ -x /usr/bin/time ] || { echo "error: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

cargo build --release --quiet --bin actormap --example scale_territory
bin=${ACTORMAP:-target/release/actormap}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every rule turned off: `check` then only loads the territory (and prints an empty report).
no_rules=()
for rule in $("$bin" rules --format json | sed -n 's/^    "name": "\(.*\)",$/\1/p'); do
    no_rules+=(--allow "$rule")
done

# CPU time (user + system) is taken from bash's `time`, to the millisecond (/usr/bin/time,
# used for the peak memory, gives hundredths of a second: too coarse for runs of 50 ms); it
# counts the two wrappers (/usr/bin/time and timeout), whose own cost, measured on `true`,
# is taken off (`overhead`).
TIMEFORMAT='%3U %3S'
overhead=0

# run NAME COMMAND...: sets wall[NAME] and cpu[NAME] (seconds of the fastest run by wall time;
# empty when a run passed the limit) and peak[NAME] (largest resident set of the runs, MB).
# When $fresh names a folder, it is removed before each run, untimed: every `build` is a first
# one (into a folder it has already filled, a build finds nothing changed and draws nothing).
declare -A wall cpu peak
fresh=""
run() {
    local name=$1 results=() top=0 rc start end stat times
    shift
    for _ in $(seq "$runs"); do
        rc=0
        [ -n "$fresh" ] && rm -rf "$fresh"
        start=$(date +%s%N)
        { time /usr/bin/time -f '%M' -o "$work/time" timeout "$limit" "$@" >/dev/null 2>"$work/err" || rc=$?; } 2>"$work/cpu"
        end=$(date +%s%N)
        if [ "$rc" = 124 ]; then
            wall[$name]="" cpu[$name]="" peak[$name]=""
            return
        elif [ "$rc" != 0 ] && [ "$rc" != 1 ]; then # 1: findings of error severity
            echo "error: $* exited with $rc:" >&2
            cat "$work/err" >&2
            exit 2
        fi
        stat=$(tail -n1 "$work/time")
        times=$(tail -n1 "$work/cpu")
        results+=("$(((end - start) / 1000000)) $times $stat")
        [ "$stat" -gt "$top" ] && top=$stat
    done
    read -r ms user system _ < <(printf '%s\n' "${results[@]}" | sort -n | head -n1)
    wall[$name]=$(awk -v ms="$ms" 'BEGIN {printf "%.3f", ms / 1000}')
    cpu[$name]=$(awk -v u="$user" -v s="$system" -v o="$overhead" 'BEGIN {printf "%.3f", u + s - o}')
    peak[$name]=$((top / 1024))
}

cell() { # seconds
    if [ -z "$1" ]; then printf '> %s s' "$limit"; else printf '%.2f s' "$1"; fi
}

# load + check + status with the load counted once; empty when one of them is missing.
session() { # load check status
    [ -n "$1" ] && [ -n "$2" ] && [ -n "$3" ] || return 0
    awk -v l="$1" -v c="$2" -v s="$3" 'BEGIN {printf "%.3f", c + s - l}'
}

run wrappers true
overhead=${cpu[wrappers]}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; fastest of $runs runs"
commands=(load check status list)
$with_build && commands+=(build)
printf '%-28s%-6s' "objectives / actors / links" ""
for c in "${commands[@]}"; do printf '%-10s' "$c"; done
printf '%s\n' "load+check+status"
declare -A seen
for n in "${sizes[@]}"; do
    dir="$work/t$n"
    summary=$(target/release/examples/scale_territory "$n" "$dir")
    counts=$(echo "$summary" | sed -E 's/.*: [0-9]+ domains, ([0-9]+) objectives, ([0-9]+) actors, ([0-9]+) links.*/\1 \/ \2 \/ \3/')
    run load "$bin" check "$dir" "${no_rules[@]}"
    run check "$bin" check "$dir"
    run status "$bin" status "$dir"
    run list "$bin" list "$dir"
    if $with_build; then
        fresh="$work/out$n"
        run build "$bin" build "$dir" --out "$work/out$n"
        fresh=""
    fi
    rm -rf "$work/out$n" "$dir"
    for kind in wall cpu; do
        declare -n times=$kind
        if [ "$kind" = wall ]; then printf '%-28s' "$counts"; else printf '%-28s' ""; fi
        printf '%-6s' "$kind"
        for c in "${commands[@]}"; do
            printf '%-10s' "$(cell "${times[$c]}")"
            seen[$n,$kind,$c]=${times[$c]}
        done
        total=$(session "${times[load]}" "${times[check]}" "${times[status]}")
        seen[$n,$kind,total]=$total
        cell "$total"
        echo
        unset -n times
    done
    # Peak memory, MB: each command's, then the largest of load, check and status.
    printf '%-28s%-6s' "" "MB"
    top=0
    for c in "${commands[@]}"; do
        printf '%-10s' "${peak[$c]:--}"
        seen[$n,mem,$c]=${peak[$c]}
        case "$c" in load | check | status)
            if [ -z "${peak[$c]}" ]; then top=""; elif [ -n "$top" ] && [ "${peak[$c]}" -gt "$top" ]; then top=${peak[$c]}; fi ;;
        esac
    done
    seen[$n,mem,total]=$top
    echo "${top:--}"
    last=$n
done

# Ratios between consecutive sizes: ten times the data should cost at most twelve times the time.
for ((i = 1; i < ${#sizes[@]}; i++)); do
    small=${sizes[i - 1]} big=${sizes[i]}
    for kind in wall cpu; do
        if [ "$kind" = wall ]; then printf '%-28s' "ratio $big / $small"; else printf '%-28s' ""; fi
        printf '%-6s' "$kind"
        for c in "${commands[@]}" total; do
            a=${seen[$small,$kind,$c]} b=${seen[$big,$kind,$c]}
            ratio=-
            if [ -n "$a" ] && [ -n "$b" ]; then
                ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {if (a > 0) printf "x %.1f", b / a; else print "-"}')
            fi
            printf '%-10s' "$ratio"
        done
        echo
    done
done

# Issue 9's goals, on the largest territory (and, for the ratio, against the one before it).
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
below() { awk -v a="$1" -v b="$2" 'BEGIN {print (a != "" && a < b) ? 1 : 0}'; }
echo
echo "goals of issue 9, on $(nproc) cores, the largest territory ($last objectives):"
total=${seen[$last,wall,total]}
goal() { printf '  %-46s%s\n' "$1" "$2"; }
goal "load + check + status under 2 s:" "$(cell "$total"), $(verdict "$(below "$total" 2)")"
mem=${seen[$last,mem,total]}
goal "... and under 500 MB at its peak:" "${mem:--} MB, $(verdict "$(below "$mem" 500)")"
if [ ${#sizes[@]} -gt 1 ]; then
    small=${sizes[${#sizes[@]} - 2]}
    for kind in wall cpu; do
        a=${seen[$small,$kind,total]} b=${seen[$last,$kind,total]}
        ratio=$(awk -v a="$a" -v b="$b" -v n="$last" -v m="$small" \
            'BEGIN {if (a > 0 && b != "") printf "%.1f", (b / a) / (n / m) * 10; else print ""}')
        goal "ten times the data, at most 12 times ($kind):" "x ${ratio:--}, $(verdict "$(below "$ratio" 12.05)")"
    done
fi
if $with_build; then
    build=${seen[$last,wall,build]}
    goal "a first build under 30 s:" "$(cell "$build"), $(verdict "$(below "$build" 30)")"
fi
