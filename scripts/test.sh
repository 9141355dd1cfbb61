#!/usr/bin/env bash
# Installs what is missing and runs every test: UI checks and component
# tests, the Rust core and IPC tests, then end to end on the real app.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh test

step() { printf '\n\033[1;36m### %s\033[0m\n' "$*"; }

step "UI: type check"
npm run check -w ui --silent

step "UI: component tests (Vitest)"
npm run test:ui --silent

step "UI: production build (embedded in the app)"
npm run build:ui --silent

step "UI flows in Chromium (real pointer, in-memory backend)"
npm run test:browser --silent

step "Rust: core, bindings and IPC tests (the calendar export read by Python's icalendar too)"
KINDRED_PYTHON="${KINDRED_VENV:-$HOME/.cache/kindred-venv}/bin/python" cargo test --workspace --locked

step "Core crate has no Tauri dependency"
if cargo tree -p kindred-core --edges normal --prefix none | grep -E '^tauri( |-)'; then
  echo "kindred-core must not depend on Tauri" >&2
  exit 1
fi
echo "ok: kindred-core does not depend on tauri"

step "End to end: the real app under Xvfb"
bash scripts/e2e.sh

step "Windows: the core and IPC tests under Wine (Windows file semantics)"
bash scripts/windows-test.sh

step "Windows: cross-build, then the installer built, installed and removed under Wine"
bash scripts/windows-build.sh

step "macOS: type-check for aarch64-apple-darwin (zig as the C compiler)"
bash scripts/macos-check.sh

step "Linux installer: build the .deb, install it, start the installed app"
bash scripts/deb-check.sh
