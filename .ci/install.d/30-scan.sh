#!/usr/bin/env bash
# Scan stage tools: secretlint (the secret scanner's benchmark peer) and ajv (schema validation in tests) from npm
# lockfiles under tools/, and the CycloneDX dotnet tool as a local tool (.config/dotnet-tools.json). Idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

for tool in tools/secretlint tools/ajv; do
  if [[ ! -d "$tool/node_modules" ]] || [[ "$tool/package-lock.json" -nt "$tool/node_modules/.package-lock.json" ]]; then
    echo "== .ci/install.d: npm ci in $tool"
    (cd "$tool" && npm ci --no-audit --no-fund --silent)
  fi
done

dotnet tool restore >/dev/null
echo "== .ci/install.d: scan tools ready (secretlint, ajv, $(dotnet tool list --local | awk '/cyclonedx/ { print "CycloneDX " $2 }'))"
