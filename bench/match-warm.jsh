// Warm open + match: one JVM, the same SBOM matched 15 times; the last runs show the steady state.
// Run by bench/vuln.sh: jshell --class-path plimsoll.jar -R-Dsbom=FILE -R-Ddb=FILE bench/match-warm.jsh
import dev.plimsoll.engine.sbom.*;
import dev.plimsoll.match.*;
import dev.plimsoll.vulndb.*;
import java.nio.file.*;
var sbomFile = Path.of(System.getProperty("sbom"));
var dbFile = Path.of(System.getProperty("db"));
var doc = new SbomReader().read(sbomFile);
var results = new java.util.ArrayList<String>();
for (int i = 0; i < 15; i++) {
  long t0 = System.nanoTime();
  try (var db = VulnDbReader.open(dbFile)) {
    long t1 = System.nanoTime();
    var r = new SbomScanner(new MatchEngine(db)).scan(sbomFile, doc);
    long t2 = System.nanoTime();
    results.add(String.format("open %.2f ms + match %d ms (%d findings)", (t1 - t0) / 1e6, (t2 - t1) / 1_000_000, r.result().findings().size()));
  }
}
System.out.println(String.join("\n", results.subList(10, 15)));
/exit
