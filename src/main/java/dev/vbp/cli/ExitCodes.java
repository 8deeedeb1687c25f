package dev.vbp.cli;

/** The exit codes every command documents in its help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A requested check or threshold failed (e.g. --fail-under). */
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INTERNAL = 4;

    /** Code → meaning, in the order help lists them. */
    static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("0", "ok");
        m.put("1", "a requested check or threshold failed");
        m.put("2", "usage error (unknown option, bad option value, missing input)");
        m.put("3", "bad input data (unreadable file, missing column, rejected rows)");
        m.put("4", "internal error (please report it, with --stacktrace output)");
        return m;
    }

    private ExitCodes() {}
}
