package dev.vbp.read;

import dev.vbp.domain.Codes;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.workbook.SheetChoice;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * How to read input files: forced encoding and delimiter (null = detect), the user's mapping files,
 * whether medical codes that break the national format are warned about, rejected, or not checked, old
 * codes to read as current ones, and which sheet of a workbook to read.
 */
public record ReadSettings(Charset charset, Character delimiter, List<HeaderMapping> mappings, CodeCheck codeCheck,
                           Codes.CodeMap codeMap, SheetChoice sheet, Integer headerRow, Map<String, String> fixedValues) {

    public enum CodeCheck { WARN, REJECT, OFF }

    public ReadSettings {
        if (codeMap == null) codeMap = Codes.CodeMap.EMPTY;
        if (sheet == null) sheet = SheetChoice.FIRST;
        fixedValues = fixedValues == null ? Map.of() : Map.copyOf(fixedValues);
    }

    public ReadSettings(Charset charset, Character delimiter, List<HeaderMapping> mappings, CodeCheck codeCheck) {
        this(charset, delimiter, mappings, codeCheck, Codes.CodeMap.EMPTY);
    }

    public ReadSettings(Charset charset, Character delimiter, List<HeaderMapping> mappings, CodeCheck codeCheck,
                        Codes.CodeMap codeMap) {
        this(charset, delimiter, mappings, codeCheck, codeMap, SheetChoice.FIRST, null, Map.of());
    }

    /** These settings with the header on line {@code row} (null: the first row that binds the required columns). */
    public ReadSettings withHeaderRow(Integer row) {
        return new ReadSettings(charset, delimiter, mappings, codeCheck, codeMap, sheet, row, fixedValues);
    }

    /** These settings with fixed values (column → text, {@code --set}) for columns a file lacks. */
    public ReadSettings withFixedValues(Map<String, String> values) {
        return new ReadSettings(charset, delimiter, mappings, codeCheck, codeMap, sheet, headerRow, values);
    }

    public static ReadSettings defaults() {
        return new ReadSettings(null, null, List.of(), CodeCheck.WARN);
    }

    /** These settings with old product and drug codes (曾用码) read as their current codes. */
    public ReadSettings withCodeMap(Codes.CodeMap map) {
        return new ReadSettings(charset, delimiter, mappings, codeCheck, map, sheet, headerRow, fixedValues);
    }

    /** These settings reading sheet {@code choice} of a workbook. */
    public ReadSettings withSheet(SheetChoice choice) {
        return new ReadSettings(charset, delimiter, mappings, codeCheck, codeMap, choice, headerRow, fixedValues);
    }

    /** The same, for the CSV a workbook sheet was turned into: UTF-8 and comma, whatever the user forced. */
    ReadSettings forConvertedSheet() {
        return new ReadSettings(java.nio.charset.StandardCharsets.UTF_8, ',', mappings, codeCheck, codeMap, sheet, headerRow, fixedValues);
    }

    /** The mapping for {@code dataset}: one naming it, else one naming no dataset, else none. */
    public HeaderMapping mappingFor(Dataset dataset) {
        return mappings.stream().filter(m -> m.dataset().orElse(null) == dataset).findFirst()
                .or(() -> mappings.stream().filter(m -> m.dataset().isEmpty()).findFirst())
                .orElse(HeaderMapping.none());
    }

    public static Character parseDelimiter(String setting) {
        return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "comma", "," -> ',';
            case "tab", "\\t", "\t" -> '\t';
            case "semicolon", ";" -> ';';
            default -> throw new BadInputException("unknown delimiter '" + setting + "': expected auto, comma, tab or semicolon");
        };
    }
}
