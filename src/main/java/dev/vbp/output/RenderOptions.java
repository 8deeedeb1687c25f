package dev.vbp.output;

import java.util.Objects;

/**
 * How to render a report: the {@code --format}, the language of headers and labels (table and Markdown
 * only), whether to colour the terminal table, and whether CSV starts with a byte-order mark for Excel.
 * Options that do not apply to the chosen format are ignored.
 */
public record RenderOptions(Format format, Lang lang, boolean color, boolean excelBom) {

    public RenderOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(lang, "lang");
    }
}
