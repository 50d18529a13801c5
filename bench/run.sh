#!/usr/bin/env bash
# Runs the engine benchmarks; see bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== warm start-up: ./build.sh --help"
./build.sh --help >/dev/null   # compiles the build once if needed
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_runs() {
  local runs=$1; shift
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done
}
help_ms=$(time_runs 20 ./build.sh --help | median)
dotnet_ms=$(time_runs 10 dotnet --version | median)
echo "startup: ./build.sh --help median ${help_ms} ms over 20 runs (goal <= 300 ms); dotnet --version median ${dotnet_ms} ms"

echo "== engine benchmarks"
dotnet run -c Release --project bench/Tollgate.Benchmarks -- all

if [[ -d bench/Tollgate.Evaluation.Bench ]]; then
  echo "== LlmEval benchmarks"
  dotnet run -c Release --project bench/Tollgate.Evaluation.Bench
fi

echo "== container benchmarks (500 MB context peak RSS; Tollgate vs docker build CLI, cold and warm)"
dotnet run -c Release --project bench/Tollgate.Containers.Bench -- all
