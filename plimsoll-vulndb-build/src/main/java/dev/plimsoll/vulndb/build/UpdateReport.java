package dev.plimsoll.vulndb.build;

import java.util.List;
import java.util.Objects;

/** An update that installed a new database: what each file and each API sync did, then the build. */
public record UpdateReport(List<DownloadReport> downloads, List<SyncReport> syncs, BuildReport build) {
    public UpdateReport {
        downloads = List.copyOf(downloads);
        syncs = List.copyOf(syncs);
        Objects.requireNonNull(build);
    }
}
