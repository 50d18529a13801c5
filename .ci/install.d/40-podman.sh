#!/usr/bin/env bash
# podman (Debian's package) for the Build stage's podman tests: they start `podman system service` on a temporary
# socket themselves. Writes the configuration podman needs on this kind of host (ulimits a container may not raise,
# runc as the runtime, the local registry as insecure) only where it is missing. Idempotent.
set -euo pipefail

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v runc >/dev/null 2>&1 || missing+=(runc)
# `ip` (iproute2): the engine-provisioning test gives its own dockerd a bridge of its own.
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if ((${#missing[@]} > 0)); then
  echo "== .ci/install.d: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p /etc/containers/registries.conf.d
if [[ ! -f /etc/containers/containers.conf ]]; then
  echo "== .ci/install.d: writing /etc/containers/containers.conf (nofile/nproc ulimits, runc)"
  cat >/etc/containers/containers.conf <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"
CONF
fi
if [[ ! -f /etc/containers/registries.conf.d/50-tollgate-local.conf ]]; then
  echo "== .ci/install.d: marking 127.0.0.1:5000 as an insecure registry for podman"
  cat >/etc/containers/registries.conf.d/50-tollgate-local.conf <<'CONF'
[[registry]]
location = "127.0.0.1:5000"
insecure = true
CONF
fi
podman --version
