package dev.vbp.cli;

import dev.vbp.read.PolicyFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 'vbp policy show' comments its keys in the chosen language. */
class PolicyShowLangTest {
    @Test
    void policyShowSpeaksTheChosenLanguage() {
        String zh = Cli.run("--lang", "zh", "policy", "show", "--for", "instruments").ok().out();
        assertTrue(zh.contains("# 来源：医保发〔2019〕18号") && zh.contains("企业配送率"), zh);
        String en = Cli.run("--lang", "en", "policy", "show").ok().out();
        assertEquals(PolicyFile.DEFAULT_TEXT, en);
    }

}
