#!/usr/bin/env bash
# Makes `docker compose` work: when the Docker CLI has no compose plugin, builds Docker Compose
# from its Go module once into ~/.cache/dueflow/docker-compose/<version>/ and links it as a CLI
# plugin (~/.docker/cli-plugins/docker-compose). Idempotent: a later run only checks.
#
# Why from Go: Debian bookworm ships only Compose v1 (python, `docker-compose`), which is no
# `docker` CLI plugin and predates parts of the compose spec that docker/compose.yml uses.
# v2.40.3 is the newest Compose release whose go.mod builds with the Go on our machines (1.26.8;
# the v5 line wants a newer toolchain).
set -euo pipefail

VERSION=${DOCKER_COMPOSE_VERSION:-v2.40.3}
MODULE=github.com/docker/compose/v2
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/dueflow/docker-compose/$VERSION"
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"
log() { echo "[ensure-compose] $*" >&2; }

if ! command -v docker >/dev/null 2>&1; then
  log "no docker CLI on PATH: install Docker first"
  exit 1
fi
if docker compose version >/dev/null 2>&1; then
  exit 0
fi

if [ ! -x "$CACHE_DIR/docker-compose" ]; then
  GO=$(command -v go || echo /usr/local/go/bin/go)
  if [ ! -x "$GO" ]; then
    log "no 'docker compose' plugin and no Go to build one: install docker-compose-plugin or Go"
    exit 1
  fi
  log "building Docker Compose $VERSION with $GO (first run only, several minutes)..."
  started=$SECONDS
  build_dir="$CACHE_DIR.build-$$"
  trap 'rm -rf "$build_dir"' EXIT
  mkdir -p "$build_dir"
  # `go install module@version` refuses Compose (its go.mod has `exclude` directives), so build
  # the downloaded module as the main module: its own go.mod and go.sum pin every dependency.
  src=$("$GO" mod download -json "$MODULE@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  cp -r "$src" "$build_dir/src"
  chmod -R u+w "$build_dir/src"
  (cd "$build_dir/src" && GOFLAGS="${GOFLAGS:-}" "$GO" build -trimpath \
    -ldflags "-s -w -X $MODULE/internal.Version=$VERSION" -o "$build_dir/docker-compose" ./cmd)
  mkdir -p "$CACHE_DIR"
  mv "$build_dir/docker-compose" "$CACHE_DIR/docker-compose"
  log "built in $((SECONDS - started)) s: $CACHE_DIR/docker-compose"
fi

mkdir -p "$PLUGIN_DIR"
ln -sfn "$CACHE_DIR/docker-compose" "$PLUGIN_DIR/docker-compose"
docker compose version >&2
