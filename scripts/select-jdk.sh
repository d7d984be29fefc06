#!/usr/bin/env bash
# Sourced by ./build and ./minerai: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $MINERAI_JAVA_HOME, $JAVA_HOME, then every JDK under /usr/lib/jvm and /opt (newest first).

minerai_java_feature() { # prints the feature release (e.g. 25) of the JDK at $1, or nothing
  local v
  [ -x "$1/bin/javac" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  printf '%s' "${v%%.*}"
}

minerai_select_jdk() {
  local c f
  for c in "${MINERAI_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do
    [ -n "$c" ] || continue
    f=$(minerai_java_feature "$c")
    if [ -n "$f" ] && [ "$f" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "minerai: no JDK 21 or newer found (looked at \$MINERAI_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm, /opt)." >&2
  echo "minerai: install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
