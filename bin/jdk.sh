# Sourced by the project's scripts: exports JAVA_HOME pointing at the newest JDK >= 21 on this machine.
# Order: $JAVA_HOME if it is new enough, then every JDK under /usr/lib/jvm (and /opt/java), then java on PATH.
# The default java may be 17, which cannot build or run Plimsoll.

plimsoll_jdk_major() {  # plimsoll_jdk_major JAVA_HOME -> prints the major version, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    local line
    # read, not sed: this runs on every start of bin/plimsoll, and each fork costs milliseconds
    while IFS= read -r line; do
      case $line in JAVA_VERSION=\"*) v=${line#JAVA_VERSION=\"}; v=${v%%\"*}; break ;; esac
    done < "$home/release"
  fi
  [ -n "$v" ] || v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

plimsoll_select_jdk() {
  local best="" best_major=0 cand major key="" cached installed=(/usr/lib/jvm/* /opt/java/*)
  if [ -n "${PLIMSOLL_JDK_CACHE:-}" ]; then
    # The choice is kept with what it depends on (JAVA_HOME, PATH, the installed JDKs' directories); the same
    # surroundings give the same choice without looking into each JDK again.
    key="${JAVA_HOME:-}|$PATH|${installed[*]}"
    if [ -f "$PLIMSOLL_JDK_CACHE" ] && { IFS= read -r cached && IFS=' ' read -r best best_major; } \
        < "$PLIMSOLL_JDK_CACHE" && [ "$cached" = "$key" ] && [ -x "$best/bin/java" ]; then
      export JAVA_HOME=$best PLIMSOLL_JDK_MAJOR=$best_major
      return 0
    fi
    best="" best_major=0
  fi
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
  if [ -n "$key" ] && [ -d "$(dirname "$PLIMSOLL_JDK_CACHE")" ]; then
    printf '%s\n%s %s\n' "$key" "$best" "$best_major" > "$PLIMSOLL_JDK_CACHE" 2>/dev/null || true
  fi
}

plimsoll_select_jdk
