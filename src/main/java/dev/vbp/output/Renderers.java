package dev.vbp.output;

/** Picks the renderer for a set of options. */
public final class Renderers {

    private Renderers() {}

    public static Renderer of(RenderOptions options) {
        switch (options.format()) {
            case TABLE:
                return new TableRenderer(options.lang(), options.color(), options.width());
            case CSV:
                return new CsvRenderer(options.excelBom(), options.precision(), options.csvHeaders());
            case JSON:
                return new JsonRenderer(options.precision());
            case MARKDOWN:
                return new MarkdownRenderer(options.lang());
            case XLSX:
                return new XlsxRenderer(options.lang(), options.precision());
            default:
                throw new IllegalArgumentException("no renderer for " + options.format());
        }
    }
}
