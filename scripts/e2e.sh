#!/usr/bin/env bash
# Builds the real app binary and drives it in WebKit through tauri-driver,
# on a virtual display with its own D-Bus session (and so a notification
# daemon, started on demand by the bus).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --bin kindred --locked
# Ten years of use for specs/big-life.test.mjs: the seeded generator the
# benchmark uses, brought into a data folder through the real import.
cargo build -p kindred-core --example big_life --locked
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
export KINDRED_BIN="$target_dir/debug/kindred"
export KINDRED_BIG_LIFE="$target_dir/debug/examples/big_life"
export TAURI_DRIVER="${TAURI_DRIVER:-$(command -v tauri-driver)}"

# Software rendering under Xvfb; no GPU here.
export LIBGL_ALWAYS_SOFTWARE=1

xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- npm run test:e2e --silent
