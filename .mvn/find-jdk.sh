# Sourced by ./mvnw and ./kcwb: make JAVA_HOME point at a JDK 25 or newer.
# Order: JAVA_HOME if it is new enough, then /usr/lib/jvm/temurin-25*, then any /usr/lib/jvm/*25*/26*.
kcwb_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
kcwb_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(kcwb_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 25 ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25* /usr/lib/jvm/*26*; do
    if [ -x "$candidate/bin/javac" ]; then
      major=$(kcwb_java_major "$candidate")
      if [ "${major:-0}" -ge 25 ]; then export JAVA_HOME="$candidate"; return 0; fi
    fi
  done
  echo "kcwb: no Java 25 JDK found (JAVA_HOME='${JAVA_HOME:-}')." >&2
  echo "kcwb: install Temurin 25 (e.g. 'apt-get install temurin-25-jdk' from Adoptium's repository) and set JAVA_HOME." >&2
  return 1
}
# ./mvnw runs with globbing off (set -f); the candidate list needs it.
case $- in *f*) set +f; kcwb_find_jdk || exit 1; set -f ;; *) kcwb_find_jdk || exit 1 ;; esac
