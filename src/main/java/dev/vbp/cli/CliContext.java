package dev.vbp.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import dev.vbp.output.Report;

/**
 * What a command may touch outside its arguments: the streams, the environment, the working directory and
 * the clock. Injected so tests run commands in-process without capturing System.out.
 *
 * @param color          whether stdout may carry ANSI colours (a terminal, NO_COLOR unset, TERM not dumb)
 * @param progress       whether stderr is a terminal, so long work may draw progress there
 * @param in             standard input ({@code vbp shell < queries.vbp}, {@code --bids -})
 * @param interactive    whether stdin and stdout are a terminal a person types at
 * @param width          the terminal's width in cells when stdout is a terminal, else 0 (no limit)
 * @param binaryOut      stdout as bytes, for formats that are not text (xlsx); null when there is none
 * @param stdoutTerminal whether stdout is a terminal, where bytes of a workbook must not go
 * @param reports        when set, commands hand their finished reports here instead of rendering them
 *                       ({@code vbp report} runs other commands this way and lays out what they return)
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                         boolean color, boolean progress, InputStream in, boolean interactive, int width,
                         OutputStream binaryOut, boolean stdoutTerminal, Consumer<Report> reports) {

    /** A context without input, without a terminal, whose stdout takes text only (tests, generated docs). */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress) {
        this(out, err, env, cwd, clock, color, progress, InputStream.nullInputStream(), false, 0, null, false, null);
    }

    /** The same, with stdout also available as bytes. */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress, OutputStream binaryOut, boolean stdoutTerminal) {
        this(out, err, env, cwd, clock, color, progress, InputStream.nullInputStream(), false, 0, binaryOut, stdoutTerminal, null);
    }

    /** The same, with standard input and a terminal's width (the shell). */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress, InputStream in, boolean interactive, int width) {
        this(out, err, env, cwd, clock, color, progress, in, interactive, width, null, false, null);
    }

    /** This context without colours. */
    public CliContext withoutColor() {
        return new CliContext(out, err, env, cwd, clock, false, progress, in, interactive, width, binaryOut, stdoutTerminal, reports);
    }

    /** This context with other text streams, and no stdout for bytes. */
    public CliContext withStreams(PrintWriter newOut, PrintWriter newErr) {
        return new CliContext(newOut, newErr, env, cwd, clock, color, progress, in, interactive, width, null, false, reports);
    }

    /** This context with reports collected by {@code sink} and nothing printed on stdout. */
    public CliContext collecting(Consumer<Report> sink) {
        return new CliContext(new PrintWriter(java.io.Writer.nullWriter()), err, env, cwd, clock, false, progress, in, false, 0, null, false, sink);
    }
}
