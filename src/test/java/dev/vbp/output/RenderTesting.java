package dev.vbp.output;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Renders into a string for assertions. */
final class RenderTesting {

    private RenderTesting() {}

    static String render(Renderer renderer, Report report) {
        StringWriter text = new StringWriter();
        renderer.render(report, new PrintWriter(text));
        return text.toString();
    }

    static String render(Format format, Lang lang, boolean color, boolean excelBom, Report report) {
        return render(Renderers.of(new RenderOptions(format, lang, color, excelBom)), report);
    }
}
