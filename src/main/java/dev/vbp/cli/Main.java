package dev.vbp.cli;

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
        Charset charset = outputCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        CliContext context = new CliContext(out, err, System.getenv(), Path.of("").toAbsolutePath(),
                Clock.systemDefaultZone(), CommandLine.Help.Ansi.AUTO.enabled(), stderrIsTerminal() && !"dumb".equals(System.getenv("TERM")));
        // An error in any thread ends vbp with one line and exit 4: never a raw trace, a hang, or exit 1.
        byte[] outOfMemory = (VbpCli.outOfMemory() + System.lineSeparator()).getBytes(charset);
        FileOutputStream rawErr = new FileOutputStream(FileDescriptor.err);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> fatal(rawErr, e instanceof OutOfMemoryError ? outOfMemory
                : ("vbp: internal error: " + e.getClass().getSimpleName() + " in thread " + thread.getName()
                + System.lineSeparator()).getBytes(charset)));
        int code;
        try {
            code = VbpCli.run(context, args);
        } catch (OutOfMemoryError e) {
            fatal(rawErr, outOfMemory);
            return;
        } catch (Throwable e) { // StackOverflowError, LinkageError: still one line and exit 4
            err.println("vbp: internal error: " + e.getClass().getSimpleName() + " (run with --stacktrace for details)");
            code = ExitCodes.INTERNAL;
        }
        System.exit(code);
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
     * Progress belongs on stderr when a person watches it, even when stdout goes to a file
     * ({@code vbp online-rate ... > rates.csv}). Java cannot ask about stderr alone; on Linux the file
     * descriptor's target tells, elsewhere the console (stdin and stdout) stands in for it.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
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
