package dev.plimsoll.vulndb.build;

import java.util.List;
import java.util.Objects;

/** An update that installed a new database: what each file did, then the build. */
public record UpdateReport(List<DownloadReport> downloads, BuildReport build) {
    public UpdateReport {
        downloads = List.copyOf(downloads);
        Objects.requireNonNull(build);
    }
}
