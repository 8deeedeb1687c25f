package dev.vbp.read;

import dev.vbp.domain.instruments.InstrumentRules;
import dev.vbp.domain.instruments.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commented default policies in Chinese are the same policies as in English: only the comments differ. */
class PolicyTextsTest {
    @Test
    void retentionPolicyInChineseHoldsTheSameKeysAndValues() {
        String zh = PolicyFile.defaultText(true);
        assertTrue(zh.contains("医保基金支付比例"), zh);
        assertEquals(PolicyFile.asJson(PolicyFile.DEFAULT_TEXT), PolicyFile.asJson(zh));
        assertEquals(noComments(PolicyFile.DEFAULT_TEXT), noComments(zh), "the same lines but the comments");
    }

    @Test
    void everyInstrumentRuleHasAChineseComment() {
        Properties zh = InstrumentsPolicyFile.chineseComments();
        for (PolicyRule r : InstrumentRules.ALL) {
            String text = zh.getProperty(r.section() + "." + r.key());
            assertTrue(text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    r.section() + "." + r.key() + " has no Chinese comment in InstrumentRules_zh.properties");
        }
        String chinese = InstrumentsPolicyFile.defaultText(true);
        assertTrue(!chinese.contains("not confirmed") && !chinese.contains("disagree"), "every source in Chinese:\n" + chinese);
        assertEquals(noComments(InstrumentsPolicyFile.defaultText(false)), noComments(InstrumentsPolicyFile.defaultText(true)));
    }

    private static String noComments(String yaml) {
        return yaml.lines().filter(l -> !l.strip().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }
}
