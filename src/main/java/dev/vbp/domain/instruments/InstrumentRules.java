package dev.vbp.domain.instruments;

import java.time.LocalDate;
import java.util.List;

import static dev.vbp.domain.instruments.PolicyRule.NOT_CONFIRMED;
import static dev.vbp.domain.instruments.PolicyRule.choice;
import static dev.vbp.domain.instruments.PolicyRule.number;
import static dev.vbp.domain.instruments.PolicyRule.whole;

/**
 * Every rule of the companion measures of VBP (配套政策, docs/rules.md, "Related rules"), with its default and
 * the source of that default. Only what 医保发〔2019〕18号 fixes (as docs/rules.md reports it) or a seed document
 * states is given a document as source; everything else is a setting, and says so.
 */
public final class InstrumentRules {
    private InstrumentRules() {}

    public static final String DOC_2019_18 = "医保发〔2019〕18号";
    static final String LIANGSHAN = "凉山州“十四五”全民医疗保障规划(征求意见稿): 药品品种达到500个以上,高值医用耗材5类以上";
    static final String HAINAN = "琼医保〔2023〕166号: 集采药品品种数超过600个以上,高值医用耗材品种累计达到10个以上";

    public static final List<PolicyRule> ALL = List.of(
            choice("payment_standard", "several_winners", "lowest", List.of("lowest", "mean", "each"), NOT_CONFIRMED,
                    "Several selected products of one generic and strength: the standard is the lowest selected unit price,"
                            + " their mean, or each selected product's own price (non-selected products then use the lowest)."),
            number("payment_standard", "high_multiple", "2", "1", null, DOC_2019_18,
                    "A non-selected product priced at or above this multiple of the standard is cut, then glides to the standard."),
            number("payment_standard", "first_cut", "0.3", "0", "1", DOC_2019_18,
                    "The cut (0–1) of such a product's price when the standard starts."),
            whole("payment_standard", "glide_years", 2, 2, 3, NOT_CONFIRMED + " (" + DOC_2019_18 + ": 2–3 years)",
                    "Years (2 or 3) over which the cut price moves to the standard."),
            choice("payment_standard", "glide_path", "linear", List.of("linear", "hold"), NOT_CONFIRMED,
                    "linear: equal steps each year from the cut price to the standard; hold: the cut price until the last year."),
            choice("payment_standard", "below_multiple", "standard", List.of("standard", "own_price"),
                    NOT_CONFIRMED + " (sources disagree)",
                    "A non-selected product below the multiple: paid at the standard, or at its own price."),
            choice("payment_standard", "not_evaluated", "standard", List.of("standard"), DOC_2019_18,
                    "A product without consistency evaluation (未通过一致性评价) is paid at most the standard at once."),
            choice("payment_standard", "missing_evaluation", "evaluated", List.of("evaluated", "not_evaluated"), NOT_CONFIRMED,
                    "Bids that do not say whether the product passed consistency evaluation count as evaluated or not."),

            number("prepayment", "ratio", "0.3", "0", "1",
                    "docs/rules.md: at least 30% of the annual agreed procurement amount (the document is not named there)",
                    "The prepayment due (0–1) of the agreement year's agreed amount (Σ agreed quantity × selected unit price)."),
            whole("prepayment", "due_days", 30, 0, 366, NOT_CONFIRMED,
                    "Days after the agreement year starts by which the prepayment must be paid; later payments are late."),

            number("use_monitor", "min_selected_share", "0.7", "0", "1",
                    NOT_CONFIRMED + " (docs/rules.md: agreed volumes were 60–70% of prior use)",
                    "The selected products' share of their generic's purchases below which they fall short."),
            choice("use_monitor", "share_basis", "units", List.of("units", "amount"), NOT_CONFIRMED,
                    "Shares by minimum units (pack count from the bids) or by amount."),
            whole("use_monitor", "class_from", 2, 1, 27, NOT_CONFIRMED + " (XA10BAE…: A10BA)",
                    "First character (1-based) of the therapeutic class inside a drug code."),
            whole("use_monitor", "class_to", 6, 1, 27, NOT_CONFIRMED + " (XA10BAE…: A10BA)",
                    "Last character of the therapeutic class inside a drug code."),
            whole("use_monitor", "substitution_months", 6, 1, 60, NOT_CONFIRMED,
                    "Months before and after a cycle starts whose purchases of non-VBP drugs of the class are compared."),
            number("use_monitor", "substitution_growth", "0.1", "0", null, NOT_CONFIRMED,
                    "Growth (after / before − 1) of non-VBP purchases of the class above which substitution is flagged."),
            number("use_monitor", "min_delivery_rate", "0.95", "0", "1", NOT_CONFIRMED,
                    "Delivery rate (delivered / ordered) of a manufacturer below which its supply is flagged."),

            number("price_watch", "rise_threshold", "0.1", "0", null, NOT_CONFIRMED,
                    "A listed unit price rising more than this (0.1 = 10%) between consecutive periods is flagged."),
            choice("price_watch", "period", "year", List.of("day", "month", "year"), NOT_CONFIRMED,
                    "The period listed prices are compared by (several prices in one period: their mean)."),
            number("price_watch", "max_multiple_of_selected", "1.5", "1", null,
                    NOT_CONFIRMED + " (docs/rules.md: rounds 8–9 in non-supply provinces)",
                    "A listed unit price above this multiple of the selected unit price of the same generic and strength is flagged."),
            choice("price_watch", "selected_reference", "highest", List.of("highest", "lowest"), NOT_CONFIRMED,
                    "Several selected products of one generic and strength in force: the multiple is taken of the highest selected unit price, or the lowest."),
            number("price_watch", "tolerance", "0.01", "0", null, NOT_CONFIRMED,
                    "Yuan per pack a purchase may be above the bid or listed price before it is flagged."),

            choice("targets", "consumable_class", "name", List.of("name", "code"), NOT_CONFIRMED,
                    "A consumable class is the bid's generic name, or the first 7 characters of its code (C + classification)."));

    /** Targets named in the seed documents; the date is the end of the year the document names. */
    public static final List<TargetSet> DEFAULT_TARGETS = List.of(
            new TargetSet("liangshan-2025", "凉山州", LocalDate.of(2025, 12, 31), 500, 5, LIANGSHAN),
            new TargetSet("hainan-2023", "海南省", LocalDate.of(2023, 12, 31), 600, 10, HAINAN));

    public static PolicyRule rule(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + id));
    }
}
