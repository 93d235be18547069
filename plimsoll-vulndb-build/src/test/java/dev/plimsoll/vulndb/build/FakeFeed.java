package dev.plimsoll.vulndb.build;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A feed for builder and updater tests: reads {@code <id>/*.txt} under the root, one advisory per line
 * ("name id"), a line "CVE-… epss" as partial CVE facts, any other line as a malformed record; the newest file's
 * name (yyyy-mm-dd.txt) is its data date. {@code failWith} makes it fail as a whole.
 */
record FakeFeed(String id, List<Download> downloads, Optional<RuntimeException> failWith) implements Feed {

    static FakeFeed of(String id) {
        return new FakeFeed(id, List.of(new Download(id + ".data", URI.create("https://example.invalid/" + id),
                id, Download.Unpack.NONE, Optional.empty())), Optional.empty());
    }

    @Override
    public boolean present(Path root) {
        return Files.isDirectory(root.resolve(id));
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        failWith.ifPresent(e -> {
            throw e;
        });
        try (var files = Files.list(root.resolve(id))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.matches("\\d{4}-\\d{2}-\\d{2}\\.txt")) {
                    sink.dataDate(Instant.parse(name.substring(0, 10) + "T00:00:00Z"));
                }
                for (String line : Files.readAllLines(f)) {
                    String[] p = line.trim().split(" ");
                    if (p.length == 2 && p[0].startsWith("CVE-") && p[1].equals("epss")) {
                        sink.cveFacts(new CveFacts(p[0], false, Optional.empty(), OptionalDouble.of(0.5),
                                OptionalDouble.empty(), List.of(), Optional.empty()));
                    } else if (p.length == 2) {
                        sink.advisory(advisory(id, p[0], p[1]));
                    } else {
                        sink.skipped(id + "/" + name, "not 'name id': " + line);
                    }
                }
            }
        }
    }

    static Advisory advisory(String source, String name, String id) {
        return new Advisory(id, Set.of(), source, PackageKey.language(Ecosystem.NPM, name), List.of(), List.of(),
                new FixState.NotFixed(), Optional.empty(), List.of(), "", List.of(), Optional.empty(),
                Optional.empty(), false);
    }
}
