package dev.vbp.output;

import java.util.Objects;

/**
 * How to render a report: the {@code --format}, the language of headers and labels (table, Markdown, HTML
 * and xlsx), whether to colour the terminal table, whether CSV starts with a byte-order mark for Excel, how
 * exact money is in CSV, JSON and xlsx, and {@code width}: the terminal's width in cells that a table must
 * fit (0: no limit; only when stdout is a terminal); {@code csvHeaders}: the language of CSV's header row
 * (null: the stable snake_case keys, the default). Options that do not apply to the chosen format are ignored.
 */
public record RenderOptions(Format format, Lang lang, boolean color, boolean excelBom, Precision precision, int width,
                            Lang csvHeaders) {

    public RenderOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(precision, "precision");
    }

    /** CSV headers as keys. */
    public RenderOptions(Format format, Lang lang, boolean color, boolean excelBom, Precision precision, int width) {
        this(format, lang, color, excelBom, precision, width, null);
    }

    /** Rounded money and no width limit (output that is not a terminal). */
    public RenderOptions(Format format, Lang lang, boolean color, boolean excelBom) {
        this(format, lang, color, excelBom, Precision.ROUNDED, 0);
    }
}
