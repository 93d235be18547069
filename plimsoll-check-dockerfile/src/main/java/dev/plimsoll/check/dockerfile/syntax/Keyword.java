package dev.plimsoll.check.dockerfile.syntax;

import java.util.Locale;

/** The instruction keywords BuildKit knows; anything else is {@link #UNKNOWN}. */
public enum Keyword {
    ADD, ARG, CMD, COPY, ENTRYPOINT, ENV, EXPOSE, FROM, HEALTHCHECK, LABEL, MAINTAINER, ONBUILD, RUN, SHELL,
    STOPSIGNAL, USER, VOLUME, WORKDIR, UNKNOWN;

    /** The keyword for a word as written, case-insensitively. */
    public static Keyword of(String written) {
        return switch (written.toUpperCase(Locale.ROOT)) {
            case "ADD" -> ADD;
            case "ARG" -> ARG;
            case "CMD" -> CMD;
            case "COPY" -> COPY;
            case "ENTRYPOINT" -> ENTRYPOINT;
            case "ENV" -> ENV;
            case "EXPOSE" -> EXPOSE;
            case "FROM" -> FROM;
            case "HEALTHCHECK" -> HEALTHCHECK;
            case "LABEL" -> LABEL;
            case "MAINTAINER" -> MAINTAINER;
            case "ONBUILD" -> ONBUILD;
            case "RUN" -> RUN;
            case "SHELL" -> SHELL;
            case "STOPSIGNAL" -> STOPSIGNAL;
            case "USER" -> USER;
            case "VOLUME" -> VOLUME;
            case "WORKDIR" -> WORKDIR;
            default -> UNKNOWN;
        };
    }
}
