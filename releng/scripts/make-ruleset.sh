#!/usr/bin/env bash
# Regenerates the built-in rule set (bundles/procurement.review.rules/rules/builtin.ruleset) from the seed watch list
# and the rule definitions in BuiltinRuleSetGenerator, on a plain class path (no OSGi). Run after ./mvnw verify has
# compiled the model and rules bundles; commit the result. BuiltinRuleSetGeneratorTest fails while it is stale.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=releng/scripts/find-jdk.sh
. "$root/releng/scripts/find-jdk.sh"
emf="${MAVEN_REPO:-$HOME/.m2/repository}/org/eclipse/emf"
jar() { ls "$emf/$1"/*/"$1"-*.jar | grep -v sources | sort -V | tail -n 1; }
bundles="$root/bundles"
cp="$bundles/procurement.review.model/target/classes:$bundles/procurement.review.rules/target/classes"
cp="$cp:$(jar org.eclipse.emf.ecore):$(jar org.eclipse.emf.common):$(jar org.eclipse.emf.ecore.xmi)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -d "$out" -cp "$cp" \
  "$bundles/procurement.review.rules.tests/src/procurement/review/rules/BuiltinRuleSetGenerator.java"
cd "$bundles/procurement.review.rules.tests"
"$JAVA_HOME/bin/java" -cp "$out:$cp" procurement.review.rules.BuiltinRuleSetGenerator
