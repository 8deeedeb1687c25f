package dev.vbp.cli.options;

import dev.vbp.read.HeaderMapping;
import dev.vbp.read.ReadSettings;
import dev.vbp.read.TextDecoding;
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

    public ReadSettings settings() {
        List<HeaderMapping> mappings = maps.stream().map(HeaderMapping::load).toList();
        return new ReadSettings(TextDecoding.parseSetting(encoding), ReadSettings.parseDelimiter(delimiter), mappings, codeCheck);
    }
}
