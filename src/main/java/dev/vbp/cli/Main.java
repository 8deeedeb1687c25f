package dev.vbp.cli;

import dev.vbp.output.Lang;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Entry point of the runnable jar: the only place that touches System.out, System.err and System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        quietLibraries();
        Charset charset = outputCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        boolean stdoutTerminal = isTerminal(1);
        boolean interactive = System.console() != null && isTerminal(0) && stdoutTerminal;
        CliContext context = new CliContext(out, err, System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(), CommandLine.Help.Ansi.AUTO.enabled() && !dumb, isTerminal(2) && !dumb,
                System.in, interactive, stdoutTerminal ? TerminalWidth.of(System.getenv()) : 0, System.out, stdoutTerminal, null);
        // An error in any thread ends vbp with one line and exit 4: never a raw trace, a hang, or exit 1.
        Lang lang = VbpCli.langOf(context, args);
        byte[] outOfMemory = (VbpCli.outOfMemory(lang) + System.lineSeparator()).getBytes(charset);
        FileOutputStream rawErr = new FileOutputStream(FileDescriptor.err);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal(rawErr, e instanceof OutOfMemoryError ? outOfMemory
                : (inThread(lang, e, thread) + System.lineSeparator()).getBytes(charset)));
        int code;
        try {
            code = VbpCli.run(context, args);
        } catch (OutOfMemoryError e) {
            fatal(rawErr, outOfMemory);
            return;
        } catch (Throwable e) { // StackOverflowError, LinkageError: still one line and exit 4
            err.println(lang.pick("vbp: internal error: " + e.getClass().getSimpleName() + " (run with --stacktrace for details)",
                    "vbp：内部错误：" + e.getClass().getSimpleName() + "（加 --stacktrace 运行可查看详情）"));
            code = ExitCodes.INTERNAL;
        }
        System.exit(code);
    }

    /** The line of an error no command caught, in a thread of its own. */
    static String inThread(Lang lang, Throwable e, Thread thread) {
        return lang.pick("vbp: internal error: " + e.getClass().getSimpleName() + " in thread " + thread.getName(),
                "vbp：内部错误：线程 " + thread.getName() + " 中的 " + e.getClass().getSimpleName());
    }

    /** Prints bytes made in advance (no memory needed) and ends the process with exit 4. */
    private static void fatal(FileOutputStream err, byte[] line) {
        try {
            err.write(line);
            err.flush();
        } catch (Throwable ignored) {
            // nothing more can be said
        }
        Runtime.getRuntime().halt(ExitCodes.INTERNAL);
    }

    /**
     * POI logs through Log4j's API, which without a provider complains once per run; vbp's output is its
     * own, so library logging goes to Log4j's simple logger, switched off. Set here, for the vbp process,
     * and not in a log4j2.component.properties in the jar: vbp-spark puts the same jar beside Spark's
     * log4j-core, which such a file would break.
     */
    private static void quietLibraries() {
        // Tablesaw logs through SLF4J; without a binding SLF4J would print a notice on stderr.
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        // Log4j API 2.24 names its provider and status level so; without them it warns once per run.
        System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    /**
     * Progress belongs on stderr when a person watches it, even when stdout goes to a file
     * ({@code vbp online-rate ... > rates.csv}); a workbook must not go to a terminal. Java cannot ask about
     * one stream alone; on Linux the file descriptor's target tells, elsewhere the console (stdin and
     * stdout) stands in for it.
     */
    private static boolean isTerminal(int fd) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** UTF-8 unless the terminal says otherwise (stdout.encoding on Java 19+, else the platform's charset). */
    private static Charset outputCharset() {
        String declared = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return declared != null ? Charset.forName(declared) : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
