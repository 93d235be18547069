package dev.plimsoll.report;

import java.util.Objects;

/** The tool that wrote a report, as SBOM creator fields and report headers name it: "plimsoll", "0.1.0". */
public record ToolInfo(String name, String version) {
    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("tool name and version must not be blank");
        }
    }
}
