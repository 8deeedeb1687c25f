package dev.vbp.output.document;

/**
 * A file a section's figures rest on: its dataset, its name as the user gave it, the rows read from it
 * (null when not counted) and its SHA-256, so a reader can check they hold the same file.
 */
public record InputFile(String dataset, String name, Long rows, String sha256) {}
