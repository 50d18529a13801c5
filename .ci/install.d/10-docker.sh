#!/usr/bin/env bash
# Docker Engine (Debian's docker.io), docker-registry, htpasswd and wrk for the container, deploy and blue-green tests.
# Starts dockerd when nothing answers on /var/run/docker.sock. Idempotent.
set -euo pipefail

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
if ((${#missing[@]} > 0)); then
  echo "== .ci/install.d: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ping_docker() { curl -sf --max-time 2 --unix-socket /var/run/docker.sock http://d/_ping >/dev/null 2>&1; }
if ! ping_docker; then
  state=/var/lib/tollgate-ci/docker
  mkdir -p "$state"
  echo "== .ci/install.d: starting dockerd (data in $state)"
  nohup dockerd --host unix:///var/run/docker.sock --data-root "$state/data" --exec-root "$state/exec" \
    --pidfile "$state/dockerd.pid" >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do
    ping_docker && break
    sleep 0.5
  done
  ping_docker || { echo "dockerd did not start; its log:"; tail -n 30 "$state/dockerd.log"; exit 1; }
fi
