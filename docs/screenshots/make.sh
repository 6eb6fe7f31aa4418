#!/bin/sh
# Writes docs/screenshots/*.png: every main view of the app, in Korean (<view>.png) and English
# (<view>-en.png), on a virtual 1400x900 display. Needs xvfb-run (apt-get install xvfb xauth) and the
# Korean font (fonts-nanum). Extra arguments go to kcwb.app.gui.ScreenshotTour (e.g. --emoji-check).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
"$root/kcwb" --version >/dev/null # builds the app when its sources changed
. "$root/.mvn/find-jdk.sh"
exec xvfb-run -a -s "-screen 0 1400x900x24" \
  "$JAVA_HOME/bin/java" -Dfile.encoding=UTF-8 -Dai.djl.offline=true --enable-native-access=ALL-UNNAMED -Dprism.lcdtext=false \
  -cp "$root/app/target/kcwb-app.jar" kcwb.app.gui.ScreenshotTour --out "$root/docs/screenshots" "$@"
