#!/usr/bin/env bash
# Tollgate bootstrapper, compatible with NUKE's conventions (.nuke/ marks the root; `nuke <Target>` runs this script).
# 1. Finds a .NET SDK that satisfies global.json (the one on PATH, else one installed into .nuke/temp/dotnet).
# 2. Compiles the build project only when the files it is made of changed since the last compile: the list of input
#    files (added or removed files) and, when that list or a file time differs, their content. Directory times are
#    never used: the first compile creates bin/ and obj/, which must not make the next run compile again.
# 3. Runs the compiled build assembly with the given arguments: ./build.sh [targets] [--skip [targets]] [options]
#    A plain `./build.sh --help` prints the help the build last wrote to .nuke/temp/help.txt instead, while that file is
#    newer than the build assembly and than .nuke/*.json (help is a function of those), so it costs no runtime start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_PROJECT="$ROOT/build/_build.csproj"
BUILD_ASSEMBLY="$ROOT/build/bin/Debug/net10.0/_build.dll"
# What the build project is made of, relative to the root (bin/ and obj/ below them are ignored).
BUILD_INPUTS=(build src/Tollgate* Directory.Build.props Directory.Packages.props src/Directory.Build.props global.json .editorconfig)
TEMP_DIRECTORY="$ROOT/.nuke/temp"
STAMP="$TEMP_DIRECTORY/build.stamp"
DOTNET_CACHE="$TEMP_DIRECTORY/dotnet-path"
HELP_CACHE="$TEMP_DIRECTORY/help.txt"

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

# Lists the input files (bin/, obj/ and node_modules/ pruned) in the order find walks them. Given a file, every input
# written after it is followed by a line "+" (no input path is "+"): one walk answers both "same files?" and "any newer?".
find_inputs() {
  local inputs=() input
  for input in "${BUILD_INPUTS[@]}"; do
    [[ -e "$input" ]] && inputs+=("$input")
  done
  ((${#inputs[@]} > 0)) || return 0
  if [[ $# -gt 0 ]]; then
    find "${inputs[@]}" \( -name bin -o -name obj -o -name node_modules \) -prune -o -type f -print \( -newer "$1" -exec printf '+\n' \; \) 2>/dev/null
  else
    find "${inputs[@]}" \( -name bin -o -name obj -o -name node_modules \) -prune -o -type f -print 2>/dev/null
  fi
}

# A checksum of the input files' names and contents.
content_hash() {
  { printf '%s\n' "$1"; printf '%s\n' "$1" | tr '\n' '\0' | xargs -0 cat 2>/dev/null; } | cksum
}

# Dates the stamp two seconds back: a file written in the same clock tick as the stamp is then still newer than it
# (find -newer is strict), so it is hashed instead of missed. Where touch has no -d @seconds the race stays a tick wide.
backdate_stamp() {
  touch -d "@$(($(date +%s) - 2))" "$1" 2>/dev/null || true
}

# Decides whether to compile; keeps the stamp (line 1: content hash of the sorted inputs; then the input list as find
# walks it) up to date. The unchanged case costs one walk and no other process: it decides every warm start.
build_is_stale() {
  local walk files stamp recorded_hash recorded_walk
  if [[ -f "$BUILD_ASSEMBLY" && -f "$STAMP" ]]; then
    walk="$(cd "$ROOT" && find_inputs "$STAMP")"
    stamp="$(<"$STAMP")"
    recorded_hash="${stamp%%$'\n'*}"
    recorded_walk="${stamp#*$'\n'}"
    # Same files in the same order and none written since the stamp (no "+" line): nothing to do, no content read.
    if [[ "$walk" == "$recorded_walk" ]]; then
      return 1
    fi
    walk="$(printf '%s\n' "$walk" | sed '/^+$/d')"
    files="$(printf '%s\n' "$walk" | LC_ALL=C sort)"
    NEXT_HASH="$(cd "$ROOT" && content_hash "$files")"
    if [[ "$NEXT_HASH" == "$recorded_hash" ]]; then
      # Touched, checked out again or walked in another order, same content: refresh the stamp and skip the compile.
      printf '%s\n%s\n' "$NEXT_HASH" "$walk" > "$STAMP"
      backdate_stamp "$STAMP"
      return 1
    fi
  else
    walk="$(cd "$ROOT" && find_inputs)"
    files="$(printf '%s\n' "$walk" | LC_ALL=C sort)"
    NEXT_HASH="$(cd "$ROOT" && content_hash "$files")"
  fi
  NEXT_FILES="$walk"
  return 0
}

# Whether the help the build wrote is still what it would print: newer than the assembly and the parameter files.
help_is_current() {
  [[ -f "$HELP_CACHE" && -f "$BUILD_ASSEMBLY" && "$HELP_CACHE" -nt "$BUILD_ASSEMBLY" ]] || return 1
  local file
  for file in "$ROOT"/.nuke/*.json; do
    if [[ -e "$file" && "$file" -nt "$HELP_CACHE" ]]; then
      return 1
    fi
  done
  return 0
}

if [[ $# -eq 1 && ( "$1" == "--help" || "$1" == "-h" ) ]] && ! build_is_stale && help_is_current; then
  cat "$HELP_CACHE"
  exit 0
fi

DOTNET="$(find_dotnet)"
if build_is_stale; then
  mkdir -p "$TEMP_DIRECTORY"
  next_stamp="$TEMP_DIRECTORY/build.stamp.next"
  # Written before compiling, so a file edited during the compile is newer than the stamp and triggers the next one.
  printf '%s\n%s\n' "$NEXT_HASH" "$NEXT_FILES" > "$next_stamp"
  backdate_stamp "$next_stamp"
  # -c Debug: a CONFIGURATION environment variable (read by MSBuild as a property) must not move the output away from BUILD_ASSEMBLY.
  echo "build.sh: compiling the build project (its input files changed: ${BUILD_INPUTS[*]})" >&2
  if ! "$DOTNET" build "$BUILD_PROJECT" -c Debug -nologo -tl:off -verbosity:quiet > "$TEMP_DIRECTORY/build.log" 2>&1; then
    cat "$TEMP_DIRECTORY/build.log" >&2
    fail "compiling the build project failed (the compiler's output is above and in .nuke/temp/build.log)."
  fi
  mv "$next_stamp" "$STAMP"
fi

exec "$DOTNET" "$BUILD_ASSEMBLY" "$@"
