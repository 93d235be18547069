package dev.plimsoll.match;

/**
 * Declarative, pure knowledge of one family of packages: which keys their vulnerability data is stored under and
 * which installed version the data's bounds speak of. The {@link MatchEngine} owns database access, batching,
 * range evaluation and merging, so a matcher is a small table-testable function.
 */
public interface Matcher {

    /** "os/deb", "lang/golang", … */
    String id();

    boolean accepts(Candidate candidate);

    /** Called only for accepted candidates. */
    Plan plan(Candidate candidate);
}
