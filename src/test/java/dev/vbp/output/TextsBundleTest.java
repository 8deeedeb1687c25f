package dev.vbp.output;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run-time texts: the same keys in English and Chinese, each Chinese text using every placeholder once. */
class TextsBundleTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsBundleTest.class.getResourceAsStream("/dev/vbp/output/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("Texts.properties"), zh = load("Texts_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), "keys of Texts.properties and Texts_zh.properties");
        for (String key : en.stringPropertyNames()) {
            int placeholders = count(Pattern.compile("\\{[nst]}"), en.getProperty(key));
            for (int i = 0; i < placeholders; i++) {
                assertTrue(zh.getProperty(key).contains("{" + i + "}"), key + ": the Chinese text lacks {" + i + "}");
            }
            assertEquals(placeholders, count(Pattern.compile("\\{\\d}"), zh.getProperty(key)), key + ": placeholders");
        }
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void cellsAndSentencesTranslateAndUnknownTextStaysEnglish() {
        assertEquals("未达标", Texts.cell("below", Lang.ZH));
        assertEquals("below", Texts.cell("below", Lang.EN));
        assertEquals("药品", Texts.cell("drug", Lang.ZH));
        assertEquals("9 个无基线", Texts.cell("9 without baseline", Lang.ZH));
        assertEquals("西昌市", Texts.cell("西昌市", Lang.ZH));
        assertEquals("no such text", Texts.sentence("no such text", Lang.ZH));
        // A status word inside a sentence is left alone: only whole cells are statuses.
        assertEquals("the drug is below", Texts.sentence("the drug is below", Lang.ZH));
        assertEquals("bids.csv：找不到文件", Texts.sentence("bids.csv: file not found", Lang.ZH));
        assertEquals("110 个产品中有 13 个无基线；已列出原因，不计入统计",
                Texts.sentence("13 of 110 products have no baseline; they are listed with the reason and left out of the statistics", Lang.ZH));
    }
}
