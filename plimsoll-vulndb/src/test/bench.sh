#!/usr/bin/env bash
# Runs VulnDbBench (engine comparison for the vulnerability database file); arguments go to it.
#   plimsoll-vulndb/src/test/bench.sh [--keys 60000] [--advisories 300000] [--cves 200000] [--runs 5] [--dir DIR]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)
cd "$root"
bin/mvn -B -q -o -pl plimsoll-vulndb test-compile
cpfile=$root/plimsoll-vulndb/target/bench-classpath.txt
bin/mvn -B -q -o -pl plimsoll-vulndb org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
. bin/jdk.sh
cd plimsoll-vulndb
exec "$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat "$cpfile")" dev.plimsoll.vulndb.VulnDbBench "$@"
