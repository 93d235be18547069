# Sourced by the project's scripts: exports JAVA_HOME pointing at the newest JDK >= 21 on this machine.
# Order: $JAVA_HOME if it is new enough, then every JDK under /usr/lib/jvm (and /opt/java), then java on PATH.
# The default java may be 17, which cannot build or run Plimsoll.

plimsoll_jdk_major() {  # plimsoll_jdk_major JAVA_HOME -> prints the major version, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  [ -n "$v" ] || v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

plimsoll_select_jdk() {
  local best="" best_major=0 cand major
  for cand in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -d "$cand" ] || continue
    major=$(plimsoll_jdk_major "$cand")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$cand best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "plimsoll: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt/java, PATH)" >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PLIMSOLL_JDK_MAJOR=$best_major
}

plimsoll_select_jdk
