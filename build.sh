#!/usr/bin/env bash
# Tollgate bootstrapper, compatible with NUKE's conventions (.nuke/ marks the root; `nuke <Target>` runs this script).
# 1. Finds a .NET SDK that satisfies global.json (the one on PATH, else one installed into .nuke/temp/dotnet).
# 2. Compiles build/_build.csproj only when something it is made of changed since the last compile.
# 3. Runs the compiled build assembly with the given arguments: ./build.sh [targets] [--skip [targets]] [options]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_PROJECT="$ROOT/build/_build.csproj"
BUILD_ASSEMBLY="$ROOT/build/bin/Debug/net10.0/_build.dll"
TEMP_DIRECTORY="$ROOT/.nuke/temp"
STAMP="$TEMP_DIRECTORY/build.stamp"
DOTNET_CACHE="$TEMP_DIRECTORY/dotnet-path"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_MULTILEVEL_LOOKUP=0

fail() {
  echo "build.sh: $*" >&2
  exit 1
}

sdk_version() {
  sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1
}

# Prints the dotnet executable to use; installs the SDK from global.json into .nuke/temp/dotnet when needed.
find_dotnet() {
  if [[ -f "$DOTNET_CACHE" && "$DOTNET_CACHE" -nt "$ROOT/global.json" ]]; then
    local cached
    cached="$(cat "$DOTNET_CACHE")"
    if [[ -x "$cached" ]]; then
      echo "$cached"
      return
    fi
  fi

  mkdir -p "$TEMP_DIRECTORY"
  local candidate
  for candidate in "$(command -v dotnet 2>/dev/null || true)" "$TEMP_DIRECTORY/dotnet/dotnet"; do
    # `dotnet --version` inside the root fails when no installed SDK satisfies global.json.
    if [[ -n "$candidate" && -x "$candidate" ]] && (cd "$ROOT" && "$candidate" --version >/dev/null 2>&1); then
      echo "$candidate" > "$DOTNET_CACHE"
      echo "$candidate"
      return
    fi
  done

  local version installer="$TEMP_DIRECTORY/dotnet-install.sh"
  version="$(sdk_version)"
  echo "build.sh: no .NET SDK satisfying global.json ($version) was found; installing it into .nuke/temp/dotnet" >&2
  if ! curl -sSfL --retry 2 -o "$installer" https://dot.net/v1/dotnet-install.sh 2>/dev/null; then
    fail "could not download dotnet-install.sh (is the network reachable?). Install the .NET SDK $version yourself and put dotnet on PATH, then run ./build.sh again."
  fi
  bash "$installer" --version "$version" --install-dir "$TEMP_DIRECTORY/dotnet" --no-path >&2 \
    || fail "dotnet-install.sh could not install the .NET SDK $version. Install it yourself and put dotnet on PATH."
  echo "$TEMP_DIRECTORY/dotnet/dotnet" > "$DOTNET_CACHE"
  echo "$TEMP_DIRECTORY/dotnet/dotnet"
}

# True when the compiled build is older than anything the build project is made of.
build_is_stale() {
  [[ -f "$BUILD_ASSEMBLY" && -f "$STAMP" ]] || return 0
  local changed
  changed="$(find "$ROOT/build" "$ROOT"/src/Tollgate* "$ROOT"/Directory.*.props "$ROOT/global.json" "$ROOT/.editorconfig" \
    \( -name bin -o -name obj \) -prune -o -newer "$STAMP" -print -quit 2>/dev/null)"
  [[ -n "$changed" ]]
}

DOTNET="$(find_dotnet)"
if build_is_stale; then
  mkdir -p "$TEMP_DIRECTORY"
  next_stamp="$TEMP_DIRECTORY/build.stamp.next"
  touch "$next_stamp"
  echo "build.sh: compiling the build project (build/ or src/Tollgate* changed)" >&2
  # -c Debug: MSBuild reads environment variables as properties, so a CONFIGURATION variable (a workflow setting the
  # build's Configuration parameter) would otherwise move the output away from $BUILD_ASSEMBLY.
  if ! "$DOTNET" build "$BUILD_PROJECT" -c Debug -nologo -tl:off -verbosity:quiet > "$TEMP_DIRECTORY/build.log" 2>&1; then
    cat "$TEMP_DIRECTORY/build.log" >&2
    fail "compiling the build project failed (the compiler's output is above and in .nuke/temp/build.log)."
  fi
  mv "$next_stamp" "$STAMP"
fi

exec "$DOTNET" "$BUILD_ASSEMBLY" "$@"
