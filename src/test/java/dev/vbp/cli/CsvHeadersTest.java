package dev.vbp.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV keeps its snake_case keys whatever --lang says; --headers zh|en gives people the column titles. */
class CsvHeadersTest {
    static final String[] PRICE_DROP = {"price-drop", "--bids", "sample-data/bids.csv", "--against", "ceiling", "--by", "batch",
            "--format", "csv", "--workspace", "target/csv-headers-ws"};

    static String firstLine(String out) {
        return out.substring(0, out.indexOf('\n'));
    }

    static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(PRICE_DROP, PRICE_DROP.length + more.length);
        System.arraycopy(more, 0, a, PRICE_DROP.length, more.length);
        return a;
    }

    @Test
    void keysByDefaultInEitherLanguage() {
        String en = Cli.run(PRICE_DROP).ok().out();
        String zh = Cli.run(with("--lang", "zh")).ok().out();
        assertEquals(en, zh, "the language never changes CSV");
        assertTrue(firstLine(en).startsWith("batch_id,"), firstLine(en));
    }

    @Test
    void titlesOnRequestWithTheSameRows() {
        String keys = Cli.run(PRICE_DROP).ok().out();
        String zh = Cli.run(with("--headers", "zh")).ok().out();
        String en = Cli.run(with("--headers", "en")).ok().out();
        assertTrue(firstLine(zh).startsWith("批次,"), firstLine(zh));
        assertTrue(firstLine(en).startsWith("Batch,"), firstLine(en));
        assertEquals(keys.substring(keys.indexOf('\n')), zh.substring(zh.indexOf('\n')), "only the header row differs");
        assertEquals(2, Cli.run(with("--headers", "fr")).exit());
    }
}
