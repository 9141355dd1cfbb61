#!/usr/bin/env bash
# Builds the release app and the big_life generator, then measures Kindred on
# an empty store and on ten years of use (scripts/bench-big-life.py) under
# Xvfb with a session bus. Figures go to bench-results/big-life.json and the
# table to the terminal. Extra arguments go to the Python script (--runs 3).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
npm run build:ui --silent
cargo build --release --locked --bin kindred
cargo build --release --locked -p kindred-core --example big_life
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
mkdir -p bench-results
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  python3 scripts/bench-big-life.py --app "$target_dir/release/kindred" \
  --generator "$target_dir/release/examples/big_life" --json bench-results/big-life.json "$@"
