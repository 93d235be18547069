package dev.plimsoll.check.dockerfile.syntax;

/**
 * Bounds that keep hostile input from exhausting memory or time. BuildKit itself stops at 64 KiB per line; the
 * defaults are more generous so that real files over that limit can still be linted.
 *
 * @param maxChars the whole file
 * @param maxLineLength one physical line
 * @param maxHeredocsPerInstruction heredoc markers in one instruction
 * @param maxExpansionLength one expanded value (longer results are cut and marked approximate)
 * @param maxExpansionTotal all values expanded while building the stages' environments
 */
public record ParserLimits(int maxChars, int maxLineLength, int maxHeredocsPerInstruction, int maxExpansionLength,
        int maxExpansionTotal) {
    public static final ParserLimits DEFAULT = new ParserLimits(16 << 20, 1 << 20, 64, 64 << 10, 8 << 20);
}
