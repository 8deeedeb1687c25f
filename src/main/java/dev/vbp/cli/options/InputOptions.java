package dev.vbp.cli.options;

import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.domain.Codes;
import dev.vbp.read.CodeMapFile;
import dev.vbp.read.HeaderMapping;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.TextDecoding;
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

    @Option(names = "--code-map", paramLabel = "FILE",
            description = {"Old product and drug codes (曾用码) and their current codes: a CSV with columns old_code,new_code",
                    "(or 旧编码,新编码); every dataset and ledger then reads old codes as current ones."})
    public Path codeMap;

    @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "0",
            description = {"Rows that may be rejected (each is reported with its reason) before the command fails with exit 3;",
                    "-1 = no limit (default: ${DEFAULT-VALUE}). 'import' keeps tolerated rejects in the workspace's rejects/ folder."})
    public long maxRejects;

    /** The datasets of an analysis, from files named on the command line or from {@code workspace}. */
    public DataSources sources(Workspace workspace) {
        return new DataSources(workspace, settings(), maxRejects());
    }

    public long maxRejects() {
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
                codeMap == null ? Codes.CodeMap.EMPTY : CodeMapFile.load(codeMap));
    }
}
