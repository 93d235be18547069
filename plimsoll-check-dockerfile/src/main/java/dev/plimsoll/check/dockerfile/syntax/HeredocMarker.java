package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <<EOF} word found on a RUN, COPY or ADD line. Found as BuildKit does: the line is split into shell words
 * (quotes and backslash escapes respected, so {@code "<<EOF"} is no marker), and a word matching
 * {@code [digits]<<[-]name} with no further {@code <} is a marker; a quoted or escaped name turns expansion off.
 */
record HeredocMarker(Word word, String delimiter, boolean stripTabs, boolean expands, int fileDescriptor) {

    static List<HeredocMarker> find(String text, int from, LogicalLine line) {
        if (text.indexOf("<<", from) < 0) {
            return List.of();
        }
        List<HeredocMarker> markers = new ArrayList<>();
        for (Token token : ArgumentLexer.shellWords(text, from)) {
            HeredocMarker marker = parse(token, line);
            if (marker != null) {
                markers.add(marker);
            }
        }
        return markers;
    }

    private static HeredocMarker parse(Token token, LogicalLine line) {
        String word = token.text();
        int i = 0;
        while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
            i++;
        }
        if (!word.startsWith("<<", i)) {
            return null;
        }
        int fileDescriptor = -1;
        if (i > 0) {
            fileDescriptor = i > 9 ? Integer.MAX_VALUE : Integer.parseInt(word.substring(0, i));
        }
        int nameStart = i + 2;
        boolean stripTabs = nameStart < word.length() && word.charAt(nameStart) == '-';
        if (stripTabs) {
            nameStart++;
        }
        String rest = word.substring(nameStart);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return null;
        }
        String name = ArgumentLexer.unquoteShellWord(rest);
        if (name.isEmpty()) {
            return null;
        }
        return new HeredocMarker(new Word(word, line.position(token.start())), name, stripTabs, name.equals(rest),
                fileDescriptor);
    }
}
