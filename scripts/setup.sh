#!/usr/bin/env bash
# Installs whatever a fresh Debian/Ubuntu machine lacks to build Kindred
# (`setup.sh app`) or also to run every test (`setup.sh test`). Safe to run
# again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-app}"

# Tauri's Linux prerequisites (https://v2.tauri.app/start/prerequisites/).
app_packages=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # SQLCipher's OpenSSL is built from source (openssl-src): its Configure
  # script is Perl and its build uses make.
  perl make
)
# A virtual display, a session bus with a notification daemon, WebKit's
# WebDriver, and tools for screenshots.
test_packages=(
  xvfb xauth webkit2gtk-driver dbus dbus-x11 dunst libnotify-bin imagemagick xdotool
  fonts-dejavu-core
  # e2e closes the window as a window manager would (tests/e2e/lib/close-window.py).
  python3
  # The Windows cross-build (x86_64-pc-windows-gnu) links with MinGW-w64;
  # Wine runs its tests and its installer; wixl and msitools make the MSI.
  gcc-mingw-w64-x86-64 wine64 wixl msitools
  # A venv for zig (PyPI's ziglang), the C compiler for the macOS check.
  python3-venv
  # Browser flows of the UI (tests/browser) drive Debian's Chromium.
  chromium
  # A real Secret Service for the opt-in keychain test (tests/e2e/specs/keychain).
  gnome-keyring
  # pgrep and dbus-send: e2e waits for a quit app's process to end, and for
  # the bus to free its single-instance name, before starting it again.
  procps dbus-bin
)

packages=("${app_packages[@]}")
if [[ "$mode" == "test" ]]; then packages+=("${test_packages[@]}"); fi

say() { printf '\033[1;33m==>\033[0m %s\n' "$*"; }

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  say "Installing system packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

node_ok() {
  command -v node >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}
if ! node_ok; then
  echo "Kindred's UI build needs Node.js 20.19 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  echo "Install a current Node.js (for example from your distribution's backports or nodesource), then run this again." >&2
  exit 1
fi

# npm packages (the UI, the Tauri CLI, the e2e client), exactly as locked.
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Windows (cross-built, tested under Wine) and macOS (type-checked).
if [[ "$mode" == "test" ]] && command -v rustup >/dev/null; then
  for target in x86_64-pc-windows-gnu aarch64-apple-darwin; do
    if ! rustup target list --installed | grep -qx "$target"; then
      say "Adding the $target target to Rust"
      rustup target add "$target"
    fi
  done
fi
venv="${KINDRED_VENV:-$HOME/.cache/kindred-venv}"
if [[ "$mode" == "test" ]] && ! "$venv/bin/python" -m ziglang version >/dev/null 2>&1; then
  say "Installing zig (PyPI's ziglang) into $venv for the macOS check"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check ziglang
fi
# Calendar readers nobody here wrote, which check the .ics export
# (scripts/ics_occurrences.py); pinned so a new release can't move the test.
if [[ "$mode" == "test" ]] && ! "$venv/bin/python" -c 'import icalendar, recurring_ical_events' >/dev/null 2>&1; then
  say "Installing icalendar and recurring-ical-events (PyPI) into $venv for the calendar check"
  [[ -x "$venv/bin/pip" ]] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check icalendar==7.3.2 recurring-ical-events==3.8.2
fi

if [[ "$mode" == "test" ]] && ! command -v tauri-driver >/dev/null; then
  say "Installing tauri-driver (about a minute)"
  cargo install tauri-driver --locked --quiet
fi
