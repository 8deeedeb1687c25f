package dev.vbp.domain.pricing;

import dev.vbp.domain.Exact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The price-drop formulas of docs/rules.md, Formulas. Pure functions over exact decimals. */
public final class PriceDrops {
    private PriceDrops() {}

    /** {@code 1 − bid/base}; negative when the bid is above the baseline. */
    public static BigDecimal drop(BigDecimal bidUnit, BigDecimal baseUnit) {
        return BigDecimal.ONE.subtract(Exact.divide(bidUnit, baseUnit));
    }

    /**
     * The mean drop of {@code items} by {@code kind}, or null when it cannot be computed (no items; for the
     * weighted kinds, an item without quantity or a zero total quantity).
     */
    public static BigDecimal mean(Collection<DropItem> items, MeanKind kind) {
        if (items.isEmpty()) return null;
        switch (kind) {
            case SIMPLE -> {
                return Exact.divide(sum(items.stream().map(DropItem::drop).toList()), BigDecimal.valueOf(items.size()));
            }
            case VOLUME -> {
                if (items.stream().anyMatch(i -> i.quantity() == null)) return null;
                BigDecimal q = sum(items.stream().map(DropItem::quantity).toList());
                if (q.signum() == 0) return null;
                return Exact.divide(sum(items.stream().map(i -> i.quantity().multiply(i.drop())).toList()), q);
            }
            case AMOUNT -> {
                if (items.stream().anyMatch(i -> i.quantity() == null)) return null;
                BigDecimal base = sum(items.stream().map(i -> i.baseUnit().multiply(i.quantity())).toList());
                if (base.signum() == 0) return null;
                BigDecimal bid = sum(items.stream().map(i -> i.bidUnit().multiply(i.quantity())).toList());
                return Exact.divide(base.subtract(bid), base);
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    /** Mean of values already computed (e.g. generics' drops), for the two-stage simple mean. */
    public static BigDecimal meanOf(Collection<BigDecimal> values) {
        return values.isEmpty() ? null : Exact.divide(sum(values), BigDecimal.valueOf(values.size()));
    }

    /** The median: the middle value, or the mean of the two middle values. */
    public static BigDecimal median(Collection<BigDecimal> values) {
        if (values.isEmpty()) return null;
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : Exact.divide(sorted.get(n / 2 - 1).add(sorted.get(n / 2)), BigDecimal.valueOf(2));
    }

    public static BigDecimal sum(Collection<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) s = s.add(v);
        return s;
    }
}
