package dev.vbp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs vbp in-process with captured streams, a fixed clock and no colours. */
public final class Cli {
    /** One run: exit code and what was printed. */
    public record Result(int exit, String out, String err) {
        /** Fails with both streams in the message, so a failing test shows what vbp said. */
        public Result expect(int code) {
            if (exit != code) {
                throw new AssertionError("expected exit " + code + " but was " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err);
            }
            return this;
        }

        public Result ok() { return expect(ExitCodes.OK); }
    }

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private Cli() {}

    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    public static Result run(Map<String, String> env, String... args) {
        return runWithInput(env, new byte[0], args);
    }

    /** A run whose standard input holds {@code stdin}. */
    public static Result runWithInput(byte[] stdin, String... args) {
        return runWithInput(Map.of(), stdin, args);
    }

    public static Result runWithInput(Map<String, String> env, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err), env,
                Path.of("").toAbsolutePath(), CLOCK, false, false, new java.io.ByteArrayInputStream(stdin), false, 0);
        int code = VbpCli.run(ctx, args);
        return new Result(code, out.toString(), err.toString());
    }
}
