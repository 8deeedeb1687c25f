package dev.vbp.cli;

/** The exit codes every command documents in its help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A requested check or threshold failed (e.g. --fail-under). */
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int INTERNAL = 4;

    static final String[] HELP_LIST = {
            "0:ok",
            "1:a requested check or threshold failed",
            "2:usage error (unknown option, bad option value, missing input)",
            "3:bad input data (unreadable file, missing column, rejected rows)",
            "4:internal error (please report it, with --stacktrace output)",
    };

    private ExitCodes() {}
}
