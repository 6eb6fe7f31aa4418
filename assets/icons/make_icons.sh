#!/usr/bin/env bash
# Draws the Kc Workbench icon with ImageMagick 6 (`convert`) and writes the sizes installers need:
#   kcwb.png (256x256, Linux .deb / app-image), kcwb.ico (Windows .msi).
# macOS .icns is made from kcwb.png on the macOS CI runner (iconutil), see installers/macos/build.sh.
# Run from anywhere: assets/icons/make_icons.sh   (needs fonts-nanum for the Hangul glyph)
set -euo pipefail
cd "$(dirname "$0")"
font=$(fc-match -f '%{file}' 'NanumGothic:bold' 2>/dev/null || true)
convert -size 256x256 xc:none \
  -fill '#2b5797' -draw 'roundrectangle 8,8 248,248 40,40' \
  -fill '#ffd54f' -draw 'roundrectangle 40,176 216,200 8,8' \
  -fill white ${font:+-font "$font"} -pointsize 120 -gravity center -annotate +0-20 '가' \
  -fill white -pointsize 34 -gravity south -annotate +0+14 'Kc' \
  kcwb.png
convert kcwb.png -define icon:auto-resize=256,128,64,48,32,16 kcwb.ico
echo "wrote $(pwd)/kcwb.png and kcwb.ico"
