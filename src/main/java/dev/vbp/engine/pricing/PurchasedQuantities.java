package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerLine;
import dev.vbp.engine.volume.WindowedPurchases.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs of each selected bid's product bought during that bid's cycle (or in [from, to] when given), for
 * realised savings. A line goes to the first bid of its product whose window holds its date, so a product
 * selected in two batches is never counted twice. Mergeable; memory grows with the number of bids.
 */
public final class PurchasedQuantities implements LedgerAggregate<PurchasedQuantities>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, List<Window>> windows;
    private final Map<String, long[]> packs = new HashMap<>(); // product → packs per window, scaled by 10^4

    private PurchasedQuantities(Map<String, List<Window>> windows) {
        this.windows = windows;
    }

    /** A plan for these bids: each counts in its cycle, or in [from, to] when either is given. */
    public static Plan plan(List<Bid> bids, LocalDate from, LocalDate to) {
        Map<String, List<Window>> windows = new HashMap<>();
        Map<Bid, int[]> slot = new IdentityHashMap<>();
        for (Bid b : bids) {
            if (b.productCode() == null) continue;
            LocalDate f = from != null ? from : b.cycleStart() != null ? b.cycleStart() : LocalDate.of(1900, 1, 1);
            LocalDate t = to != null ? to : b.cycleEnd() != null ? b.cycleEnd() : LocalDate.of(2999, 12, 31);
            List<Window> list = windows.computeIfAbsent(b.productCode(), k -> new ArrayList<>());
            slot.put(b, new int[]{list.size()});
            list.add(Window.of(f, t));
        }
        return new Plan(windows, slot);
    }

    /** Which window each bid counts in, and the aggregate that fills them. */
    public record Plan(Map<String, List<Window>> windows, Map<Bid, int[]> slot) {
        public PurchasedQuantities newAggregate() {
            return new PurchasedQuantities(windows);
        }

        /** The bid's purchased quantity in minimum units (packs × pack count), or null when it has no code. */
        public BigDecimal units(PurchasedQuantities q, Bid bid) {
            int[] s = slot.get(bid);
            if (s == null) return null;
            long[] p = q.packs.get(bid.productCode());
            long scaled = p == null ? 0 : p[s[0]];
            return BigDecimal.valueOf(scaled, LedgerLine.SCALE).multiply(BigDecimal.valueOf(bid.packCount())).stripTrailingZeros();
        }
    }

    @Override
    public void add(LedgerLine line) {
        List<Window> list = windows.get(line.product());
        if (list == null) return;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).contains(line.date())) {
                packs.computeIfAbsent(line.product(), k -> new long[list.size()])[i] += line.quantity();
                return;
            }
        }
    }

    @Override
    public PurchasedQuantities merge(PurchasedQuantities other) {
        other.packs.forEach((product, p) -> {
            long[] mine = packs.computeIfAbsent(product, k -> new long[p.length]);
            for (int i = 0; i < p.length; i++) mine[i] += p[i];
        });
        return this;
    }
}
