#!/usr/bin/env bash
# Windows from Linux (MinGW-w64): the whole workspace builds and links for
# x86_64-pc-windows-gnu (no Linux-only API slipped in), then the release
# kindred.exe (the GUI subsystem: no console window beside it) goes into a
# per-user MSI that is installed, checked and uninstalled under Wine
# (scripts/windows-installer.sh). The tests themselves run under Wine in
# scripts/windows-test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target=x86_64-pc-windows-gnu
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

cargo build --workspace --lib --bins --examples --locked --target "$target"
exe="$target_dir/$target/debug/kindred.exe"
file "$exe" | grep -q 'PE32+ executable' || { echo "expected a Windows executable at $exe" >&2; exit 1; }
test -f "$target_dir/$target/debug/WebView2Loader.dll"
echo "ok: debug $(file -b "$exe" | cut -d, -f1) with WebView2Loader.dll beside it"

cargo build --release --locked --target "$target" --bin kindred
release="$target_dir/$target/release"
subsystem=$(x86_64-w64-mingw32-objdump -p "$release/kindred.exe" | awk '/^Subsystem/ { print $3, $4 }')
[[ $subsystem == "(Windows GUI)" ]] || { echo "the release kindred.exe is not a GUI program: $subsystem" >&2; exit 1; }
echo "ok: release kindred.exe is a Windows GUI program ($(du -h "$release/kindred.exe" | cut -f1)), no console window"

KINDRED_MSI_DIR="$release/bundle/msi" bash scripts/windows-installer.sh "$release/kindred.exe" "$release"
