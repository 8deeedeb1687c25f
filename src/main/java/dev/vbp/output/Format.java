package dev.vbp.output;

/** Output formats every command offers through {@code --format}. */
public enum Format {
    TABLE, CSV, JSON, MARKDOWN
}
