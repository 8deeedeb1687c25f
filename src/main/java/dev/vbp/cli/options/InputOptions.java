package dev.vbp.cli.options;

import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.domain.Codes;
import dev.vbp.read.CodeMapFile;
import dev.vbp.read.HeaderMapping;
import dev.vbp.read.InputSource;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.TextDecoding;
import dev.vbp.read.workbook.SheetChoice;
import dev.vbp.workspace.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How input files are read: encoding, delimiter, header mappings and code checks. */
public class InputOptions {
    @Option(names = "--map", paramLabel = "FILE.yaml",
            description = "Header mapping file for headers the built-in aliases do not know (repeatable; format in commands/import.md).")
    public List<Path> maps = new ArrayList<>();

    @Option(names = "--encoding", paramLabel = "ENC", defaultValue = "auto",
            description = "Input encoding: auto, utf-8, gb18030 or gbk (default: ${DEFAULT-VALUE}: UTF-8 with or without BOM, else GB18030).")
    public String encoding = "auto";

    @Option(names = "--delimiter", paramLabel = "SEP", defaultValue = "auto",
            description = "Field delimiter: auto, comma, tab or semicolon (default: ${DEFAULT-VALUE}).")
    public String delimiter = "auto";

    @Option(names = "--code-check", paramLabel = "MODE", defaultValue = "warn",
            description = "Drug and consumable codes that break the national format: warn, reject or off (default: warn).")
    public ReadSettings.CodeCheck codeCheck = ReadSettings.CodeCheck.WARN;

    @Option(names = "--header-row", paramLabel = "N",
            description = "The line the header is on, when title rows stand above it (default: the first of the first 20 lines that holds every required column).")
    public Integer headerRow;

    @Option(names = "--set", paramLabel = "COLUMN=VALUE",
            description = {"A fixed value for a column the file lacks, read by the column's own rules (repeatable):",
                    "a sheet of one round's results has no batch column: --set batch_id=round-3."})
    public java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>();

    @Option(names = "--code-map", paramLabel = "FILE",
            description = {"Old product and drug codes (曾用码) and their current codes: a CSV with columns old_code,new_code",
                    "(or 旧编码,新编码); every dataset and ledger then reads old codes as current ones."})
    public Path codeMap;

    /** The one reject tolerance of validate, import and every analysis, small datasets and ledgers alike. */
    public static final long DEFAULT_MAX_REJECTS = 0;

    @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_REJECTS,
            description = {"Rows or ledger lines of one dataset that may be rejected (each reported with file:line:column and",
                    "its reason) before the command fails with exit 3; -1 = no limit (default: ${DEFAULT-VALUE}, the same for",
                    "validate, import and every analysis). Tolerated rejects are listed in the warnings; 'import' keeps them",
                    "in the workspace's rejects/ folder."})
    public long maxRejects = DEFAULT_MAX_REJECTS;

    /**
     * The former ledger-only tolerance, kept so scripts that pass it still run: it stands for --max-rejects.
     * A field of its own, because picocli may apply --max-rejects' default after a setter has run.
     */
    @Option(names = "--max-errors", paramLabel = "N", hidden = true)
    Long maxErrorsAlias;

    @Option(names = "--sheet", paramLabel = "NAME|N",
            description = "Sheet of a workbook (.xlsx, .xls, or an HTML table saved as .xls) to read: its name or number (default: the first).")
    public String sheet;

    /** The datasets of an analysis, from files named on the command line or from {@code workspace}. */
    public DataSources sources(Workspace workspace) {
        return sources(workspace, InputSource.files());
    }

    /** The same, with {@code -} read from {@code opener}'s standard input. */
    public DataSources sources(Workspace workspace, InputSource opener) {
        return new DataSources(workspace, settings(), maxRejects(), opener);
    }

    private java.util.Map<String, String> fixed() {
        for (String column : fixed.keySet()) {
            boolean known = java.util.Arrays.stream(dev.vbp.read.Dataset.values())
                    .anyMatch(d -> d.fields().stream().anyMatch(f -> f.name().equals(column)));
            if (!known) throw new UsageException("--set " + column + "=...: no dataset has a column " + column + " ('vbp columns DATASET' lists them)");
        }
        return fixed;
    }

    private Integer headerRow() {
        if (headerRow != null && headerRow < 1) throw new UsageException("--header-row must be 1 or more, not " + headerRow);
        return headerRow;
    }

    public long maxRejects() {
        long maxRejects = maxErrorsAlias != null ? maxErrorsAlias : this.maxRejects;
        if (maxRejects < -1) throw new UsageException("--max-rejects must be -1 (no limit) or a count, not " + maxRejects);
        return maxRejects;
    }

    /** A mapping file that names another dataset would be ignored; say so instead. */
    public void checkMappingsApplyTo(dev.vbp.read.Dataset dataset) {
        for (HeaderMapping m : settings().mappings()) {
            if (!m.appliesTo(dataset)) {
                throw new UsageException(m.source().orElseThrow() + " maps columns of " + m.dataset().orElseThrow().id()
                        + ", not " + dataset.id() + "; change its 'dataset:' line or drop it");
            }
        }
    }

    public ReadSettings settings() {
        List<HeaderMapping> mappings = maps.stream().map(HeaderMapping::load).toList();
        java.nio.charset.Charset charset;
        Character separator;
        try { // a bad option value is a usage error (exit 2), not bad data
            charset = TextDecoding.parseSetting(encoding);
        } catch (dev.vbp.errors.BadInputException e) {
            throw new UsageException("--encoding: " + e.getMessage());
        }
        try {
            separator = ReadSettings.parseDelimiter(delimiter);
        } catch (dev.vbp.errors.BadInputException e) {
            throw new UsageException("--delimiter: " + e.getMessage());
        }
        return new ReadSettings(charset, separator, mappings, codeCheck,
                codeMap == null ? Codes.CodeMap.EMPTY : CodeMapFile.load(codeMap))
                .withSheet(SheetChoice.of(sheet)).withHeaderRow(headerRow()).withFixedValues(fixed());
    }
}
