#!/usr/bin/env bash
# Installs what is missing, builds the UI and starts Kindred.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
npm run build:ui --silent
# A plain cargo build embeds ui/dist (there is no devUrl), so this is the
# real app. The first build takes several minutes; later ones are quick.
exec cargo run --bin kindred
