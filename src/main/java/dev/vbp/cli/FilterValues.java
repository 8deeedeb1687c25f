package dev.vbp.cli;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A filter option ({@code --batch}) given a value the data does not hold is a usage error that lists the
 * values it does hold, rather than an empty report or "nothing selected" that leaves the person guessing.
 */
public final class FilterValues {
    private FilterValues() {}

    /** At most this many values are listed; the rest are counted. */
    static final int SHOWN = 30;

    /**
     * Throws when a value of {@code given} is not among {@code present}.
     *
     * @param what what the values are, plural and with where they were looked for ("batches in the bids")
     */
    public static void check(String option, Collection<String> given, Collection<String> present, String what) {
        List<String> unknown = given.stream().filter(g -> !present.contains(g)).toList();
        if (unknown.isEmpty()) return;
        throw new UsageException(option + " " + String.join(", ", unknown) + ": not found; " + list(present, what));
    }

    /** "the batches in the bids are: 4+7, batch-2 (and 3 more)", or "there are no batches in the bids". */
    public static String list(Collection<String> present, String what) {
        TreeSet<String> sorted = new TreeSet<>(present);
        if (sorted.isEmpty()) return "there are no " + what;
        List<String> shown = sorted.stream().limit(SHOWN).toList();
        return "the " + what + " are: " + String.join(", ", shown)
                + (sorted.size() > SHOWN ? " (and " + (sorted.size() - SHOWN) + " more)" : "");
    }
}
