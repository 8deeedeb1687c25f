package dev.vbp.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal stdout goes to, for tables and help that fit it: {@code $COLUMNS} when the shell
 * exports it, else {@code stty size} on the controlling terminal (asked only when stdout is a terminal), else
 * 80. Never below 40.
 */
final class TerminalWidth {
    static final int DEFAULT = 80;

    private TerminalWidth() {}

    static int of(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                return Math.max(40, Integer.parseInt(columns.strip()));
            } catch (NumberFormatException e) {
                // fall through to asking the terminal
            }
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.waitFor(1, TimeUnit.SECONDS) && p.exitValue() == 0) {
                String[] parts = text.split("\\s+");
                if (parts.length == 2 && Integer.parseInt(parts[1]) > 0) return Math.max(40, Integer.parseInt(parts[1]));
            }
        } catch (Exception e) {
            // no stty or no controlling terminal: the default
        }
        return DEFAULT;
    }
}
