package dev.vbp.output;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every warning a report carries is built in code from pieces of English; {@code --lang zh} translates it by the
 * patterns of {@code Texts.properties}, and so does every error message. This test reads the sources: each English
 * piece (two words or more) of every {@code .warning(…)} call and of every error thrown for a person to read must be
 * part of some pattern, so a new warning or error cannot ship English-only.
 */
class WarningsInBundleTest {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FORMAT_SPECIFIER = Pattern.compile("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");

    @Test
    void everyWarningsWordsAreInAPattern() throws IOException {
        List<String> missing = new ArrayList<>();
        int pieces = scan(".warning(", missing);
        pieces += scan("warnings.add(", missing); // the engines that keep their warnings in a list until the report is made
        assertTrue(pieces > 50, "the scan found the warnings (" + pieces + " pieces)");
        assertEquals(List.of(), missing, "English pieces of warnings no pattern of Texts.properties holds");
    }

    /**
     * The same for the messages thrown for bad input and bad usage (exit codes 3 and 2): every English piece of a
     * {@code new …Exception(…)} call must be part of some pattern, so a new error cannot ship English-only.
     */
    @Test
    void everyErrorMessagesWordsAreInAPattern() throws IOException {
        List<String> missing = new ArrayList<>();
        int pieces = 0;
        for (String call : ERRORS) pieces += scan(call, missing);
        assertTrue(pieces > 100, "the scan found the errors (" + pieces + " pieces)");
        assertEquals(List.of(), missing, "English pieces of errors no pattern of Texts.properties holds");
    }

    /** The calls whose message a person reads: exceptions of exit 3 (bad input) and exit 2 (usage; a view's or an option's value). */
    static final List<String> ERRORS = List.of("new BadInputException(", "new dev.vbp.errors.BadInputException(",
            "new FieldParseException(", "new LedgerInputException(", "new TooManyErrorsException(", "new TooManyRejectsException(",
            "new OutOfRangeException(", "new dev.vbp.errors.OutOfRangeException(", "new WorkbookException(",
            "new UsageException(", "new ViewException(", "new TypeConversionException(", "new CommandLine.TypeConversionException(",
            // why a row or a ledger line is rejected: part of the error when the rejects are too many, else of a warning
            "new Problem(", "new RowRules.Problem(", "new Reject(", "invalid(c, ", "fixedLength(c, ", "lineError(r, ",
            "usage(err, " /* the shell's own */);

    /** English pieces (two words or more) of every {@code call…)} in the sources; those no pattern holds go to {@code missing}. */
    private int scan(String call, List<String> missing) throws IOException {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/dev/vbp/output/Texts.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> patterns = en.stringPropertyNames().stream().map(en::getProperty).toList();
        int pieces = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f);
                int at = 0;
                while ((at = src.indexOf(call, at)) >= 0) {
                    int end = callEnd(src, at + call.length());
                    Matcher m = LITERAL.matcher(src.substring(at, end));
                    while (m.find()) {
                        String literal = m.group(1).replace("\\'", "'").replace("\\\"", "\"");
                        // A format string's specifiers (%s, %,d, %02X) are values filled in at run time, like concatenation.
                        for (String part : FORMAT_SPECIFIER.split(literal)) {
                            String piece = part.strip();
                            if (piece.replaceAll("[^\\p{L}]+", " ").strip().split(" ").length < 2) continue; // "s are", " generic": parts of words
                            if (!piece.contains(" ")) continue; // product_code, --header-row: names, never translated
                            pieces++;
                            if (patterns.stream().noneMatch(p -> p.contains(piece))) missing.add(f.getFileName() + ": \"" + piece + "\"");
                        }
                    }
                    at = end;
                }
            }
        }
        return pieces;
    }

    /** The index after the call's closing parenthesis (strings and nested calls skipped). */
    private static int callEnd(String src, int from) {
        int depth = 1;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"') {
                i++;
                while (i < src.length() && src.charAt(i) != '"') i += src.charAt(i) == '\\' ? 2 : 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return src.length();
    }

    @Test
    void someOfThemInChinese() {
        assertEquals("3 行采购为退货（数量为 0 或以下）；未检查",
                Texts.sentence("3 purchase lines are returns (quantity 0 or less); not checked", Lang.ZH));
        assertEquals("覆盖率 50.00% 低于 --fail-under 60.00%（差 10.00%）",
                Texts.sentence("coverage rate 50.00% is below --fail-under 60.00% (shortfall 10.00%)", Lang.ZH));
        assertEquals("2 行低于 --fail-under 95.00%：H1, H2",
                Texts.sentence("2 rows are below --fail-under 95.00%: H1, H2", Lang.ZH));
        assertEquals("目标 海南 2023 设定于 2023-12-31；按 2024-06-30 计数",
                Texts.sentence("target 海南 2023 is set for 2023-12-31; counted on 2024-06-30", Lang.ZH));
    }

    @Test
    void cellErrorsOfBothStacksInChinese() {
        assertEquals("b.csv:2:5: pack_count: 应为1 或以上的整数（如 28），实际为 'abc'",
                Texts.sentence("b.csv:2:5: pack_count: expected a whole number of 1 or more such as 28, found 'abc'", Lang.ZH));
        assertEquals("l.csv:7:11: channel: 未知的采购渠道（应如 线上/线下、online/offline）: 'x'",
                Texts.sentence("l.csv:7:11: channel: unknown channel (expected e.g. 线上/线下, online/offline): 'x'", Lang.ZH));
        assertEquals("l.csv:3: 应有 9 个字段，实际为 8 个", Texts.sentence("l.csv:3: expected 9 fields, found 8", Lang.ZH));
    }
}
