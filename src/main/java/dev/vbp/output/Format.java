package dev.vbp.output;

/** Output formats every command offers through {@code --format}; xlsx is bytes and needs a file or a redirected stdout. */
public enum Format {
    TABLE, CSV, JSON, MARKDOWN, XLSX
}
