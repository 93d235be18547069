package dev.plimsoll.check.dockerfile.shell;

import java.util.Objects;

/**
 * The script a command runs from a string: {@code sh -c '…'}, {@code bash -euxo pipefail -c "…"},
 * {@code su app -c '…'}. Positions are exact for single-quoted strings on one line and close otherwise.
 *
 * @param interpreter the shell's basename ({@code sh}, {@code bash}, {@code su})
 * @param pipefail whether the shell was started with {@code -o pipefail}
 */
public record NestedScript(String interpreter, ShellScript script, boolean pipefail) {
    public NestedScript {
        Objects.requireNonNull(interpreter);
        Objects.requireNonNull(script);
    }
}
