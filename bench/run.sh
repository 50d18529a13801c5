#!/usr/bin/env bash
# Runs the engine benchmarks; see bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== warm start-up: ./build.sh --help beside a .NET hello world"
bash bench/startup.sh 11

echo "== engine benchmarks"
dotnet run -c Release --project bench/Tollgate.Benchmarks -- all

if [[ -d bench/Tollgate.Evaluation.Bench ]]; then
  echo "== LlmEval benchmarks"
  dotnet run -c Release --project bench/Tollgate.Evaluation.Bench
fi

echo "== container benchmarks (500 MB context peak RSS; Tollgate vs docker build CLI, cold and warm)"
dotnet run -c Release --project bench/Tollgate.Containers.Bench -- all
echo "== Scan: working-tree secret scan vs secretlint (64 MB generated corpus)"
dotnet run -c Release --project bench/Tollgate.Security.Bench -- 64
