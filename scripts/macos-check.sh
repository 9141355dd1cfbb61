#!/usr/bin/env bash
# Type-checks Kindred for macOS on Apple silicon (aarch64-apple-darwin) from
# Linux. There is no Apple SDK here, so nothing is linked or run: this
# proves the Rust code (the core, and the shell with its macOS branches in
# src-tauri/src/platform/) compiles for macOS, with every dependency's Rust
# checked for that target too.
#
# C is compiled for macOS by zig (PyPI's ziglang), which carries macOS'
# libc headers: SQLCipher and the OpenSSL it encrypts with are really built
# for aarch64-macos. Two crates compile Objective-C against Cocoa, which only
# Apple's SDK has (mac-notification-sys, for notify-rust, and
# objc2-exception-helper); both skip that step when DOCS_RS is set, as they
# do on docs.rs, and `cargo check` never links it. That Objective-C is the
# part left unchecked.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

target=aarch64-apple-darwin
venv="${KINDRED_VENV:-$HOME/.cache/kindred-venv}"

say() { printf '\033[1;33m==>\033[0m %s\n' "$*"; }

bash scripts/setup.sh test >/dev/null  # the target and zig, if missing

# cc-rs and OpenSSL's Configure call a compiler, an archiver and ranlib by
# name; each wrapper hands zig the macOS target. cc-rs also passes its own
# --target=arm64-apple-macosx..., which zig refuses, so the wrapper drops it.
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
zig="$venv/bin/python -m ziglang"
cat >"$tools/cc" <<EOF
#!/usr/bin/env bash
args=()
for a in "\$@"; do
  case "\$a" in --target=*|-target=*) ;; *) args+=("\$a") ;; esac
done
exec $zig cc -target aarch64-macos "\${args[@]}"
EOF
printf '#!/usr/bin/env bash\nexec %s ar "$@"\n' "$zig" >"$tools/ar"
printf '#!/usr/bin/env bash\nexec %s ranlib "$@"\n' "$zig" >"$tools/ranlib"
chmod +x "$tools/cc" "$tools/ar" "$tools/ranlib"

export CC_aarch64_apple_darwin="$tools/cc"
export AR_aarch64_apple_darwin="$tools/ar"
export RANLIB_aarch64_apple_darwin="$tools/ranlib"
# zig carries no os/log.h, which only SQLCipher's log-to-os_log device
# needs (Kindred turns SQLCipher's logging off): that device is left out.
export CFLAGS_aarch64_apple_darwin="-DSQLCIPHER_OMIT_LOG_DEVICE"
export DOCS_RS=1
export MACOSX_DEPLOYMENT_TARGET=11.0

say "cargo check for $target: the core crate"
cargo check -p kindred-core --locked --target "$target" --all-targets
say "cargo check for $target: the app (shell, platform modules, commands)"
cargo check -p kindred --locked --target "$target" --lib --bins
echo "ok: kindred-core and the kindred app type-check for $target"
