package dev.vbp.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Writes a report in one format. Implementations never decide exit codes and never call System.exit. */
public interface Renderer {
    void render(Report report, PrintWriter out);

    /** True for formats that are bytes, not text (xlsx): they go to a file or a redirected stdout, never a terminal. */
    default boolean binary() {
        return false;
    }

    /** Writes the report to a byte stream (a file); text formats as UTF-8. The stream is left open. */
    default void write(Report report, OutputStream out) throws IOException {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        render(report, writer);
        writer.flush();
    }
}
