#!/usr/bin/env bash
# Builds Kindred and the bare-window baseline in release mode, then measures
# both (scripts/bench-app.py) under Xvfb with a session bus. Figures go to
# bench-results/app.json and the summary to the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
npm run build:ui --silent
cargo build --release --locked --bin kindred --example bare_window
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
mkdir -p bench-results
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  python3 scripts/bench-app.py --app "$target_dir/release/kindred" \
  --baseline "$target_dir/release/examples/bare_window" --json bench-results/app.json "$@"
ls -l "$target_dir/release/kindred" "$target_dir/release/examples/bare_window"
