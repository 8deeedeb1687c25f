package dev.vbp.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may touch outside its arguments: the output streams, the environment, the working
 * directory and the clock. Injected so tests run commands in-process without capturing System.out.
 *
 * @param color          whether stdout may carry ANSI colours (a terminal, and NO_COLOR unset)
 * @param progress       whether stderr is a terminal, so long work may draw progress there
 * @param in             standard input, for file options given as {@code -}
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                         boolean color, boolean progress, Supplier<InputStream> in) {

    /** A context whose standard input is the process's. */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress) {
        this(out, err, env, cwd, clock, color, progress, () -> System.in);
    }
}
