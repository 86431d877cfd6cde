#!/usr/bin/env bash
# Copies the screenshots that the workbench tests take under Xvfb (bundles/procurement.review.ui.tests/target/
# screenshots, written by ScreenshotsTest during ./mvnw verify) into docs/, where the README shows them.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shots="$root/bundles/procurement.review.ui.tests/target/screenshots"
[ -d "$shots" ] || { echo "no screenshots yet: run xvfb-run -a ./mvnw verify first" >&2; exit 1; }
mkdir -p "$root/docs"
cp "$shots"/*.png "$root/docs/"
ls "$root/docs"
