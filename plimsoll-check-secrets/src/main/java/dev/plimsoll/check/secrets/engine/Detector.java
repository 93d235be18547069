package dev.plimsoll.check.secrets.engine;

import java.util.List;

/**
 * Something that finds candidate secrets: a provider rule or a generic detector. The engine runs it only on the
 * lines around its keywords (one Aho-Corasick pass finds them), so a detector must find what it looks for within
 * the line holding a keyword plus {@link #span()} characters after it (and {@link #reachBack()} before it).
 */
public interface Detector {
    /** Lower-case ASCII literals; the detector runs only where one occurs. Never empty. */
    List<String> keywords();

    /** 0: matches stay on the keyword's line; n: they may reach n characters further; MAX_VALUE: whole text. */
    default int span() {
        return 0;
    }

    /**
     * How many characters before its keyword a match may start: 0 for most detectors (the match starts on the
     * keyword's line); a multi-line rule may name a keyword that sits on a later line of its match (the
     * {@code repository:} line of a .pypirc section, after the {@code [name]} line its regex starts with).
     */
    default int reachBack() {
        return 0;
    }

    /** Adds the candidates found in text[from, to) (whole lines) to {@code out}. Must not throw on any input. */
    void detect(ScanText text, int from, int to, List<Candidate> out);
}
