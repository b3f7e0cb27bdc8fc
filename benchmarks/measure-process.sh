#!/usr/bin/env bash
# Whole-process measurements BenchmarkDotNet cannot take (docs/performance.md): the installed tool's cold start, and
# batch throughput, output size and peak memory file to file, beside the floor (each line parsed into a Newtonsoft
# token tree and written back) on the same file in the same run. Every figure is the median of RUNS runs (default 5)
# with min and max, and the load average is printed before each group: on a shared machine, read it first.
# Usage: bash benchmarks/measure-process.sh [N cases, default 200000] ; RUNS=7 for more runs. Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" # A private cache: the packed tool is never confused with another of its version.

dotnet build src/Coding.Cli -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/Coding.Benchmarks -c Release -v quiet -nologo >/dev/null
cli="dotnet src/Coding.Cli/bin/Release/net10.0/IntraperitonealCoding.Tool.dll"
bench="dotnet benchmarks/Coding.Benchmarks/bin/Release/net10.0/Coding.Benchmarks.dll"

# median min max of the numbers on stdin
stats() { sort -g | awk '{a[NR]=$1} END {printf "median %s, min %s, max %s", a[int((NR+1)/2)], a[1], a[NR]}'; }
# time one command RUNS times; prints wall and peak RSS statistics
measure() {
  local label=$1; shift
  : >"$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" -o "$work/one" "$@" >/dev/null 2>"$work/err" || true
    grep -v '^Command' "$work/one" >>"$work/times" # GNU time notes a non-zero exit (1: findings with errors) on a line of its own
  done
  printf "   %-34s wall s: %s | peak RSS KB: %s | CPU s: %s\n" "$label" \
    "$(cut -d' ' -f1 "$work/times" | stats)" "$(cut -d' ' -f2 "$work/times" | stats)" \
    "$(awk '{print $3+$4}' "$work/times" | stats)"
}

echo "== cold start: the installed tool codes one example ($runs runs); $(uptime | sed 's/.*load/load/')"
dotnet pack src/Coding.Cli -c Release -o "$work/feed" -v quiet -nologo >/dev/null
printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="local" value="%s" /></packageSources></configuration>\n' "$work/feed" >"$work/nuget.config"
dotnet tool install --tool-path "$work/tool" --configfile "$work/nuget.config" IntraperitonealCoding.Tool >/dev/null
"$work/tool/coding" code examples/hipec-crs-appendix-professional.yaml >/dev/null || true # the first run fills the OS's file cache
measure "coding code (installed, ReadyToRun)" "$work/tool/coding" code examples/hipec-crs-appendix-professional.yaml
measure "coding code (dotnet bin/Release)" $cli code examples/hipec-crs-appendix-professional.yaml

echo "== batch: $n generated cases (seed 7), file to file ($runs runs each); $(uptime | sed 's/.*load/load/')"
$cli generate "$n" --seed 7 --out "$work/cases.jsonl"
measure "floor (Newtonsoft tree, read + write)" $bench floor "$work/cases.jsonl" "$work/floor.jsonl"
measure "batch --parallel 1" $cli batch "$work/cases.jsonl" --out "$work/r1.jsonl"
measure "batch --parallel 2" $cli batch "$work/cases.jsonl" --out "$work/r2.jsonl" --parallel 2
measure "batch --compact --parallel 1" $cli batch "$work/cases.jsonl" --out "$work/c1.jsonl" --compact
measure "batch --compact --parallel 2" $cli batch "$work/cases.jsonl" --out "$work/c2.jsonl" --compact --parallel 2
measure "installed tool: batch --parallel 1" "$work/tool/coding" batch "$work/cases.jsonl" --out "$work/t1.jsonl"
measure "installed tool: batch --parallel 2" "$work/tool/coding" batch "$work/cases.jsonl" --out "$work/t2.jsonl" --parallel 2
measure "installed tool: --compact --parallel 2" "$work/tool/coding" batch "$work/cases.jsonl" --out "$work/t3.jsonl" --compact --parallel 2
cmp "$work/r1.jsonl" "$work/r2.jsonl" && cmp "$work/c1.jsonl" "$work/c2.jsonl" && cmp "$work/r1.jsonl" "$work/t2.jsonl" && echo "   parallel and sequential outputs are byte-identical"
echo "   input $(wc -l <"$work/cases.jsonl") lines; output $(wc -l <"$work/r1.jsonl") records; bytes per case: full $(( $(stat -c %s "$work/r1.jsonl") / n )), compact $(( $(stat -c %s "$work/c1.jsonl") / n )) (+ $(stat -c %s "$work/c1.jsonl.notes.json") bytes of notes once)"
echo "== where a sequential batch's time goes (in process, warm); $(uptime | sed 's/.*load/load/')"
$bench profile "$work/cases.jsonl"
