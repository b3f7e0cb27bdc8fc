#!/usr/bin/env bash
# Whole-process measurements BenchmarkDotNet cannot take: the console's cold start, and peak memory and throughput
# when batch-coding 1 million generated cases from a file to a file. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Coding.Cli -c Release -v quiet -nologo >/dev/null
cli="dotnet src/Coding.Cli/bin/Release/net10.0/Coding.Cli.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cold start: 'coding code' on one example, 5 runs"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "   %e s wall, %M KB peak RSS" $cli code examples/hipec-crs-appendix-professional.yaml >/dev/null
done

n=${1:-1000000}
echo "== batch: $n generated cases, file to file"
$cli generate "$n" --seed 11 --out "$work/cases.jsonl"
for p in 1 2; do
  # Exit code 1 only means some generated cases have error findings (by design).
  /usr/bin/time -f "   parallel $p: %e s wall, %M KB peak RSS" $cli batch "$work/cases.jsonl" --out "$work/results-$p.jsonl" --parallel "$p" || true
done
# The runtime reads the gen0 budget only from the environment: parallel batches want a larger one (docs/performance.md).
DOTNET_GCgen0size=0x4000000 /usr/bin/time -f "   parallel 2, DOTNET_GCgen0size=64 MB: %e s wall, %M KB peak RSS" $cli batch "$work/cases.jsonl" --out "$work/results-2g.jsonl" --parallel 2 || true
cmp "$work/results-1.jsonl" "$work/results-2.jsonl" && cmp "$work/results-1.jsonl" "$work/results-2g.jsonl" && echo "   parallel and sequential outputs are byte-identical"
echo "   input $(wc -l < "$work/cases.jsonl") lines, output $(wc -l < "$work/results-1.jsonl") records"
