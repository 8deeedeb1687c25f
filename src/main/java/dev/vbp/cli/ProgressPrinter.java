package dev.vbp.cli;

import dev.vbp.engine.ledger.ProgressListener;
import dev.vbp.output.Lang;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a ledger scan's progress on one stderr line: share done, bytes, lines, rate and time left. Used only
 * when stderr is a terminal and --quiet is off, so scripts and CI logs stay clean.
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintWriter err;
    private final Lang lang;
    private final long started = System.nanoTime();
    private boolean drawn;

    ProgressPrinter(PrintWriter err) {
        this(err, Lang.EN);
    }

    ProgressPrinter(PrintWriter err, Lang lang) {
        this.err = err;
        this.lang = lang;
    }

    @Override
    public void progress(long bytesDone, long bytesTotal, long linesDone) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = bytesDone / seconds;
        double share = bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal;
        err.print(line(share, bytesDone, bytesTotal, linesDone, rate));
        err.flush();
        drawn = true;
    }

    /** The progress line (drawn over the last one): share done, bytes, lines, rate and time left. */
    String line(double share, long bytesDone, long bytesTotal, long linesDone, double rate) {
        String left = rate > 0 && bytesTotal > bytesDone
                ? String.format(Locale.ROOT, lang.pick("%.0fs left", "剩余 %.0f 秒"), (bytesTotal - bytesDone) / rate) : "";
        return String.format(Locale.ROOT, lang.pick("\r%5.1f%%  %s / %s  %,d lines  %s/s  %s\u001B[K", "\r%5.1f%%  %s / %s  %,d 行  %s/s  %s\u001B[K"),
                share * 100, bytes(bytesDone), bytes(bytesTotal), linesDone, bytes((long) rate), left);
    }

    /** Clears the line, so the report that follows starts clean. */
    void finish() {
        if (drawn) {
            err.print("\r\u001B[K");
            err.flush();
        }
    }

    private static String bytes(long n) {
        if (n >= 1L << 30) return String.format(Locale.ROOT, "%.2f GB", n / (double) (1L << 30));
        if (n >= 1L << 20) return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
        return String.format(Locale.ROOT, "%.0f KB", n / 1024.0);
    }
}
