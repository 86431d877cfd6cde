#!/usr/bin/env bash
# Runs ReaderFuzzTest (Jazzer) on a plain class path, outside OSGi.
#   fuzz/run-jazzer.sh                 regression: every seed in ReaderFuzzTestInputs/, about half a minute
#   fuzz/run-jazzer.sh xlsx            coverage-guided fuzzing of one reader (csv, xlsx, fpds, html, zip or xmlss) for 5 minutes
# Needs: a JDK 21+ (JAVA_HOME), the bundles compiled by the Tycho build (target/classes), and these jars in the
# local Maven repository: com.code-intelligence:jazzer-junit, jazzer-api and jazzer 0.24.0 (get them with
# "mvn dependency:get -Dartifact=com.code-intelligence:jazzer-junit:0.24.0"), the JUnit console launcher 1.14.4,
# and the versions of EMF, equinox.common, FastCSV, Aalto and POI that targets/procurement.review.target pins.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)        # this fragment
bundles=$(dirname "$here")
repo=${MAVEN_REPO:-$HOME/.m2/repository}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin

jar() { # group artifact version
  local f="$repo/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "missing $1:$2:$3 (mvn dependency:get -Dartifact=$1:$2:$3)" >&2; exit 1; }
  printf '%s' "$f"
}
# CLASSES: the compiled model, edit, core, importer and importer-tests classes, if not the Tycho outputs.
cp="${CLASSES:-}"
if [ -z "$cp" ]; then
  for b in procurement.review.model procurement.review.model.edit procurement.review.core procurement.review.core.importer procurement.review.core.importer.tests; do
    [ -d "$bundles/$b/target/classes" ] || { echo "build first: $b/target/classes is missing" >&2; exit 1; }
    cp="$cp:$bundles/$b/target/classes"
  done
fi
for g in \
  "org.eclipse.emf org.eclipse.emf.common 2.46.0" "org.eclipse.emf org.eclipse.emf.ecore 2.43.0" \
  "org.eclipse.emf org.eclipse.emf.ecore.xmi 2.41.0" "org.eclipse.emf org.eclipse.emf.edit 2.23.0" \
  "org.eclipse.platform org.eclipse.equinox.common 3.20.400" \
  "de.siegmar fastcsv 4.4.0" "com.fasterxml aalto-xml 1.4.0" "org.codehaus.woodstox stax2-api 4.3.0" \
  "org.apache.poi poi 5.5.1" "org.apache.poi poi-ooxml 5.5.1" "org.apache.poi poi-ooxml-lite 5.5.1" \
  "org.apache.xmlbeans xmlbeans 5.3.0" "commons-io commons-io 2.21.0" "org.apache.commons commons-compress 1.28.0" \
  "org.apache.commons commons-collections4 4.5.0" "org.apache.commons commons-math3 3.6.1" \
  "commons-codec commons-codec 1.20.0" "com.zaxxer SparseBitSet 1.3" "org.apache.logging.log4j log4j-api 2.24.3" \
  "org.junit.platform junit-platform-console-standalone 1.14.4" \
  "com.code-intelligence jazzer-junit 0.24.0" "com.code-intelligence jazzer-api 0.24.0" \
  "com.code-intelligence jazzer 0.24.0"; do
  cp="$cp:$(jar $g)"
done
# Outside target/: a Tycho "clean" during a long run would delete the corpus under libFuzzer's feet.
work=${FUZZ_WORK:-${TMPDIR:-/tmp}/procurement-review-fuzz}
out="$work/classes"
rm -rf "$out" && mkdir -p "$out"
"$java/javac" --release 21 -nowarn -d "$out" -cp "${cp#:}" $(find "$here/fuzz" -name '*.java')
(cd "$here/fuzz" && find . -path '*Inputs/*' -type f -exec cp --parents {} "$out/" \;)

class=procurement.review.core.importer.hostile.ReaderFuzzTest
if [ $# -gt 0 ]; then
  export JAZZER_FUZZ=1          # fuzz the one method for the maxDuration of its annotation (5 minutes)
  select=(-m "$class#$1(byte[])")
else
  select=(-c "$class")          # regression mode: the seeds only, no fuzzing
fi
# Findings (crash-*, timeout-*) land in the working directory; move them into ReaderFuzzTestInputs/<method>/.
mkdir -p "$work/run" && cd "$work/run"
echo "findings and generated corpus: $work/run" >&2
exec "$java/java" -XX:+EnableDynamicAgentLoading -cp "$out:${cp#:}" org.junit.platform.console.ConsoleLauncher \
  execute --disable-banner --details=tree "${select[@]}"
