#!/usr/bin/env bash
# Builds the Linux installer (.deb) the way the README says, installs it with
# apt-get as a user would, starts the installed app under Xvfb until its UI
# reports readiness, then removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

npx tauri build --bundles deb
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
deb=$(ls -t "$target_dir"/release/bundle/deb/*.deb | head -n1)
echo "installing $deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb"
trap 'DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq kindred >/dev/null || true' EXIT

data_dir=$(mktemp -d)
log=$(mktemp)
KINDRED_DATA_DIR="$data_dir" timeout 60 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  /usr/bin/kindred > "$0" 2>&1 &
  app=$!
  for _ in $(seq 1 100); do
    grep -q KINDRED_READY "$0" && break
    sleep 0.3
  done
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
' "$log"
if ! grep -q KINDRED_READY "$log"; then
  echo "the installed app did not start; its output:" >&2
  cat "$log" >&2
  exit 1
fi
test -f "$data_dir/kindred.sqlite3"
echo "ok: the installed /usr/bin/kindred started, showed its first screen and created its database"
rm -rf "$data_dir" "$log"
