#!/usr/bin/env bash
# Builds the Linux installers with jpackage from what `./mvnw -DskipTests package` left in app/target:
#   installers/linux/build.sh            -> installers/target/app-image/kcwb/   (bin/kcwb: no args = GUI, args = CLI)
#   installers/linux/build.sh --deb      -> also installers/target/kcwb_<version>_amd64.deb
#     (installers/linux/resources: the menu entry reads "Kc Workbench"; postinst/prerm add and remove the
#     /usr/bin/kcwb -> /opt/kcwb/bin/kcwb symlink so `kcwb` works in a terminal)
# Options: --skip-maven (use app/target as it is), --deb. Needs a JDK 25 with jpackage (found like ./mvnw
# does); the .deb also needs dpkg-deb and fakeroot (apt-get install -y fakeroot binutils).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. "$root/.mvn/find-jdk.sh"
. "$root/installers/common.env"

deb=false
skip_maven=false
for arg in "$@"; do
  case "$arg" in
    --deb) deb=true ;;
    --skip-maven) skip_maven=true ;;
    *) echo "usage: $0 [--deb] [--skip-maven]" >&2; exit 2 ;;
  esac
done

if [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  echo "build.sh: no jpackage in $JAVA_HOME (install a full JDK 25, e.g. Temurin 25)" >&2
  exit 3
fi
if ! $skip_maven || [ ! -f app/target/kcwb-app.jar ]; then
  ./mvnw -q -B -ntp -DskipTests package
fi

# jpackage wants a purely numeric version: 0.1.0-SNAPSHOT -> 0.1.0
version=$(unzip -p app/target/kcwb-app.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.1.0}
out="$root/installers/target"
rm -rf "$out"
mkdir -p "$out/input"
cp app/target/kcwb-app.jar "$out/input/"
cp -r app/target/lib "$out/input/lib"

start=$(date +%s)
echo "build.sh: jlink runtime ($KCWB_MODULES)"
"$JAVA_HOME/bin/jlink" --add-modules "$KCWB_MODULES" --include-locales=en,ko \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

java_opts=()
for option in "${KCWB_JAVA_OPTIONS[@]}"; do java_opts+=(--java-options "$option"); done

echo "build.sh: jpackage app-image"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out/app-image" \
  --name "$KCWB_NAME" --app-version "$version" --vendor "$KCWB_VENDOR" --description "$KCWB_DESCRIPTION" \
  --input "$out/input" --main-jar "$KCWB_MAIN_JAR" --main-class "$KCWB_MAIN_CLASS" \
  --runtime-image "$out/runtime" --icon assets/icons/kcwb.png "${java_opts[@]}"
app="$out/app-image/$KCWB_NAME"

# Start-up: an AOT cache (JDK 25, JEP 483/514) of what the GUI loads and links until its first window,
# written by one headless training run (needs xvfb-run; skipped otherwise or with KCWB_NO_AOT=1). The
# launcher maps it with -XX:AOTCache; it still applies after the folder moves to /opt/kcwb, and a JVM
# that cannot use it just starts without it.
if [ -z "${KCWB_NO_AOT:-}" ] && command -v xvfb-run >/dev/null; then
  echo "build.sh: AOT cache (one headless GUI run)"
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$app/lib/app/kcwb.aot -Dkcwb.exitAfterSeconds=1" \
    timeout 300 xvfb-run -a "$app/bin/kcwb" >"$out/aot.log" 2>&1 || true
  if [ -s "$app/lib/app/kcwb.aot" ]; then
    echo 'java-options=-XX:AOTCache=$APPDIR/kcwb.aot' >>"$app/lib/app/$KCWB_NAME.cfg"
  else
    echo "build.sh: no AOT cache (see $out/aot.log); the app starts without it" >&2
  fi
fi
echo "build.sh: app-image $(du -sh "$app" | cut -f1) in $app ($(( $(date +%s) - start )) s)"

if $deb; then
  start=$(date +%s)
  echo "build.sh: jpackage deb"
  "$JAVA_HOME/bin/jpackage" --type deb --dest "$out" \
    --app-image "$out/app-image/$KCWB_NAME" --name "$KCWB_NAME" --app-version "$version" \
    --vendor "$KCWB_VENDOR" --description "$KCWB_DESCRIPTION" --icon assets/icons/kcwb.png \
    --linux-package-name kcwb --linux-deb-maintainer "kcwb@users.noreply.github.com" \
    --linux-menu-group "Education;Science;" --linux-app-category science --linux-shortcut \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, fonts-nanum" \
    --resource-dir installers/linux/resources
  deb_file=$(ls "$out"/*.deb)
  echo "build.sh: deb $(du -h "$deb_file" | cut -f1) $deb_file ($(( $(date +%s) - start )) s)"
fi
