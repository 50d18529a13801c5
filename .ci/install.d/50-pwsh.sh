#!/usr/bin/env bash
# PowerShell (`pwsh`) for the tests of build.ps1, the Windows bootstrapper. Debian has no PowerShell package and only
# registry packages can be installed here, so pwsh is hosted from the Microsoft.PowerShell.SDK NuGet package
# (tools/pwsh). It is built outside the work tree, so its restore graph (Windows-only packages) is not scanned as the
# repository's dependencies. Idempotent: rebuilds only when tools/pwsh changed; a real pwsh already on PATH is kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

marker="tollgate-pwsh"
existing="$(command -v pwsh 2>/dev/null || true)"
if [[ -n "$existing" ]] && ! grep -qs "$marker" "$existing"; then
  echo "== .ci/install.d: pwsh already installed ($existing)"
  exit 0
fi

home=/usr/local/lib/tollgate-pwsh
if [[ ! -f "$home/out/pwsh.dll" ]] || ! cmp -s tools/pwsh/Pwsh.csproj "$home/src/Pwsh.csproj" || ! cmp -s tools/pwsh/Program.cs "$home/src/Program.cs"; then
  echo "== .ci/install.d: building pwsh from Microsoft.PowerShell.SDK into $home"
  rm -rf "$home"
  mkdir -p "$home/src"
  cp tools/pwsh/Pwsh.csproj tools/pwsh/Program.cs "$home/src/"
  dotnet publish "$home/src/Pwsh.csproj" -c Release -o "$home/out" -nologo -verbosity:quiet
fi

# The dotnet found now, by its full path: a test may put a stand-in `dotnet` first on PATH for the script pwsh runs.
dotnet="$(command -v dotnet)"
cat > /usr/local/bin/pwsh <<SCRIPT
#!/bin/sh
# $marker: PowerShell hosted from Microsoft.PowerShell.SDK (.ci/install.d/50-pwsh.sh)
exec "$dotnet" "$home/out/pwsh.dll" "\$@"
SCRIPT
chmod 755 /usr/local/bin/pwsh
# shellcheck disable=SC2016 # a PowerShell expression, not a shell one
echo "== .ci/install.d: pwsh $(pwsh -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()')"
