package dev.plimsoll.check.secrets.engine;

import java.util.List;

/**
 * Something that finds candidate secrets: a provider rule or a generic detector. The engine runs it only on the
 * lines around its keywords (one Aho-Corasick pass finds them), so a detector must find what it looks for within
 * the line holding a keyword plus {@link #span()} characters after it.
 */
public interface Detector {
    /** Lower-case ASCII literals; the detector runs only where one occurs. Never empty. */
    List<String> keywords();

    /** 0: matches stay on the keyword's line; n: they may reach n characters further; MAX_VALUE: whole text. */
    default int span() {
        return 0;
    }

    /** Adds the candidates found in text[from, to) (whole lines) to {@code out}. Must not throw on any input. */
    void detect(ScanText text, int from, int to, List<Candidate> out);
}
