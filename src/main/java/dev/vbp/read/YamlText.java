package dev.vbp.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vbp.errors.BadInputException;
import dev.vbp.errors.Echo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every small YAML file vbp reads (header mappings, policies) shares, so they fail alike and plainly:
 * a size bound checked before parsing (YAML scanners are slow on huge scalars, and no such file needs a
 * megabyte), the same decoding as data files (UTF-8 with or without BOM, else GB18030), duplicate keys and
 * a second document as errors rather than silently last-wins or ignored, and parser messages turned into
 * {@code file:line: ...} without the parser's internals.
 */
public final class YamlText {
    /** Largest YAML file read. */
    public static final int MAX_BYTES = 256 << 10;
    /** Longest scalar (key or value) accepted. */
    public static final int MAX_SCALAR = 1000;

    private static final YAMLFactory STRICT = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLFactory LENIENT = YAMLFactory.builder().build();

    private YamlText() {}

    /** The text of {@code file}, decoded; {@code what} names it in messages ("mapping file"). */
    public static String read(Path file, String what) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw new BadInputException(name + ": " + what + " not found");
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException(String.format("%s: a %s of %,d bytes; at most %,d are read (is it the right file?)",
                        name, what, size, MAX_BYTES));
            }
            return TextDecoding.decode(Files.readAllBytes(file), null, name).text();
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the " + what + " (" + Echo.firstLine(e.getMessage()) + ")");
        }
    }

    /** A parser for which a key given twice in one mapping is an error. */
    public static JsonParser parser(String text) throws IOException {
        return parser(text, true);
    }

    /** {@code strict} false: the caller finds keys given twice itself (to name both lines). */
    public static JsonParser parser(String text, boolean strict) throws IOException {
        if (text.length() > MAX_BYTES) throw new BadInputException("more than " + MAX_BYTES + " characters of YAML");
        return (strict ? STRICT : LENIENT).createParser(text);
    }

    /** After the top-level value: anything more is a second document, which would otherwise be ignored. */
    public static void expectEnd(JsonParser p, String name) throws IOException {
        if (p.nextToken() != null) {
            throw new BadInputException(name + ":" + p.currentTokenLocation().getLineNr()
                    + ": a second YAML document (after '---'); put everything in one");
        }
    }

    /** The current scalar's text, bounded. */
    public static String scalar(JsonParser p, String name) throws IOException {
        String s = p.getText();
        if (s != null && s.length() > MAX_SCALAR) {
            throw new BadInputException(String.format("%s:%d: a value of %,d characters ('%s'); at most %,d",
                    name, p.currentTokenLocation().getLineNr(), s.length(), Echo.cap(s), MAX_SCALAR));
        }
        return s;
    }

    /** A parser error as one plain line: {@code file:line: not valid YAML: what is wrong}. */
    public static BadInputException invalid(String name, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? -1 : at.getLineNr();
        String what = e.getOriginalMessage();
        if (e instanceof JacksonYAMLParseException && e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            what = m.getProblem();
            if (m.getProblemMark() != null) line = m.getProblemMark().getLine() + 1;
        }
        String plain = plain(what == null ? "unreadable" : what);
        if (plain.startsWith("Duplicate field '")) {
            String key = plain.substring("Duplicate field '".length(), plain.indexOf('\'', "Duplicate field '".length()));
            return new BadInputException(name + (line > 0 ? ":" + line : "") + ": '" + Echo.cap(key) + "' is given twice");
        }
        return new BadInputException(name + (line > 0 ? ":" + line : "") + ": not valid YAML: " + plain);
    }

    /** The parser's words for tokens, in the user's. */
    private static String plain(String message) {
        String m = Echo.firstLine(message)
                .replace("<block mapping start>", "a new mapping")
                .replace("<block sequence start>", "a new list")
                .replace("<block end>", "the end of the block")
                .replace("<block mapping end>", "the end of the mapping")
                .replace("<flow mapping end>", "'}'")
                .replace("<flow sequence end>", "']'")
                .replace("<scalar>", "a value")
                .replace("<document start>", "'---'")
                .replace("<stream end>", "the end of the file");
        m = m.replaceAll("<([a-z ]+)>", "$1");
        m = m.replaceAll("\\b(START|END)_(ARRAY|OBJECT)\\b", "a $2").replace("a ARRAY", "a list").replace("a OBJECT", "a mapping");
        if (m.contains("expected the end of the block")) m += " (check the indentation)";
        return m;
    }

    /** A token in words, for "must be X, not Y" messages. */
    public static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) return "nothing";
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "nothing";
            default -> t.isScalarValue() ? "'" + Echo.cap(p.getText()) + "'" : t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
