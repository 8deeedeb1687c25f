package dev.vbp.read;

import dev.vbp.domain.instruments.InstrumentRules;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.PolicyRule;
import dev.vbp.errors.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentsPolicyFileTest {
    @Test
    void theDefaultTextReadsAsTheDefaults() {
        InstrumentsPolicy p = InstrumentsPolicyFile.parse(InstrumentsPolicyFile.defaultText(), "default.yaml");
        InstrumentsPolicy d = InstrumentsPolicy.defaults();
        for (PolicyRule r : InstrumentRules.ALL) assertEquals(d.get(r.id()).value(), p.get(r.id()).value(), r.id());
        assertEquals(d.targets(), p.targets());
    }

    @Test
    void defaultsNameTheirSourceAndFileValuesTheirLine() {
        InstrumentsPolicy p = InstrumentsPolicyFile.parse("payment_standard:\n  glide_years: 3\n", "p.yaml");
        assertEquals(3, p.whole("payment_standard.glide_years"));
        assertEquals("p.yaml:2", p.get("payment_standard.glide_years").source());
        assertEquals("医保发〔2019〕18号", p.get("payment_standard.first_cut").source());
        assertEquals(PolicyRule.NOT_CONFIRMED, p.get("payment_standard.several_winners").source());
        @SuppressWarnings("unchecked")
        Map<String, Object> cut = (Map<String, Object>) p.assumptions("payment_standard").get("first_cut");
        assertEquals(new BigDecimal("0.3"), cut.get("value"));
    }

    @Test
    void errorsNameTheLine() {
        assertEquals("p.yaml:3: payment_standard.glide_years must be from 2 to 3, not 4", assertThrows(BadInputException.class,
                () -> InstrumentsPolicyFile.parse("# x\npayment_standard:\n  glide_years: 4\n", "p.yaml")).getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> InstrumentsPolicyFile.parse("prepayment:\n  rate: 0.3\n", "p.yaml"))
                .getMessage().startsWith("p.yaml:2: unknown key 'rate' in prepayment; expected one of ratio, due_days"));
        assertTrue(assertThrows(BadInputException.class, () -> InstrumentsPolicyFile.parse("payments:\n  x: 1\n", "p.yaml"))
                .getMessage().startsWith("p.yaml:1: unknown section 'payments'"));
        assertEquals("p.yaml:2: payment_standard.glide_path must be one of [linear, hold], not 'steps'", assertThrows(BadInputException.class,
                () -> InstrumentsPolicyFile.parse("payment_standard:\n  glide_path: steps\n", "p.yaml")).getMessage());
    }

    @Test
    void targetSetsReplaceTheDefaults() {
        InstrumentsPolicy p = InstrumentsPolicyFile.parse("targets:\n  sets:\n    - {name: x-2026, region: 四川省, date: 2026-12-31, drugs: 700}\n", "t.yaml");
        assertEquals(1, p.targets().size());
        assertEquals(700, p.target("X-2026").orElseThrow().drugs());
        assertEquals("t.yaml:3", p.targets().get(0).source());
    }
}
