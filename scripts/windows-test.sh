#!/usr/bin/env bash
# Runs the core and IPC tests, built for Windows (x86_64-pc-windows-gnu),
# under Wine, so everything Kindred does with files meets Windows' rules: an
# open file can't be renamed or deleted, paths use drive letters and
# backslashes. The tests' temporary folders, and so every data folder they
# make, sit under a profile path with a space and non-ASCII letters
# (C:\users\Zoë Núñez\...), as many real Windows accounts have.
#
# Wine 8 lacks two things the binaries need, both supplied here and only to
# the throwaway Wine prefix: Rust's std takes randomness from ProcessPrng in
# bcryptprimitives.dll (a stand-in is built from scripts/wine/), and the IPC
# test binaries load WebView2Loader.dll (copied beside them). WebView2
# itself is not in Wine, so nothing here opens a window.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

target=x86_64-pc-windows-gnu
wine_dir=/usr/lib/wine
wine="$wine_dir/wine64"
[[ -x "$wine" ]] || { echo "Wine is missing ($wine); scripts/setup.sh test installs wine64" >&2; exit 1; }

say() { printf '\033[1;33m==>\033[0m %s\n' "$*"; }

say "Building the core and IPC tests for Windows"
cargo test --workspace --locked --target "$target" --no-run

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
out="$target_dir/$target/debug"
cp "$out/WebView2Loader.dll" "$out/deps/"

# A fresh prefix each run: nothing a previous run left behind can make a
# test pass. Its profile folder is the one with the space and the accents.
work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
cleanup() {
  "$wine_dir/wineserver" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "Making a Wine prefix"
start=$SECONDS
"$wine" wineboot -i >/dev/null 2>&1
"$wine_dir/wineserver" -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
profile='C:\users\Zoë Núñez'
for var in TEMP TMP; do
  "$wine" reg add 'HKCU\Environment' /v "$var" /t REG_SZ /d "$profile\\Temp" /f >/dev/null
done
"$wine" reg add 'HKCU\Environment' /v LOCALAPPDATA /t REG_SZ /d "$profile\\AppData\\Local" /f >/dev/null
"$wine" cmd /c mkdir "$profile\\Temp" "$profile\\AppData\\Local" >/dev/null 2>&1 || true
"$wine_dir/wineserver" -w
echo "prefix ready in $((SECONDS - start)) s"

# Windows' own TEMP wins over the Unix one inside Wine; unset them anyway so
# nothing from this shell leaks in.
unset TMPDIR TEMP TMP
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$wine"
# What the tests themselves check about the platform (see platform::tests).
export KINDRED_EXPECT_WINDOWS_PROFILE="$profile"

say "Running the tests under Wine"
cargo test --workspace --locked --target "$target" --no-fail-fast -- --test-threads=2
