package dev.vbp.cli;

import dev.vbp.output.DisplayWidth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpLayoutTest {
    @Test
    void englishBreaksAtSpacesOnly() {
        List<String> lines = HelpLayout.fill("Use monitoring of VBP drugs from the ledgers: the selected share per month", 30, 30, "");
        assertEquals(List.of("Use monitoring of VBP drugs", "from the ledgers: the selected", "share per month"), lines);
    }

    @Test
    void chineseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        List<String> lines = HelpLayout.fill("集采药品使用监测，中选产品使用比例（按月）", 16, 16, "");
        // 16 cells hold 8 characters; the ， may not start a line, so it stays with 测
        assertEquals(List.of("集采药品使用监", "测，中选产品使用", "比例（按月）"), lines);
    }

    @Test
    void descriptionLinesBecomeOneParagraphAtTheWidth() {
        String help = Cli.run("use-monitor", "--help").ok().out();
        String description = help.substring(help.indexOf("Use monitoring"), help.indexOf("      --"));
        for (String line : description.split("\n")) {
            assertTrue(DisplayWidth.of(line) <= 80, line);
        }
        // a source line cut mid-sentence no longer leaves a short ragged line behind it
        assertTrue(description.replace("\n", " ").contains("share: per institution × generic × month from its first cycle"), description);
        assertTrue(description.replace("\n", " ").contains("a status 配送状态"), "a space where English meets Chinese:\n" + description);
    }

    @Test
    void theCommandListShowsEachCommandsFirstSentence() {
        assertEquals("Policy files: print the default, or check one.",
                HelpLayout.firstSentence(new String[] {"Policy files: print the default, or check one. Two kinds:", "retention and instruments."}));
        assertEquals("Flags: rise, e.g. a price up.", HelpLayout.firstSentence(new String[] {"Flags: rise, e.g. a price up. Next."}));
        assertEquals("挂网价格监测。", HelpLayout.firstSentence(new String[] {"挂网价格", "监测。其余"}));
        assertEquals("No full stop", HelpLayout.firstSentence(new String[] {"No full stop", "", "Second paragraph."}));
        String help = Cli.run("--help").ok().out();
        // the source line of sample ledger's description ends at a comma; the list shows its sentence whole
        assertTrue(help.contains("  policy            Policy files: print the default, or check one.\n"), help);
        assertTrue(help.contains("  targets           VBP landing targets (集采品种数)\n"), help); // a long sentence: up to its colon
        String zh = Cli.run("--lang", "zh", "--help").ok().out();
        assertTrue(zh.contains("  help              显示指定命令的帮助信息。\n"), zh);
    }

    @Test
    void everyPieceOfTextSurvivesTheFill() {
        Random random = new Random(7);
        String alphabet = "ab c 集采，药（品） d 中选。e";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(60);
            for (int k = 0; k < n; k++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = sb.toString().strip().replaceAll(" +", " ");
            if (text.isEmpty()) continue;
            int width = 6 + random.nextInt(20);
            List<String> lines = HelpLayout.fill(text, width, width, "");
            assertEquals(text.replace(" ", ""), String.join("", lines).replace(" ", ""), text);
            for (String line : lines) {
                assertFalse(line.startsWith(" "), "line starts with a space: '" + line + "' of '" + text + "'");
            }
        }
    }
}
