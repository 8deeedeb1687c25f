package dev.vbp.domain.instruments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The companion-measures policy in force: a value and its source for every rule of {@link InstrumentRules},
 * and the landing targets. Read from a file by {@link InstrumentsPolicyFile}; keys left out keep their default
 * and its source.
 */
public final class InstrumentsPolicy {
    private final Map<String, RuleValue> values;
    private final List<TargetSet> targets;
    private final String source;

    InstrumentsPolicy(Map<String, RuleValue> values, List<TargetSet> targets, String source) {
        this.values = Map.copyOf(values);
        this.targets = List.copyOf(targets);
        this.source = source;
    }

    /** A policy of these values (every rule of {@link InstrumentRules} present) and targets, read from {@code source}. */
    public static InstrumentsPolicy of(Map<String, RuleValue> values, List<TargetSet> targets, String source) {
        for (PolicyRule r : InstrumentRules.ALL) {
            if (!values.containsKey(r.id())) throw new IllegalArgumentException("no value for " + r.id());
        }
        return new InstrumentsPolicy(values, targets, source);
    }

    public static InstrumentsPolicy defaults() {
        Map<String, RuleValue> m = new LinkedHashMap<>();
        for (PolicyRule r : InstrumentRules.ALL) m.put(r.id(), new RuleValue(r.defaultValue(), r.source()));
        return new InstrumentsPolicy(m, InstrumentRules.DEFAULT_TARGETS, "built-in default");
    }

    /** A copy with one rule set (a command-line option), its source the option's name. */
    public InstrumentsPolicy with(String id, Object value, String from) {
        InstrumentRules.rule(id);
        Map<String, RuleValue> m = new LinkedHashMap<>(values);
        m.put(id, new RuleValue(value, from));
        return new InstrumentsPolicy(m, targets, source);
    }

    public String source() { return source; }

    public List<TargetSet> targets() { return targets; }

    public Optional<TargetSet> target(String name) {
        return targets.stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    public RuleValue get(String id) {
        RuleValue v = values.get(id);
        if (v == null) throw new IllegalArgumentException("no rule " + id);
        return v;
    }

    public BigDecimal number(String id) { return (BigDecimal) get(id).value(); }

    public int whole(String id) { return (Integer) get(id).value(); }

    public String choice(String id) { return (String) get(id).value(); }

    public <E extends Enum<E>> E choice(String id, Class<E> type) {
        return Enum.valueOf(type, choice(id).toUpperCase(Locale.ROOT));
    }

    /**
     * The rules of one section as a report's assumptions list them: {@code key → {value, source}}, plus
     * which policy file they came from.
     */
    public Map<String, Object> assumptions(String section) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", source);
        for (PolicyRule r : InstrumentRules.ALL) {
            if (r.section().equals(section)) m.put(r.key(), get(r.id()).describe());
        }
        return m;
    }

    public PaymentStandardRules paymentStandard() {
        return new PaymentStandardRules(choice("payment_standard.several_winners", PaymentStandardRules.SeveralWinners.class),
                number("payment_standard.high_multiple"), number("payment_standard.first_cut"),
                whole("payment_standard.glide_years"), choice("payment_standard.glide_path", PaymentStandardRules.GlidePath.class),
                choice("payment_standard.below_multiple", PaymentStandardRules.BelowMultiple.class),
                "not_evaluated".equals(choice("payment_standard.missing_evaluation")) ? false : true);
    }

    public PriceWatchRules priceWatch() {
        return new PriceWatchRules(number("price_watch.rise_threshold"),
                choice("price_watch.period", PriceWatchRules.Period.class), number("price_watch.max_multiple_of_selected"),
                choice("price_watch.selected_reference", PriceWatchRules.Reference.class), number("price_watch.tolerance"));
    }
}
