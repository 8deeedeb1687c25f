package dev.vbp.cli.options;

import dev.vbp.output.Format;
import dev.vbp.output.Lang;
import dev.vbp.output.Precision;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Options every command inherits; they may be written before or after the subcommand name
 * ({@code vbp --format json price-drop} = {@code vbp price-drop --format json}).
 */
public class GlobalOptions {
    @Option(names = "--workspace", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workspace directory (default: $VBP_WORKSPACE, else the nearest .vbp/ in this or a parent directory, else ./.vbp).")
    public Path workspace;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, defaultValue = "table",
            description = "Output format: table, csv, json, markdown or xlsx (default: table; xlsx needs --out FILE or a redirected stdout).")
    public Format format = Format.TABLE;

    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT,
            description = "Language of help, tables and messages: en or zh (default: $VBP_LANG, else LC_ALL, LC_MESSAGES or LANG, else the JVM locale).")
    public Lang lang;

    @Option(names = "--bom", scope = ScopeType.INHERIT,
            description = "Start CSV output with a UTF-8 byte-order mark, so Excel shows Chinese text correctly.")
    public boolean bom;

    /** What CSV's header row holds. */
    public enum CsvHeaders { KEY, EN, ZH }

    @Option(names = "--headers", paramLabel = "KIND", scope = ScopeType.INHERIT, defaultValue = "key",
            description = "Header row of CSV output: key (stable snake_case column keys, for scripts), en or zh (the column titles, for people opening the file) (default: key).")
    public CsvHeaders headers = CsvHeaders.KEY;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours or other escape codes in the output (also when NO_COLOR is set or TERM=dumb).")
    public boolean noColor;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Write the output to FILE instead of stdout, whole or not at all (a temporary file moved into place).")
    public Path out;

    @Option(names = "--precision", paramLabel = "P", scope = ScopeType.INHERIT, defaultValue = "rounded",
            description = "Money in csv, json and xlsx: rounded (2 decimals, unit prices 4, half-up) or full (exact) (default: rounded).")
    public Precision precision = Precision.ROUNDED;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "Print the stack trace of an error.")
    public boolean stacktrace;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print no progress or notes on stderr.")
    public boolean quiet;

    /** The language when --lang is not given: from the environment (set by VbpCli before parsing). */
    public Lang defaultLang = Lang.fromLocale(Locale.getDefault());

    /** The language of CSV's header row; null for the column keys. */
    public Lang csvHeaders() {
        return switch (headers) {
            case KEY -> null;
            case EN -> Lang.EN;
            case ZH -> Lang.ZH;
        };
    }

    public Lang lang() {
        return lang != null ? lang : defaultLang;
    }
}
