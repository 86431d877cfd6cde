#!/usr/bin/env bash
# Rebuilds the bundled sample review (bundles/procurement.review.ui/samples/sample.review) from the real Treasury
# file and the made-up covered-vendor rows beside it, with the built product's own command line, so the sample is
# always what the importer and matcher of this version produce. Run after ./mvnw verify; commit the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
samples="$root/bundles/procurement.review.ui/samples"
out="$(mktemp -d)/sample.review"
"$root/procurement-review" import "$samples/usaspending_legacy_treasury_contracts_2016.csv" \
  "$samples/made-up-covered-vendor-rows.csv" --review "$out"
if "$root/procurement-review" --help | grep -q '^  tag '; then
  "$root/procurement-review" tag --review "$out"
fi
mv "$out" "$samples/sample.review"
echo "wrote $samples/sample.review"
