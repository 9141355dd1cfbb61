#!/usr/bin/env bash
# Builds Kindred's per-user Windows installer (an MSI) on Linux with wixl from
# src-tauri/windows/kindred.wxs, then checks it for real under Wine in a
# throwaway prefix: install, the files and the Start menu shortcut where a
# per-user install puts them, Add/Remove programs, a newer version replacing
# this one and an older one refused, uninstall, and the person's data left
# in place.
#
#   bash scripts/windows-installer.sh <path-to-kindred.exe> [<dir-with-WebView2Loader.dll>]
#
# WebView2Loader.dll (the GNU build needs it beside kindred.exe) comes from
# the second argument, or else from beside kindred.exe; without either the
# MSI ships kindred.exe alone (right for an MSVC build, which links the
# loader in). The MSI, Kindred_<version>_x64_en-US.msi, goes to
# $KINDRED_MSI_DIR, or next to kindred.exe. Version and identifier come from
# tauri.conf.json.
#
# Needs wixl and msitools (wixl, msiinfo, msibuild), Wine (wine64), and node;
# it installs nothing (scripts/setup.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

say() { printf '\033[1;33m==>\033[0m %s\n' "$*"; }
ok() { printf 'ok: %s\n' "$*"; }
note() { printf 'note: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

(($# >= 1 && $# <= 2)) || fail "usage: bash scripts/windows-installer.sh <path-to-kindred.exe> [<dir-with-WebView2Loader.dll>]"
exe=$(realpath -e -- "$1" 2>/dev/null) || fail "no kindred.exe at $1"
[[ $(basename "$exe") == kindred.exe ]] || fail "expected a file named kindred.exe, got $exe"

wine_dir=/usr/lib/wine
wine="$wine_dir/wine64"
wineserver="$wine_dir/wineserver"
for tool in wixl msiinfo msibuild node; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup.sh test installs it)"
done
[[ -x "$wine" ]] || fail "Wine is missing ($wine; scripts/setup.sh test installs wine64)"

timings=()
began=$SECONDS
now() { echo "$EPOCHREALTIME"; }
took() { # name start: records and prints how long a step took
  local t
  t=$(awk -v a="$2" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }')
  timings+=("$1: $t s")
  printf 'time: %s took %s s\n' "$1" "$t"
}

# --- What to build ----------------------------------------------------------

conf() { node -e 'const c = require(process.argv[1]); const v = process.argv[2].split(".").reduce((o, k) => o?.[k], c); if (typeof v !== "string" || !v) process.exit(1); console.log(v)' "$repo/tauri.conf.json" "$1"; }
version=$(conf version) || fail "tauri.conf.json has no \"version\""
identifier=$(conf identifier) || fail "tauri.conf.json has no \"identifier\""
# Windows Installer versions are major.minor.build, at most 255.255.65535.
[[ $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] ||
  fail "version \"$version\" isn't major.minor.patch, which is all an MSI version can be"
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}
((10#$major <= 255 && 10#$minor <= 255 && 10#$patch < 65535)) ||
  fail "version $version is past what an MSI version allows (255.255.65535)"
# An AppUserModelID: at most 128 characters, no spaces.
[[ $identifier =~ ^[A-Za-z0-9.-]{1,128}$ ]] || fail "identifier \"$identifier\" can't be an AppUserModelID"

if (($# == 2)); then
  loader="$2/WebView2Loader.dll"
  [[ -f $loader ]] || fail "no WebView2Loader.dll in $2"
elif [[ -f "$(dirname "$exe")/WebView2Loader.dll" ]]; then
  loader="$(dirname "$exe")/WebView2Loader.dll"
else
  loader=
fi

out_dir=${KINDRED_MSI_DIR:-$(dirname "$exe")}
mkdir -p "$out_dir"
msi="$(realpath "$out_dir")/Kindred_${version}_x64_en-US.msi"

work=$(mktemp -d)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
  # Only this run's prefix: wineserver -k acts on $WINEPREFIX's server.
  if [[ -d $WINEPREFIX ]]; then "$wineserver" -k 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# An MSI table's rows, one tab-separated line each (msiinfo writes CRLF, and
# first three lines of column names, types and keys).
table() { msiinfo export "$1" "$2" | tr -d '\r' | tail -n +4; }
property() { table "$1" Property | awk -F'\t' -v n="$2" '$1 == n { print $2 }'; }

# build <version> <output.msi>: wixl finds Source files only relative to the
# folder it runs in, so everything the MSI holds is gathered in one folder.
build() {
  local stage="$work/stage" defines=(-D "Version=$1")
  rm -rf "$stage" && mkdir "$stage"
  cp "$exe" "$stage/kindred.exe"
  cp "$repo/src-tauri/icons/icon.ico" "$stage/icon.ico"
  if [[ -n $loader ]]; then
    cp "$loader" "$stage/WebView2Loader.dll"
    defines+=(-D WebView2Loader=yes)
  fi
  # x64: Kindred is built for x86_64 only; the MSI refuses 32-bit Windows.
  (cd "$stage" && wixl -a x64 "${defines[@]}" -o "$2" "$repo/src-tauri/windows/kindred.wxs") ||
    fail "wixl couldn't build $2"
  # The shortcut's AppUserModelID. WiX 3 writes it from
  # <ShortcutProperty Key="System.AppUserModel.ID">, which wixl doesn't
  # support, so the MsiShortcutProperty table (Windows Installer 5.0) is
  # added here. PropertyKey is the property's canonical name.
  {
    printf 'MsiShortcutProperty\tShortcut_\tPropertyKey\tPropVariantValue\n'
    printf 's72\ts72\ts0\ts0\n'
    printf 'MsiShortcutProperty\tMsiShortcutProperty\n'
    printf 'StartMenuShortcutAUMID\tStartMenuShortcut\tSystem.AppUserModel.ID\t%s\n' "$identifier"
  } >"$work/MsiShortcutProperty.idt"
  msibuild "$2" -i "$work/MsiShortcutProperty.idt" || fail "msibuild couldn't add the AppUserModelID to $2"
}

# --- Build and inspect the MSI ----------------------------------------------

say "Building $(basename "$msi") (Kindred $version, $identifier)"
start=$(now)
build "$version" "$msi"
took "building the MSI" "$start"
ok "built $msi ($(du -k "$msi" | cut -f1) KiB)${loader:+, with WebView2Loader.dll}"
[[ -n $loader ]] || note "no WebView2Loader.dll given or beside kindred.exe: the MSI ships kindred.exe alone"

[[ $(property "$msi" ProductVersion) == "$version" ]] || fail "the MSI's ProductVersion isn't $version"
ok "ProductVersion is $version, from tauri.conf.json"
product_code=$(property "$msi" ProductCode)
[[ $product_code =~ ^\{[0-9A-F-]{36}\}$ ]] || fail "the MSI has no ProductCode"

# Per-user, no elevation: no ALLUSERS property, and bit 8 of the summary
# information's Word Count ("Source" in msiinfo) says no elevation is needed.
[[ -z $(property "$msi" ALLUSERS) ]] || fail "the MSI sets ALLUSERS, so it isn't a per-user install"
word_count=$(msiinfo suminfo "$msi" | tr -d '\r' | awk -F': ' '$1 == "Source" { print $2 + 0 }')
(((word_count & 8) != 0)) || fail "the MSI's summary information asks for elevation (Word Count $word_count)"
ok "per-user package: no ALLUSERS, no elevation asked (Word Count $word_count)"

aumid=$(table "$msi" MsiShortcutProperty |
  awk -F'\t' '$2 == "StartMenuShortcut" && $3 == "System.AppUserModel.ID" { print $4 }')
[[ $aumid == "$identifier" ]] ||
  fail "the MSI's MsiShortcutProperty gives the shortcut AppUserModelID \"$aumid\", not \"$identifier\""
table "$msi" Shortcut | awk -F'\t' '$1 == "StartMenuShortcut" && $3 == "Kindred" && $5 == "[INSTALLDIR]kindred.exe" { found = 1 } END { exit !found }' ||
  fail "the MSI has no Start menu shortcut StartMenuShortcut named Kindred pointing at [INSTALLDIR]kindred.exe"
ok "the MSI's Start menu shortcut Kindred -> kindred.exe carries System.AppUserModel.ID = $identifier"

# --- A throwaway Wine prefix ------------------------------------------------

say "Making a Wine prefix"
start=$(now)
"$wine" wineboot -i >/dev/null 2>&1
"$wineserver" -w
took "creating the Wine prefix" "$start"

# Windows paths of this prefix's user, and their Unix paths.
win_env() { "$wine" cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
unix_path() { realpath -m -- "$("$wine" winepath -u "$1" 2>/dev/null | tr -d '\r')"; }
local_app_data=$(win_env LOCALAPPDATA)
app_data=$(win_env APPDATA)
[[ $local_app_data == [A-Z]:\\* && $app_data == [A-Z]:\\* ]] || fail "couldn't ask Wine for LOCALAPPDATA and APPDATA"
install_dir_win="$local_app_data\\Programs\\Kindred"
data_dir_win="$local_app_data\\$identifier"
install_dir=$(unix_path "$install_dir_win")
data_dir=$(unix_path "$data_dir_win")
shortcut=$(unix_path "$app_data\\Microsoft\\Windows\\Start Menu\\Programs\\Kindred.lnk")
program_files=$(unix_path 'C:\Program Files')
[[ $install_dir != "$data_dir" && $install_dir != "$data_dir"/* && $data_dir != "$install_dir"/* ]] ||
  fail "the install folder $install_dir_win and the data folder $data_dir_win overlap"

# run_msiexec <args...>: runs Windows Installer quietly, with a log to show on failure.
log="$work/msiexec.log"
run_msiexec() {
  rm -f "$log"
  msiexec_rc=0
  "$wine" msiexec "$@" /qn "/l*v" "$("$wine" winepath -w "$log" 2>/dev/null | tr -d '\r')" || msiexec_rc=$?
  "$wineserver" -w
  return "$msiexec_rc"
}
msiexec_or_fail() {
  run_msiexec "$@" || {
    [[ -f $log ]] && tr -d '\r' <"$log" | tail -n 30 >&2
    fail "msiexec $* failed"
  }
}
win_msi() { "$wine" winepath -w "$1" 2>/dev/null | tr -d '\r'; }

# Add/Remove programs: the product's entry under Uninstall\{ProductCode}.
# Wine writes it to HKLM even for a per-user install, so both are looked at.
arp_entry() { # code -> "root" where the entry is, or nothing
  local root
  for root in HKCU HKLM; do
    if "$wine" reg query "$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$1" /v DisplayName >/dev/null 2>&1; then
      echo "$root"
      return
    fi
  done
}
arp_value() { # root code name
  "$wine" reg query "$1\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$2" /v "$3" 2>/dev/null |
    tr -d '\r' | awk -v n="$3" '$1 == n { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}

# lnk_has <file> <text>: whether the .lnk's bytes hold the text, as ANSI or
# UTF-16LE (a .lnk's property store, where an AppUserModelID lives, is
# UTF-16), ignoring case.
lnk_has() {
  node -e 'const fs = require("fs"); const d = fs.readFileSync(process.argv[1]); const t = process.argv[2];
    const hay = [d.toString("latin1").toLowerCase(), d.toString("utf16le").toLowerCase(), d.subarray(1).toString("utf16le").toLowerCase()];
    process.exit(hay.some((h) => h.includes(t.toLowerCase())) ? 0 : 1)' "$1" "$2"
}

check_installed() { # version code
  [[ -f "$install_dir/kindred.exe" ]] || fail "kindred.exe isn't in $install_dir_win"
  cmp -s "$exe" "$install_dir/kindred.exe" || fail "the installed kindred.exe isn't the one given"
  if [[ -n $loader ]]; then
    cmp -s "$loader" "$install_dir/WebView2Loader.dll" || fail "WebView2Loader.dll isn't beside kindred.exe in $install_dir_win"
  fi
  [[ ! -e "$program_files/Kindred" ]] || fail "something went to C:\\Program Files\\Kindred"
  [[ -f $shortcut ]] || fail "no Start menu shortcut at $app_data\\Microsoft\\Windows\\Start Menu\\Programs\\Kindred.lnk"
  lnk_has "$shortcut" "$install_dir_win\\kindred.exe" || fail "the Start menu shortcut doesn't point at $install_dir_win\\kindred.exe"
  local root
  root=$(arp_entry "$2")
  [[ -n $root ]] || fail "Kindred $1 ($2) isn't in Add/Remove programs"
  [[ $(arp_value "$root" "$2" DisplayName) == Kindred && $(arp_value "$root" "$2" DisplayVersion) == "$1" ]] ||
    fail "the Add/Remove programs entry for $2 isn't \"Kindred\" $1"
  [[ $(arp_value "$root" "$2" UninstallString) == *"/X$2"* ]] || fail "the Add/Remove programs entry has no uninstall command"
  arp_root=$root
}

check_removed() { # code
  [[ ! -e "$install_dir/kindred.exe" ]] || fail "uninstalling left kindred.exe in $install_dir_win"
  [[ ! -e "$install_dir/WebView2Loader.dll" ]] || fail "uninstalling left WebView2Loader.dll in $install_dir_win"
  [[ ! -e $install_dir ]] || fail "uninstalling left the folder $install_dir_win"
  [[ ! -e $shortcut ]] || fail "uninstalling left the Start menu shortcut"
  [[ -z $(arp_entry "$1") ]] || fail "uninstalling left Kindred in Add/Remove programs"
}

# --- Install, check, uninstall ------------------------------------------------

say "Installing $(basename "$msi") (msiexec /i /qn)"
start=$(now)
msiexec_or_fail /i "$(win_msi "$msi")"
took "installing" "$start"
check_installed "$version" "$product_code"
ok "kindred.exe${loader:+ and WebView2Loader.dll} installed in $install_dir_win (per-user, not Program Files)"
ok "Start menu shortcut Kindred.lnk -> $install_dir_win\\kindred.exe"
ok "in Add/Remove programs as Kindred $version ($product_code, under $arp_root)"
if lnk_has "$shortcut" "$identifier"; then
  ok "the installed .lnk carries the AppUserModelID $identifier"
else
  # Wine 8's msi.dll has no code for MsiShortcutProperty; Windows Installer
  # 5.0 sets the property, so this is Wine's gap, checked in the MSI above.
  note "Wine's msiexec didn't write the AppUserModelID into the .lnk (Wine ignores MsiShortcutProperty); Windows does. The MSI's row was checked above"
fi

# The person's data: the app keeps it in %LOCALAPPDATA%\<identifier>, which
# the MSI doesn't install, so it must not remove it either.
mkdir -p "$data_dir"
printf 'kindred test data\n' >"$data_dir/kindred.sqlite3"

say "Uninstalling (msiexec /x /qn)"
start=$(now)
msiexec_or_fail /x "$(win_msi "$msi")"
took "uninstalling" "$start"
check_removed "$product_code"
ok "uninstall removed kindred.exe${loader:+, WebView2Loader.dll}, the install folder, the shortcut and the Add/Remove programs entry"
[[ $(cat "$data_dir/kindred.sqlite3" 2>/dev/null) == 'kindred test data' ]] ||
  fail "uninstalling removed or changed the data file $data_dir_win\\kindred.sqlite3"
ok "the data file $data_dir_win\\kindred.sqlite3 survived the uninstall"

# --- Upgrades -------------------------------------------------------------------

# The same MSI built as the next patch version stands in for a newer release:
# it has to replace this one (one entry left in Add/Remove programs), and
# this one then has to refuse to install over it.
newer_version="$major.$minor.$((10#$patch + 1))"
newer_msi="$work/Kindred_${newer_version}_x64_en-US.msi"
say "Checking that $newer_version replaces $version and $version can't replace $newer_version"
build "$newer_version" "$newer_msi"
newer_code=$(property "$newer_msi" ProductCode)
start=$(now)
msiexec_or_fail /i "$(win_msi "$msi")"
msiexec_or_fail /i "$(win_msi "$newer_msi")"
took "installing $version then upgrading to $newer_version" "$start"
check_installed "$newer_version" "$newer_code"
[[ -z $(arp_entry "$product_code") ]] || fail "installing $newer_version left $version in Add/Remove programs"
ok "$newer_version replaced $version: one entry in Add/Remove programs, files and shortcut in place"
start=$(now)
if run_msiexec /i "$(win_msi "$msi")"; then fail "$version installed over the newer $newer_version"; fi
took "refusing $version over $newer_version" "$start"
# What refuses it has to be MajorUpgrade's launch condition: the newer
# product found as a downgrade, and LaunchConditions failing (quiet, so the
# message itself isn't in Wine's log).
if ! { tr -d '\r\0' <"$log" | grep -qF "WIX_DOWNGRADE_DETECTED = $newer_code" &&
  tr -d '\r\0' <"$log" | grep -qE 'LaunchConditions\. Return value [^1]'; }; then
  # Seen once under Wine and not again on the next run: show what the log
  # said, so the cause can be read from CI's output next time.
  echo "msiexec exit $msiexec_rc; the log's downgrade and launch-condition lines:" >&2
  [[ -f $log ]] && tr -d '\r\0' <"$log" | grep -E 'WIX_DOWNGRADE|LaunchConditions|Return value 3' | tail -n 20 >&2 || true
  fail "installing $version over $newer_version failed, but not for MajorUpgrade's downgrade condition"
fi
check_installed "$newer_version" "$newer_code"
[[ -z $(arp_entry "$product_code") ]] || fail "$version registered over the newer $newer_version"
# Wine's exit code is Windows' 1603 cut to 8 bits (67).
ok "$version refused to install over $newer_version (downgrade launch condition, msiexec exit $msiexec_rc), which stayed"
# Uninstall as Add/Remove programs does: by product code.
start=$(now)
msiexec_or_fail /x "$newer_code"
took "uninstalling $newer_version by product code" "$start"
check_removed "$newer_code"
[[ -f "$data_dir/kindred.sqlite3" ]] || fail "the data file didn't survive uninstalling $newer_version"
ok "uninstalling $newer_version by its product code removed it and kept the data"

echo
say "Windows installer checks passed: $msi"
printf '  %s\n' "${timings[@]}" "all: $((SECONDS - began)) s"
