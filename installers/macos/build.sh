#!/usr/bin/env bash
# Builds the macOS disk image (.dmg) with jpackage. Run on macOS from the repository root after
#   ./mvnw -B -ntp -Dpytorch.native.classifier=osx-aarch64 -DskipTests package   (Apple silicon)
# Needs a JDK 25 (JAVA_HOME) and Xcode command line tools (iconutil, hdiutil). Unsigned unless
# MACOS_SIGNING_IDENTITY is set (then --mac-sign with that identity; notarisation is a separate step).
# Output: installers/target/kcwb-<version>.dmg with "Kc Workbench.app"; the CLI is
#   "/Applications/Kc Workbench.app/Contents/MacOS/kcwb" (symlink it onto PATH as kcwb).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. "$root/installers/common.env"
jdk=${JAVA_HOME:?set JAVA_HOME to a JDK 25}
out="$root/installers/target"
rm -rf "$out"
mkdir -p "$out/input" "$out/kcwb.iconset"
cp app/target/kcwb-app.jar "$out/input/"
cp -r app/target/lib "$out/input/lib"

# .icns from the committed PNG (see assets/icons/make_icons.sh)
for size in 16 32 64 128 256; do
  sips -z $size $size assets/icons/kcwb.png --out "$out/kcwb.iconset/icon_${size}x${size}.png" >/dev/null
done
iconutil -c icns "$out/kcwb.iconset" -o "$out/kcwb.icns"

"$jdk/bin/jlink" --add-modules "$KCWB_MODULES" --include-locales=en,ko \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

java_opts=()
for option in "${KCWB_JAVA_OPTIONS[@]}"; do java_opts+=(--java-options "$option"); done
sign=()
if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then sign=(--mac-sign --mac-signing-key-user-name "$MACOS_SIGNING_IDENTITY"); fi

"$jdk/bin/jpackage" --type dmg --dest "$out" \
  --name "$KCWB_NAME" --app-version 0.1.0 --vendor "$KCWB_VENDOR" --description "$KCWB_DESCRIPTION" \
  --input "$out/input" --main-jar "$KCWB_MAIN_JAR" --main-class "$KCWB_MAIN_CLASS" \
  --runtime-image "$out/runtime" --icon "$out/kcwb.icns" "${java_opts[@]}" \
  --mac-package-name "Kc Workbench" --mac-package-identifier io.github.kcwb "${sign[@]}"
ls -lh "$out"/*.dmg
