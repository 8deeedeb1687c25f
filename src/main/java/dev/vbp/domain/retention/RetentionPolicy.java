package dev.vbp.domain.retention;

import dev.vbp.domain.Period;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a retained-savings scheme (医保资金结余留用, domain.md §4). Provinces differ and the national
 * text leaves much open, so every setting lives here, read from a policy file ({@code dev.vbp.read.PolicyFile}).
 * Defaults follow the Shenzhen 2024 draft.
 *
 * @param basePeriod        pre-VBP period whose purchases give P_pre[g]; null: every base-period row
 * @param rFund             the fund's payment ratio r_fund (0–1)
 * @param sInsured          insured patients' share s_insured (0–1)
 * @param capSelected       selected purchases count only up to the agreed quantity
 * @param countNonSelected  non-selected products of the generic count as spending
 * @param minCompletion     completion (selected purchases / agreed quantity) needed to retain anything
 * @param bands             score bands, ordered from the highest
 * @param moneyDecimals     decimals of the final retained amount (half-up)
 * @param source            where the policy came from: a file name or "built-in default"
 * @param basePriceScope    P_pre over the allocated product's strength (default) or every strength of the generic
 * @param rounding          round the institution total once (default) or each generic first
 */
public record RetentionPolicy(Period basePeriod, BasePrice basePrice, BigDecimal rFund, BigDecimal sInsured,
                              boolean capSelected, boolean countNonSelected, BigDecimal minCompletion,
                              List<ScoreBand> bands, OverSpend overSpend, int moneyDecimals, String source,
                              BasePriceScope basePriceScope, Rounding rounding) {

    public static final String DEFAULT_SOURCE = "built-in default";

    /** A policy with the default P_pre scope (strength) and rounding (institution total once). */
    public RetentionPolicy(Period basePeriod, BasePrice basePrice, BigDecimal rFund, BigDecimal sInsured,
                           boolean capSelected, boolean countNonSelected, BigDecimal minCompletion,
                           List<ScoreBand> bands, OverSpend overSpend, int moneyDecimals, String source) {
        this(basePeriod, basePrice, rFund, sInsured, capSelected, countNonSelected, minCompletion, bands, overSpend,
                moneyDecimals, source, BasePriceScope.STRENGTH, Rounding.TOTAL);
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(null, BasePrice.WEIGHTED, BigDecimal.ONE, BigDecimal.ONE, true, true, new BigDecimal("1.0"),
                List.of(new ScoreBand("A", new BigDecimal("80"), null, new BigDecimal("0.5")),
                        new ScoreBand("B", new BigDecimal("70"), new BigDecimal("80"), new BigDecimal("0.4")),
                        new ScoreBand("C", new BigDecimal("60"), new BigDecimal("70"), new BigDecimal("0.3")),
                        new ScoreBand("D", null, new BigDecimal("60"), BigDecimal.ZERO)),
                OverSpend.ZERO, 2, DEFAULT_SOURCE);
    }

    public RetentionPolicy withBasePeriod(Period period) {
        return new RetentionPolicy(period, basePrice, rFund, sInsured, capSelected, countNonSelected, minCompletion,
                bands, overSpend, moneyDecimals, source, basePriceScope, rounding);
    }

    public RetentionPolicy with(BasePriceScope scope, Rounding rounding) {
        return new RetentionPolicy(basePeriod, basePrice, rFund, sInsured, capSelected, countNonSelected, minCompletion,
                bands, overSpend, moneyDecimals, source, scope, rounding);
    }

    public RetentionPolicy withSource(String where) {
        return new RetentionPolicy(basePeriod, basePrice, rFund, sInsured, capSelected, countNonSelected, minCompletion,
                bands, overSpend, moneyDecimals, where, basePriceScope, rounding);
    }

    /** r_fund × s_insured: the share of a drug bill paid by the fund, applied to budget and spending alike. */
    public BigDecimal fundShare() {
        return rFund.multiply(sInsured);
    }

    public Optional<ScoreBand> bandOf(BigDecimal score) {
        return bands.stream().filter(b -> b.contains(score)).findFirst();
    }

    /** Every setting by its policy-file key, as the report's assumptions list them. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", source);
        m.put("base_period", basePeriod == null ? "all" : basePeriod.toString());
        m.put("base_price", basePrice.name().toLowerCase());
        m.put("base_price_scope", basePriceScope.name().toLowerCase());
        m.put("r_fund", rFund);
        m.put("s_insured", sInsured);
        m.put("cap_selected_at_agreed", capSelected);
        m.put("count_non_selected", countNonSelected);
        m.put("min_completion", minCompletion);
        m.put("bands", bands.stream().map(ScoreBand::describe).toList());
        m.put("over_spend", overSpend.name().toLowerCase());
        m.put("money_decimals", moneyDecimals);
        m.put("rounding", rounding.name().toLowerCase());
        return m;
    }
}
