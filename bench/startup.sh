#!/usr/bin/env bash
# Start-up of the build's help beside a .NET hello world: median wall and CPU time (user + sys) of N runs each,
# interleaved so machine load hits all alike, and the ratio of wall times to the hello world. See bench/README.md.
#   bash bench/startup.sh [runs]          warm `./build.sh --help` (printed from the kept help, no runtime start; goal
#                                         <= 1.2 x hello world) and the engine's own help (the build assembly run
#                                         directly, as when the kept help is stale)
#   bash bench/startup.sh --r2r [runs]    the engine's own help compiled as build.sh does (Debug, JIT) and
#                                         ReadyToRun-published (crossgen2), each beside a hello world built the same
#                                         way, with the number of methods the JIT compiled in one run of each. The
#                                         ReadyToRun build is published from a clone of HEAD under .nuke/temp/bench,
#                                         because a runtime-specific restore rewrites the projects' packages.lock.json.
#                                         Slow the first time (crossgen2 of every assembly).
# runs defaults to 11.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
r2r=false
if [[ "${1:-}" == "--r2r" ]]; then
  r2r=true
  shift
fi
runs="${1:-11}"
root="$PWD"
bench="$root/.nuke/temp/bench"
rid="linux-x64"
mkdir -p "$bench"

if [[ ! -f "$bench/hello/hello.csproj" ]]; then
  mkdir -p "$bench/hello"
  cat > "$bench/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
    <RestorePackagesWithLockFile>false</RestorePackagesWithLockFile>
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("Hello, World!");' > "$bench/hello/Program.cs"
fi
[[ -f "$bench/hello-jit/hello.dll" ]] || dotnet build "$bench/hello/hello.csproj" -c Debug -o "$bench/hello-jit" -nologo -verbosity:quiet >/dev/null

./build.sh --help >/dev/null   # compiles the build (Debug, JIT) if needed and writes the kept help
./build.sh --help >/dev/null
engine_jit="$root/build/bin/Debug/net10.0/_build.dll"

if $r2r; then
  [[ -f "$bench/hello-r2r/hello.dll" ]] || dotnet publish "$bench/hello/hello.csproj" -c Debug -r "$rid" --self-contained false \
    -p:PublishReadyToRun=true -o "$bench/hello-r2r" -nologo -verbosity:quiet >/dev/null
  head="$(git rev-parse HEAD)"
  if [[ ! -f "$bench/engine-r2r/_build.dll" || "$(cat "$bench/engine-r2r.commit" 2>/dev/null)" != "$head" ]]; then
    rm -rf "$bench/engine-src" "$bench/engine-r2r"
    git clone --quiet "$root" "$bench/engine-src"
    git -C "$bench/engine-src" checkout --quiet "$head"
    dotnet publish "$bench/engine-src/build/_build.csproj" -c Debug -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      -p:RestoreLockedMode=false -o "$bench/engine-r2r" -nologo -verbosity:quiet >/dev/null
    echo "$head" > "$bench/engine-r2r.commit"
  fi
  names=(hello-jit engine-jit hello-r2r engine-r2r)
else
  names=(hello-jit build-help engine-jit)
fi

command_of() {
  case "$1" in
    hello-jit) echo "dotnet $bench/hello-jit/hello.dll" ;;
    build-help) echo "./build.sh --help" ;;
    engine-jit) echo "dotnet $engine_jit --help" ;;
    hello-r2r) echo "dotnet $bench/hello-r2r/hello.dll" ;;
    engine-r2r) echo "dotnet $bench/engine-r2r/_build.dll --help" ;;
  esac
}

TIMEFORMAT='%R %U %S'
sample() { { time "$@" >/dev/null 2>&1; } 2>&1 | tail -n 1; }
median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] * 1000 }'; }
jitted() { DOTNET_JitStdOutFile="$bench/jit.txt" DOTNET_JitDisasmSummary=1 "$@" >/dev/null 2>&1; wc -l < "$bench/jit.txt"; }

declare -A wall cpu
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do
    # shellcheck disable=SC2046 # the command is split on purpose
    read -r r u s <<<"$(sample $(command_of "$name"))"
    wall[$name]+="$r "
    cpu[$name]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  done
done

echo "runs: $runs each, interleaved; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
hello_ms=$(tr ' ' '\n' <<<"${wall[hello-jit]}" | grep . | median)
for name in "${names[@]}"; do
  w=$(tr ' ' '\n' <<<"${wall[$name]}" | grep . | median)
  c=$(tr ' ' '\n' <<<"${cpu[$name]}" | grep . | median)
  ratio=$(awk -v a="$w" -v b="$hello_ms" 'BEGIN { printf "%.2f", a / b }')
  goal=""
  [[ "$name" == build-help ]] && goal="  (goal <= 1.2 x)"
  methods=""
  # shellcheck disable=SC2046 # the command is split on purpose
  $r2r && methods="  jitted $(printf '%5s' "$(jitted $(command_of "$name"))") methods"
  printf '%-11s wall %6s ms  cpu %5s ms  %5s x hello world%s%s  (%s)\n' "$name" "$w" "$c" "$ratio" "$goal" "$methods" "$(command_of "$name")"
done
