package dev.vbp.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import dev.vbp.output.Report;

/**
 * What a command may touch outside its arguments: the output streams, the environment, the working
 * directory and the clock. Injected so tests run commands in-process without capturing System.out.
 *
 * @param color          whether stdout may carry ANSI colours (a terminal, and NO_COLOR unset)
 * @param progress       whether stderr is a terminal, so long work may draw progress there
 * @param binaryOut      stdout as bytes, for formats that are not text (xlsx); null when there is none
 * @param stdoutTerminal whether stdout is a terminal, where bytes of a workbook must not go
 * @param reports        when set, commands hand their finished reports here instead of rendering them
 *                       ({@code vbp report} runs other commands this way and lays out what they return)
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                         boolean color, boolean progress, OutputStream binaryOut, boolean stdoutTerminal,
                         Consumer<Report> reports) {

    /** A context whose stdout takes text only. */
    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress) {
        this(out, err, env, cwd, clock, color, progress, null, false, null);
    }

    public CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Path cwd, Clock clock,
                      boolean color, boolean progress, OutputStream binaryOut, boolean stdoutTerminal) {
        this(out, err, env, cwd, clock, color, progress, binaryOut, stdoutTerminal, null);
    }

    /** This context with reports collected by {@code sink} and nothing printed on stdout. */
    public CliContext collecting(Consumer<Report> sink) {
        return new CliContext(new PrintWriter(java.io.Writer.nullWriter()), err, env, cwd, clock, false, progress, null, false, sink);
    }
}
