package dev.vbp.read;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import dev.vbp.errors.BadInputException;
import dev.vbp.domain.retention.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy files: the default text round-trips, and every kind of error names its line. */
class PolicyFileTest {
    @TempDir Path dir;

    private String error(String text) {
        return assertThrows(BadInputException.class, () -> PolicyFile.parse(text, "p.yaml")).getMessage();
    }

    @Test
    void defaultTextIsTheDefaultPolicy() {
        RetentionPolicy p = PolicyFile.parse(PolicyFile.DEFAULT_TEXT, "default.yaml");
        RetentionPolicy d = RetentionPolicy.defaults();
        assertEquals(d.withSource("default.yaml"), p);
        assertEquals("A", p.bandOf(new BigDecimal("80")).orElseThrow().name());
        assertEquals("B", p.bandOf(new BigDecimal("79.99")).orElseThrow().name());
        assertEquals("C", p.bandOf(new BigDecimal("60")).orElseThrow().name());
        assertEquals("D", p.bandOf(new BigDecimal("59.9")).orElseThrow().name());
    }

    @Test
    void everyKeyOfTheDefaultHasAComment() {
        String[] lines = PolicyFile.DEFAULT_TEXT.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].matches("^[a-z_]+:.*")) assertTrue(lines[i - 1].startsWith("#"), "no comment above " + lines[i]);
        }
    }

    @Test
    void partialFileKeepsDefaults() {
        RetentionPolicy p = PolicyFile.parse("r_fund: 0.8\nover_spend: offset\nbase_period: 2018\n", "p.yaml");
        assertEquals(new BigDecimal("0.8"), p.rFund());
        assertEquals(OverSpend.OFFSET, p.overSpend());
        assertEquals("2018", p.basePeriod().toString());
        assertTrue(p.capSelected());
    }

    @Test
    void errorsCarryTheLine() {
        assertEquals("p.yaml:2: unknown key 'r_fnd'; expected one of base_period, base_price, base_price_scope, r_fund, s_insured, "
                + "cap_selected_at_agreed, count_non_selected, min_completion, bands, over_spend, money_decimals, rounding",
                error("r_fund: 1\nr_fnd: 0.5\n"));
        assertEquals("p.yaml:3: cap_selected_at_agreed must be true or false, not 'maybe'",
                error("r_fund: 1\n\ncap_selected_at_agreed: maybe\n"));
        assertEquals("p.yaml:1: r_fund must be a number, not 'half'", error("r_fund: half\n"));
        assertEquals("p.yaml:2: s_insured must be from 0 to 1, not 1.2", error("r_fund: 1\ns_insured: 1.2\n"));
        assertEquals("p.yaml:1: over_spend must be one of [zero, offset], not 'carry'", error("over_spend: carry\n"));
        assertEquals("p.yaml:1: money_decimals must be a whole number from 0 to 4, not 2.5", error("money_decimals: 2.5\n"));
        assertTrue(error("base_period: 20x8\n").startsWith("p.yaml:1: invalid period '20x8'"));
    }

    @Test
    void bandErrors() {
        assertEquals("p.yaml:3: ratio must be from 0 to 1, not -0.1",
                error("bands:\n  - {name: A, min: 60, ratio: 0.5}\n  - {name: D, max: 60, ratio: -0.1}\n"));
        assertEquals("p.yaml:2: gap between band D (below 60) and band A (from 70)",
                error("bands:\n  - {name: A, min: 70, ratio: 0.5}\n  - {name: D, max: 60, ratio: 0}\n"));
        assertEquals("p.yaml:2: band A overlaps band D",
                error("bands:\n  - {name: A, min: 50, ratio: 0.5}\n  - {name: D, max: 60, ratio: 0}\n"));
        assertEquals("p.yaml:4: band C: min 70 is not below max 60",
                error("bands:\n  - {name: A, min: 70, ratio: 0.5}\n\n  - {name: C, min: 70, max: 60, ratio: 0.3}\n"));
        assertEquals("p.yaml:2: unknown band key 'share'; expected name, min, max, ratio",
                error("bands:\n  - {name: A, share: 0.5}\n"));
    }

    @Test
    void policyShowAndCheckCommands() throws Exception {
        String shown = Cli.run("policy", "show").ok().out();
        assertEquals(PolicyFile.DEFAULT_TEXT, shown);
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, shown);
        assertTrue(Cli.run("policy", "check", good.toString()).ok().err().contains("ok"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "r_fund: 1\nbands:\n  - {name: A, min: 80, ratio: 1.5}\n");
        Cli.Result r = Cli.run("policy", "check", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains(bad + ":3: ratio must be from 0 to 1, not 1.5"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
