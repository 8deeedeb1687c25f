package dev.vbp.engine.prepayment;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.instruments.Prepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agreement years of every institution and batch (year k of a cycle runs from cycle start + k years to the
 * day before the next, the last ending with the cycle), each with its agreed amount Σ agreed quantity ×
 * selected unit price, the prepayment due and the prepayments assigned to it. A prepayment goes to the year of
 * its institution (and batch, when it names one) that contains its date; one paid before every year to the
 * first; one after every year to the last. Without a batch and with several years containing the date, it goes
 * to the one that started first, with a warning.
 */
public final class PrepaymentPlan {

    /** One institution × batch × agreement year. */
    public static final class Year {
        final String institution;
        final String batch;
        final LocalDate start, end;
        BigDecimal agreedAmount = BigDecimal.ZERO;
        int allocations;
        final Set<String> products = new LinkedHashSet<>();
        final List<Prepayment> paid = new ArrayList<>();

        Year(String institution, String batch, LocalDate start, LocalDate end) {
            this.institution = institution;
            this.batch = batch;
            this.start = start;
            this.end = end;
        }

        public String institution() { return institution; }
        public String batch() { return batch; }
        public LocalDate start() { return start; }
        public LocalDate end() { return end; }
        public BigDecimal agreedAmount() { return agreedAmount; }
        public int allocations() { return allocations; }
        public Set<String> products() { return products; }
        public List<Prepayment> paid() { return paid; }

        boolean contains(LocalDate d) { return !d.isBefore(start) && !d.isAfter(end); }
    }

    private final Map<String, Year> years = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();

    public PrepaymentPlan(List<Allocation> allocations, List<Bid> bids, LocalDate asOf) {
        Map<String, Bid> selected = new HashMap<>();
        for (Bid b : bids) {
            if (!b.selected() || b.productCode() == null) continue;
            selected.putIfAbsent(b.batchId() + "\u0000" + b.productCode(), b);
            selected.putIfAbsent("\u0000" + b.productCode(), b);
        }
        int unpriced = 0;
        for (Allocation a : allocations) {
            Bid bid = selected.get(Objects.toString(a.batchId(), "") + "\u0000" + a.productCode());
            if (bid == null) bid = selected.get("\u0000" + a.productCode());
            if (bid == null) {
                unpriced++;
                continue;
            }
            String batch = a.batchId() != null ? a.batchId() : bid.batchId();
            for (LocalDate s = a.cycleStart(); !s.isAfter(a.cycleEnd()) && !s.isAfter(asOf); s = s.plusYears(1)) {
                LocalDate e = s.plusYears(1).minusDays(1);
                if (e.isAfter(a.cycleEnd())) e = a.cycleEnd();
                LocalDate start = s, end = e;
                Year y = years.computeIfAbsent(a.institutionCode() + "\u0000" + batch + "\u0000" + s,
                        k -> new Year(a.institutionCode(), batch, start, end));
                // quantity × pack price / pack count, dividing last: exact whenever the amount has a finite decimal form
                y.agreedAmount = y.agreedAmount.add(dev.vbp.domain.Exact.divide(a.agreedQty().multiply(bid.bidPrice()),
                        java.math.BigDecimal.valueOf(bid.packCount())));
                y.allocations++;
                y.products.add(a.productCode());
            }
        }
        if (unpriced > 0) warnings.add(unpriced + " allocation" + (unpriced == 1 ? " has" : "s have") + " no selected bid of its product; left out");
    }

    /** Assigns prepayments dated up to {@code asOf}; the ones that fit no year are counted in the warnings. */
    public void assign(List<Prepayment> prepayments, LocalDate asOf) {
        int orphans = 0, ambiguous = 0, later = 0;
        String firstOrphan = null, firstAmbiguous = null;
        Map<String, List<Year>> byInstitution = new HashMap<>();
        for (Year y : years.values()) byInstitution.computeIfAbsent(y.institution, k -> new ArrayList<>()).add(y);
        for (Prepayment p : prepayments) {
            if (p.date().isAfter(asOf)) {
                later++;
                continue;
            }
            List<Year> candidates = byInstitution.getOrDefault(p.institutionCode(), List.of()).stream()
                    .filter(y -> p.batchId() == null || p.batchId().equals(y.batch))
                    .sorted(Comparator.comparing((Year y) -> y.start).thenComparing(y -> y.batch)).toList();
            if (candidates.isEmpty()) {
                orphans++;
                if (firstOrphan == null) firstOrphan = p.where();
                continue;
            }
            List<Year> containing = candidates.stream().filter(y -> y.contains(p.date())).toList();
            Year chosen;
            if (!containing.isEmpty()) {
                chosen = containing.get(0);
                if (containing.size() > 1 && p.batchId() == null) {
                    ambiguous++;
                    if (firstAmbiguous == null) firstAmbiguous = p.where();
                }
            } else {
                chosen = candidates.stream().filter(y -> y.start.isAfter(p.date())).findFirst().orElse(candidates.get(candidates.size() - 1));
            }
            chosen.paid.add(p);
        }
        if (orphans > 0) warnings.add(orphans + " prepayment" + (orphans == 1 ? " is" : "s are") + " for an institution (or batch) with no agreement year; left out (first: " + firstOrphan + ")");
        if (ambiguous > 0) warnings.add(ambiguous + " prepayment" + (ambiguous == 1 ? " falls" : "s fall") + " in agreement years of several batches and name none; each went to the year that started first (first: " + firstAmbiguous + ")");
        if (later > 0) warnings.add(later + " prepayment" + (later == 1 ? " is" : "s are") + " dated after --as-of; left out");
    }

    public List<Year> years() { return List.copyOf(years.values()); }

    public List<String> warnings() { return warnings; }

    /** Every product an institution's agreement years cover, for the ledger scan. */
    public Map<String, Set<String>> productsByInstitution() {
        Map<String, Set<String>> m = new HashMap<>();
        for (Year y : years.values()) m.computeIfAbsent(y.institution, k -> new java.util.HashSet<>()).addAll(y.products);
        return m;
    }
}
