#!/usr/bin/env bash
# Cross-builds Kindred for Windows from Linux (MinGW-w64). This proves the
# code compiles and links for Windows (no Linux-only API slipped in); it does
# not prove the app runs there.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target=x86_64-pc-windows-gnu
cargo build --workspace --lib --bins --examples --locked --target "$target"
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
exe="$target_dir/$target/debug/kindred.exe"
file "$exe" | grep -q 'PE32+ executable' || { echo "expected a Windows executable at $exe" >&2; exit 1; }
test -f "$target_dir/$target/debug/WebView2Loader.dll"
echo "ok: $(file -b "$exe" | cut -d, -f1) with WebView2Loader.dll beside it"
