package dev.vbp.read;

import dev.vbp.errors.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * The one place where a file the user names is opened, for both reading stacks: {@link DatasetReader} (small
 * datasets) and the ledger engine ({@code LedgerScan}) read only what {@link #open} hands them, a plain
 * delimited file and the name to use in messages.
 *
 * <ul>
 *   <li>{@code -} is standard input: spooled once to a temporary file (the ledger engine reads files in
 *       parallel ranges), named {@code -} in every message.</li>
 *   <li>Anything else is the file itself.</li>
 * </ul>
 *
 * <p>Other input formats plug in here: a reader that turns a workbook sheet into delimited bytes returns an
 * {@link Opened} whose {@code file} holds those bytes, whose {@code name} is the workbook's, and whose
 * {@code positions} translate a line and column of the bytes back to the sheet's own cell (sheet!B7).
 */
public final class InputSource {
    /** The name that means standard input. */
    public static final String STDIN = "-";

    /**
     * What was opened.
     *
     * @param file      a readable delimited file
     * @param name      the user's own name for it, used in every message
     * @param positions how a line and column of {@code file} are shown to the user
     */
    public record Opened(Path file, String name, Positions positions) {
        /** {@code name:line:column}, or {@code name:line} for column 0, in the user's own terms. */
        public String where(long line, int column) {
            return positions.where(name, line, column);
        }
    }

    /** Maps a position in the delimited bytes to the user's file (for a sheet: its cell). */
    public interface Positions {
        Positions LINES = (name, line, column) -> name + ":" + line + (column > 0 ? ":" + column : "");

        String where(String name, long line, int column);
    }

    private final Supplier<InputStream> stdin;
    private Opened stdinCopy;

    /** @param stdin standard input, read at most once */
    public InputSource(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    /** An opener without standard input (a {@code -} is then refused). */
    public static InputSource files() {
        return new InputSource(() -> {
            throw new BadInputException("-: standard input is not available here");
        });
    }

    public static boolean isStdin(Path given) {
        return given.toString().equals(STDIN);
    }

    public Opened open(Path given) {
        if (isStdin(given)) return stdin();
        return new Opened(given, given.toString(), Positions.LINES);
    }

    /** Standard input, spooled to a temporary file the first time it is asked for; the same copy after. */
    private synchronized Opened stdin() {
        if (stdinCopy != null) return stdinCopy;
        try {
            Path tmp = Files.createTempFile("vbp-stdin-", ".csv");
            tmp.toFile().deleteOnExit();
            try (InputStream in = stdin.get()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            stdinCopy = new Opened(tmp, STDIN, Positions.LINES);
            return stdinCopy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
