package dev.plimsoll.check.cis.input.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A systemd unit as systemd loads it: its fragment file, its drop-ins, and the [Service] settings Plimsoll reads,
 * after the drop-ins were applied ({@code ExecStart=} with an empty value resets the list, as in systemd).
 *
 * @param fragment         the unit file's path inside the root (the name found first in the unit search path)
 * @param masked           whether the fragment is a link to /dev/null
 * @param dropIns          the {@code NAME.d/*.conf} files applied, in order
 * @param execStart        the effective ExecStart command lines
 * @param execStartSource  the file that set the effective ExecStart ("" when none)
 * @param environmentFiles EnvironmentFile= values, "-" prefix kept (the file is optional then)
 * @param environment      Environment= assignments, in order
 */
public record UnitFile(String name, String fragment, boolean masked, List<String> dropIns, List<String> execStart,
                       String execStartSource, List<String> environmentFiles, List<String> environment) {
    public UnitFile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(fragment);
        dropIns = List.copyOf(dropIns);
        execStart = List.copyOf(execStart);
        Objects.requireNonNull(execStartSource);
        environmentFiles = List.copyOf(environmentFiles);
        environment = List.copyOf(environment);
    }

    /** The command line that starts the service: the last ExecStart (a simple service has exactly one). */
    public Optional<String> command() {
        return execStart.isEmpty() ? Optional.empty() : Optional.of(execStart.get(execStart.size() - 1));
    }
}
