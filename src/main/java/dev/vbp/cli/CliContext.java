package dev.vbp.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch outside its arguments: the streams, the environment, the working directory and
 * the clock. Injected so tests run commands in-process without capturing System.out.
 *
 * @param color          whether stdout may carry ANSI colours (a terminal, NO_COLOR unset, TERM not dumb)
 * @param progress       whether stderr is a terminal, so long work may draw progress there
 * @param in             standard input ({@code vbp shell < queries.vbp})
 * @param interactive    whether stdin and stdout are a terminal a person types at
 * @param width          the terminal's width in cells when stdout is a terminal, else 0 (no limit)
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                         boolean color, boolean progress, InputStream in, boolean interactive, int width) {

    /** A context without input and without a terminal's width (tests, generated docs). */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress) {
        this(out, err, env, cwd, clock, color, progress, InputStream.nullInputStream(), false, 0);
    }
}
