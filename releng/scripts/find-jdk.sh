# Sourced by ./mvnw and ./procurement-review: sets JAVA_HOME to a JDK >= 21 (Eclipse 2025-12 bundles need 21).
# Prefers an already set JAVA_HOME, then Temurin 25 and 21 under /usr/lib/jvm, then any JDK there.
# A JDK's release file names its version; reading it costs nothing, starting java -version a JVM start.
is_jdk21() {
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$1/release" ]; then
    grep -Eq '^JAVA_VERSION="(2[1-9]|[3-9][0-9])' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'
  fi
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
    if is_jdk21 "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  echo "no JDK >= 21 found; set JAVA_HOME" >&2
  return 1
}
JAVA_HOME="$(find_jdk)" || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
