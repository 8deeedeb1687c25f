package dev.vbp.output;

import java.util.Objects;

/**
 * How to render a report: the {@code --format}, the language of headers and labels (table and Markdown
 * only), whether to colour the terminal table, and whether CSV starts with a byte-order mark for Excel.
 * {@code width} is the terminal's width in cells that a table must fit (0: no limit; only when stdout is a
 * terminal). Options that do not apply to the chosen format are ignored.
 */
public record RenderOptions(Format format, Lang lang, boolean color, boolean excelBom, int width) {

    public RenderOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lang, "lang");
    }

    /** Options with no width limit (output that is not a terminal). */
    public RenderOptions(Format format, Lang lang, boolean color, boolean excelBom) {
        this(format, lang, color, excelBom, 0);
    }
}
