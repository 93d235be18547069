package dev.plimsoll.check.dockerfile.syntax;


/** {@code WORKDIR path} as written. */
public record WorkdirInstruction(InstructionSource source, String path) implements Instruction {
    /** Absolute as written: {@code /x}, a Windows drive path {@code C:\x} or {@code C:/x}, or a UNC path. */
    public boolean isAbsolute() {
        if (path.startsWith("/") || path.startsWith("\\\\")) {
            return true;
        }
        return path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }
}
