package dev.plimsoll.check.dockerfile.syntax;

/**
 * A here-document of RUN, COPY or ADD.
 *
 * @param delimiter the terminator word, quotes removed ({@code EOF} for {@code <<"EOF"})
 * @param marker the marker as written in the instruction ({@code <<-"EOF"}), where it is
 * @param stripTabs {@code <<-}: leading tabs are removed from body lines and the terminator
 * @param expands false when the delimiter was quoted: the body gets no variable expansion
 * @param fileDescriptor the number before {@code <<} ({@code 3<<EOF}), or -1
 * @param body the content, each line ending in a newline, tabs already removed for {@code <<-}
 * @param bodyStartLine the line of the body's first line (the terminator's line when the body is empty)
 * @param terminatorLine the line holding the terminator
 */
public record Heredoc(String delimiter, Word marker, boolean stripTabs, boolean expands, int fileDescriptor,
        String body, int bodyStartLine, int terminatorLine) {
}
