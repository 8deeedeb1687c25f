package dev.vbp.read;

import dev.vbp.domain.Codes;
import dev.vbp.errors.BadInputException;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How to read input files: forced encoding and delimiter (null = detect), the user's mapping files, and
 * whether medical codes that break the national format are warned about, rejected, or not checked.
 */
public record ReadSettings(Charset charset, Character delimiter, List<HeaderMapping> mappings, CodeCheck codeCheck,
                           Codes.CodeMap codeMap) {

    public enum CodeCheck { WARN, REJECT, OFF }

    public ReadSettings(Charset charset, Character delimiter, List<HeaderMapping> mappings, CodeCheck codeCheck) {
        this(charset, delimiter, mappings, codeCheck, Codes.CodeMap.EMPTY);
    }

    public static ReadSettings defaults() {
        return new ReadSettings(null, null, List.of(), CodeCheck.WARN);
    }

    /** These settings with old product and drug codes (曾用码) read as their current codes. */
    public ReadSettings withCodeMap(Codes.CodeMap map) {
        return new ReadSettings(charset, delimiter, mappings, codeCheck, map == null ? Codes.CodeMap.EMPTY : map);
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
