package dev.plimsoll.check.dockerfile.syntax;

/** A word of a logical line and the offset where it starts in that line. */
record Token(String text, int start) {
}
