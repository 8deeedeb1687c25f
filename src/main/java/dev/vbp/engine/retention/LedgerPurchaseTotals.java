package dev.vbp.engine.retention;

import dev.vbp.read.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PurchaseTotals} from ledger rows held in memory. Ledger quantities are packs; they become minimum
 * units with the product's pack count from the bids. Lines of products without a bid cannot be converted and
 * are counted in {@link #unknownProductLines()} (they belong to no VBP generic the analysis knows).
 */
public final class LedgerPurchaseTotals implements PurchaseTotals {

    /** One ledger line: quantity in packs (negative for a return). */
    public record Line(LocalDate date, String institutionCode, String productCode, BigDecimal quantity,
                       BigDecimal amount, String where) {
        public static Line fromRow(Row r) {
            return new Line(r.date("date"), r.text("institution_code"), r.text("product_code"), r.decimal("quantity"),
                    r.decimal("amount"), r.where());
        }
    }

    private final Map<String, List<Line>> byKey = new HashMap<>();
    private final Map<String, Integer> packCounts;
    private final boolean available;
    private int unknownProductLines;

    /** @param packCounts product code → minimum units per pack, from the bids */
    public LedgerPurchaseTotals(List<Line> lines, Map<String, Integer> packCounts, boolean available) {
        this.packCounts = packCounts;
        this.available = available;
        for (Line l : lines) {
            if (!packCounts.containsKey(l.productCode())) {
                unknownProductLines++;
                continue;
            }
            byKey.computeIfAbsent(l.institutionCode() + "\u0000" + l.productCode(), k -> new ArrayList<>()).add(l);
        }
    }

    @Override
    public Totals of(String institutionCode, String productCode, LocalDate from, LocalDate to) {
        List<Line> lines = byKey.getOrDefault(institutionCode + "\u0000" + productCode, List.of());
        BigDecimal qty = BigDecimal.ZERO, amount = BigDecimal.ZERO;
        List<String> where = new ArrayList<>();
        BigDecimal pack = BigDecimal.valueOf(packCounts.getOrDefault(productCode, 1));
        for (Line l : lines) {
            if ((from != null && l.date().isBefore(from)) || (to != null && l.date().isAfter(to))) continue;
            qty = qty.add(l.quantity().multiply(pack));
            amount = amount.add(l.amount());
            where.add(l.where());
        }
        return where.isEmpty() ? Totals.NONE : new Totals(qty, amount, List.copyOf(where));
    }

    @Override
    public boolean available() { return available; }

    public int unknownProductLines() { return unknownProductLines; }
}
