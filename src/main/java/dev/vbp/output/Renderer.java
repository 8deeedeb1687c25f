package dev.vbp.output;

import java.io.PrintWriter;

/** Writes a report in one format. Implementations never decide exit codes and never call System.exit. */
public interface Renderer {
    void render(Report report, PrintWriter out);
}
