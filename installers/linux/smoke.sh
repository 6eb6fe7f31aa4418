#!/usr/bin/env bash
# CI smoke test of the Linux app-image: builds it (only where jpackage exists), then
#   1. bin/kcwb --version                  (the CLI is inside the installer)
#   2. bin/kcwb doctor with an empty DJL cache and ai.djl.offline=true: PyTorch loads from the bundled
#      CPU natives (DJL extracts them from pytorch-native-cpu into DJL_CACHE_DIR), no network needed
#   3. the GUI under xvfb-run for a few seconds: it must show its window and exit 0 by itself
#      (-Dkcwb.exitAfterSeconds), and it prints the time to first window.
# Usage: installers/linux/smoke.sh [--skip-build]   (expects ./mvnw package to have run, as .ci/run does)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. "$root/.mvn/find-jdk.sh"

if [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  echo "smoke: SKIPPED: no jpackage in $JAVA_HOME"
  exit 0
fi
if [ "${1:-}" != "--skip-build" ]; then
  installers/linux/build.sh --skip-maven
fi
app="$root/installers/target/app-image/kcwb"
echo "smoke: app-image size $(du -sh "$app" | cut -f1)"

echo "smoke: bin/kcwb --version"
version=$("$app/bin/kcwb" --version)
echo "$version"
case "$version" in kcwb*) ;; *) echo "smoke: FAILED: unexpected --version output" >&2; exit 1 ;; esac

echo "smoke: bin/kcwb doctor (fresh DJL cache, offline)"
djl_cache=$(mktemp -d)
trap 'rm -rf "$djl_cache"' EXIT
doctor=$(DJL_CACHE_DIR="$djl_cache" timeout 180 "$app/bin/kcwb" doctor 2>/dev/null)
echo "$doctor" | grep -E '^(djl engine|pytorch native|gpus|korean fonts)'
if ! echo "$doctor" | grep -q '^djl engine *PyTorch'; then
  echo "smoke: FAILED: the PyTorch engine did not load from the bundled natives" >&2
  exit 1
fi

if ! command -v xvfb-run >/dev/null; then
  echo "smoke: GUI check SKIPPED: no xvfb-run (apt-get install -y xvfb xauth)"
  exit 0
fi
echo "smoke: GUI under xvfb-run for ${KCWB_SMOKE_SECONDS:-3} s"
log=$(mktemp)
if ! JAVA_TOOL_OPTIONS="-Dkcwb.exitAfterSeconds=${KCWB_SMOKE_SECONDS:-3}" \
    timeout 120 xvfb-run -a "$app/bin/kcwb" >"$log" 2>&1; then
  cat "$log" >&2
  echo "smoke: FAILED: the GUI did not start and exit cleanly" >&2
  exit 1
fi
grep 'first window shown' "$log" || { cat "$log" >&2; echo "smoke: FAILED: no window shown" >&2; exit 1; }
rm -f "$log"
echo "smoke: OK"
