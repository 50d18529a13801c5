#!/usr/bin/env bash
# Warm start-up of `./build.sh --help` next to a .NET hello world, measured in the same run (median of N runs each,
# interleaved so machine load hits both alike). Also times the engine's own help (the build assembly run directly,
# without the bootstrapper's kept help) so the cost of a runtime start stays visible. See bench/README.md.
#   bash bench/startup.sh [runs]     (default 11)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-11}"
root="$PWD"
hello_dir="$root/.nuke/temp/bench/hello"
build_assembly="$root/build/bin/Debug/net10.0/_build.dll"

if [[ ! -f "$hello_dir/bin/Release/net10.0/hello.dll" ]]; then
  mkdir -p "$hello_dir"
  cat > "$hello_dir/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("Hello, World!");' > "$hello_dir/Program.cs"
  dotnet build "$hello_dir/hello.csproj" -c Release -nologo -verbosity:quiet >/dev/null
fi

./build.sh --help >/dev/null   # compiles the build if needed and writes the kept help
./build.sh --help >/dev/null

ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

hello=() help=() engine=()
for _ in $(seq "$runs"); do
  hello+=("$(ms dotnet "$hello_dir/bin/Release/net10.0/hello.dll")")
  help+=("$(ms ./build.sh --help)")
  engine+=("$(ms dotnet "$build_assembly" --help)")
done
hello_ms=$(printf '%s\n' "${hello[@]}" | median)
help_ms=$(printf '%s\n' "${help[@]}" | median)
engine_ms=$(printf '%s\n' "${engine[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "runs: $runs each, interleaved; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "dotnet hello.dll (hello world):           median ${hello_ms} ms"
echo "./build.sh --help (warm):                 median ${help_ms} ms  ratio $(ratio "$help_ms" "$hello_ms") x hello world (goal <= 1.2)"
echo "dotnet _build.dll --help (engine, no kept help): median ${engine_ms} ms  ratio $(ratio "$engine_ms" "$hello_ms") x hello world"
