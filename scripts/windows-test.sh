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
# test pass. Wine names the Windows profile after the Unix user, so the
# person here is "Zoë Núñez": C:\users\Zoë Núñez holds AppData\Local (where
# Kindred keeps its data), Temp (every test's folder) and Downloads. Wine
# links Downloads to the Unix home it boots with: a throwaway one.
work=$(mktemp -d)
user='Zoë Núñez'
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
cleanup() {
  "$wine_dir/wineserver" -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "Making a Wine prefix"
start=$SECONDS
mkdir -p "$work/home"
USER="$user" LOGNAME="$user" HOME="$work/home" "$wine" wineboot -i >/dev/null 2>&1
"$wine_dir/wineserver" -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
[[ -d "$WINEPREFIX/drive_c/users/$user/AppData/Local" ]] || { echo "Wine made no profile for $user" >&2; exit 1; }
echo "prefix ready in $((SECONDS - start)) s"

# Windows' own TEMP (from the profile) wins inside Wine; unset the Unix ones
# anyway so nothing from this shell leaks in.
unset TMPDIR TEMP TMP
export USER="$user" LOGNAME="$user"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$wine"
# tests/platform_folders.rs checks the profile in use is this one.
export KINDRED_EXPECT_WINDOWS_PROFILE="C:\\users\\$user"

say "Running the tests under Wine"
cargo test --workspace --locked --target "$target" --no-fail-fast -- --test-threads=2
