package dev.vbp.engine.retention;

import dev.vbp.domain.Institution;
import dev.vbp.domain.Allocation;
import dev.vbp.domain.Score;
import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.retention.OverSpend;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.domain.retention.ScoreBand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained-savings calculation (domain.md §4), one {@link Line} per institution × generic:
 * <pre>
 * Budget[h,g]  = AgreedQty[h,g] × P_pre[g] × r_fund × s_insured
 * Spend[h,g]   = (Σ selected p: min(purchased, agreed[h,p]) × unit price[p]   (cap off: all purchased)
 *                 + Σ non-selected p of g: purchase amount) × r_fund × s_insured  (when counted)
 * Balance[h,g] = Budget − Spend; over_spend zero: max(0, Balance)
 * Retained     = Balance × ratio(band(score[h])), if completion ≥ min_completion
 * </pre>
 * Every step keeps its inputs and their places, so {@link RetainedSavingsReports#explain} can show it.
 */
public final class RetainedSavings {
    private RetainedSavings() {}

    public record Inputs(List<Bid> bids, List<Allocation> allocations, List<BaselinePrice> baseline,
                         PurchaseTotals purchases, List<Score> scores, List<Institution> institutions,
                         RetentionPolicy policy) {}

    /** How one product's purchases entered the spending of its line. */
    public record ProductSpend(Bid bid, BigDecimal agreed, PurchaseTotals.Totals bought, BigDecimal counted,
                               BigDecimal amount) {}

    public record Line(String institutionCode, String genericName, BigDecimal agreed, List<String> allocationWhere,
                       LocalDate from, LocalDate to, PrePrices.PrePrice prePrice, BigDecimal budget,
                       List<ProductSpend> selected, List<ProductSpend> nonSelected, BigDecimal selectedQty,
                       BigDecimal selectedSpend, BigDecimal nonSelectedSpend, BigDecimal spend, BigDecimal rawBalance,
                       BigDecimal balance, BigDecimal completion, boolean completionMet, boolean eligible,
                       BigDecimal retained, List<String> reasons) {}

    public record InstitutionResult(String code, Institution institution, Score score, ScoreBand band,
                                    List<Line> lines, BigDecimal retained, String scoreNote) {
        public BigDecimal ratio() { return band == null ? null : band.ratio(); }
    }

    public record Result(RetentionPolicy policy, Map<String, InstitutionResult> institutions, List<String> warnings,
                         boolean purchasesAvailable) {
        public List<Line> lines() {
            return institutions.values().stream().flatMap(i -> i.lines().stream()).toList();
        }
    }

    public static Result compute(Inputs in) {
        RetentionPolicy policy = in.policy();
        BigDecimal share = policy.fundShare();
        List<String> warnings = new ArrayList<>();
        Map<String, Bid> bidOf = new LinkedHashMap<>();
        for (Bid b : in.bids()) {
            if (b.productCode() == null) continue;
            Bid old = bidOf.get(b.productCode());
            if (old == null || (!old.selected() && b.selected())) bidOf.put(b.productCode(), b);
        }
        Map<String, List<Bid>> productsOfGeneric = new LinkedHashMap<>();
        for (Bid b : bidOf.values()) productsOfGeneric.computeIfAbsent(PrePrices.genericKey(b.genericName()), k -> new ArrayList<>()).add(b);
        PrePrices pre = new PrePrices(in.bids(), in.baseline(), policy.basePeriod(), policy.basePrice());

        // institution → generic key → allocations
        Map<String, Map<String, List<Allocation>>> alloc = new LinkedHashMap<>();
        int unknown = 0;
        for (Allocation a : in.allocations()) {
            Bid b = bidOf.get(a.productCode());
            if (b == null) {
                if (unknown++ == 0) warnings.add(a.where() + ": allocation of product " + a.productCode() + " which no bid has; left out");
                continue;
            }
            alloc.computeIfAbsent(a.institutionCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(PrePrices.genericKey(b.genericName()), k -> new ArrayList<>()).add(a);
        }
        if (unknown > 1) warnings.add((unknown - 1) + " more allocations of products no bid has were left out");

        Map<String, List<Score>> scores = new LinkedHashMap<>();
        for (Score s : in.scores()) scores.computeIfAbsent(s.institutionCode(), k -> new ArrayList<>()).add(s);
        Map<String, Institution> institutions = new LinkedHashMap<>();
        for (Institution i : in.institutions()) institutions.putIfAbsent(i.code(), i);

        Map<String, InstitutionResult> results = new LinkedHashMap<>();
        for (var byInst : alloc.entrySet()) {
            String h = byInst.getKey();
            List<Score> hs = scores.getOrDefault(h, List.of());
            Score score = hs.size() == 1 ? hs.get(0) : null;
            String scoreNote = hs.isEmpty() ? "no score"
                    : hs.size() > 1 ? hs.size() + " scores (" + String.join(", ", hs.stream().map(Score::where).toList()) + "); keep one per institution" : null;
            ScoreBand band = score == null ? null : policy.bandOf(score.score()).orElse(null);
            if (score != null && band == null) scoreNote = "score " + score.score().toPlainString() + " is in no band";
            if (band != null && band.ratio().signum() == 0) {
                scoreNote = "band " + band.name() + " (score " + score.score().toPlainString() + ") keeps nothing";
            }

            List<Line> lines = new ArrayList<>();
            for (var byGeneric : byInst.getValue().entrySet()) {
                lines.add(line(h, byGeneric.getValue(), productsOfGeneric.get(byGeneric.getKey()), bidOf, pre, in.purchases(),
                        policy, share, band, scoreNote));
            }
            BigDecimal total;
            if (policy.overSpend() == OverSpend.OFFSET) {
                BigDecimal sum = BigDecimal.ZERO;
                boolean any = false;
                for (Line l : lines) {
                    if (l.eligible()) { sum = sum.add(l.rawBalance()); any = true; }
                }
                total = any ? round(sum.max(BigDecimal.ZERO).multiply(band.ratio()), policy) : round(BigDecimal.ZERO, policy);
            } else {
                total = round(BigDecimal.ZERO, policy);
                for (Line l : lines) total = total.add(l.retained());
            }
            results.put(h, new InstitutionResult(h, institutions.get(h), score, band, lines, total, scoreNote));
        }
        if (!in.purchases().available()) {
            warnings.add("no purchase data (ledger): every institution is reported with no purchases; pass --ledger FILE or import a ledger");
        }
        return new Result(policy, results, warnings, in.purchases().available());
    }

    private static Line line(String h, List<Allocation> allocations, List<Bid> products, Map<String, Bid> bidOf,
                             PrePrices pre, PurchaseTotals purchases, RetentionPolicy policy, BigDecimal share,
                             ScoreBand band, String scoreNote) {
        Bid first = bidOf.get(allocations.get(0).productCode());
        String generic = first.genericName();
        BigDecimal agreed = BigDecimal.ZERO;
        Map<String, BigDecimal> agreedOf = new LinkedHashMap<>();
        LocalDate from = null, to = null;
        for (Allocation a : allocations) {
            agreed = agreed.add(a.agreedQty());
            agreedOf.merge(a.productCode(), a.agreedQty(), BigDecimal::add);
            if (from == null || a.cycleStart().isBefore(from)) from = a.cycleStart();
            if (to == null || a.cycleEnd().isAfter(to)) to = a.cycleEnd();
        }
        PrePrices.PrePrice p = pre.of(generic);
        BigDecimal budget = p.found() ? agreed.multiply(p.unitPrice()).multiply(share) : null;

        List<ProductSpend> selected = new ArrayList<>(), nonSelected = new ArrayList<>();
        BigDecimal selQty = BigDecimal.ZERO, selSpend = BigDecimal.ZERO, nonSpend = BigDecimal.ZERO;
        for (Bid b : products) {
            PurchaseTotals.Totals t = purchases.of(h, b.productCode(), from, to);
            if (b.selected()) {
                BigDecimal own = agreedOf.getOrDefault(b.productCode(), BigDecimal.ZERO);
                BigDecimal counted = policy.capSelected() ? t.quantity().min(own).max(BigDecimal.ZERO) : t.quantity();
                BigDecimal amount = counted.multiply(b.unitPrice());
                if (t.any() || agreedOf.containsKey(b.productCode())) selected.add(new ProductSpend(b, own, t, counted, amount));
                selQty = selQty.add(t.quantity());
                selSpend = selSpend.add(amount);
            } else if (t.any()) {
                BigDecimal amount = policy.countNonSelected() ? t.amount() : BigDecimal.ZERO;
                nonSelected.add(new ProductSpend(b, null, t, policy.countNonSelected() ? t.quantity() : BigDecimal.ZERO, amount));
                nonSpend = nonSpend.add(amount);
            }
        }
        BigDecimal spend = selSpend.add(nonSpend).multiply(share);
        BigDecimal raw = budget == null ? null : budget.subtract(spend);
        BigDecimal balance = raw == null ? null : policy.overSpend() == OverSpend.ZERO ? raw.max(BigDecimal.ZERO) : raw;
        BigDecimal completion = agreed.signum() == 0 ? null : Exact.divide(selQty, agreed);
        boolean met = completion != null && completion.compareTo(policy.minCompletion()) >= 0;

        List<String> reasons = new ArrayList<>();
        if (!p.found()) reasons.add(p.reason());
        if (!purchases.available()) reasons.add("no purchases (no ledger data)");
        if (!met) {
            reasons.add("completion " + percent(completion) + " < " + percent(policy.minCompletion()) + " required");
        }
        if (band == null || band.ratio().signum() == 0) reasons.add(scoreNote);
        boolean eligible = p.found() && met && band != null && band.ratio().signum() > 0;
        if (eligible && policy.overSpend() == OverSpend.ZERO && raw.signum() < 0) {
            reasons.add("spending exceeds budget by " + Exact.money(raw.negate()).toPlainString() + " (over_spend: zero)");
        } else if (eligible && raw.signum() == 0) {
            reasons.add("no balance: spending equals budget");
        }
        BigDecimal retained = eligible ? round(balance.multiply(band.ratio()), policy) : round(BigDecimal.ZERO, policy);
        return new Line(h, generic, agreed, allocations.stream().map(Allocation::where).toList(), from, to, p, budget,
                selected, nonSelected, selQty, selSpend.multiply(share), nonSpend.multiply(share), spend, raw, balance,
                completion, met, eligible, retained, reasons);
    }

    static BigDecimal round(BigDecimal v, RetentionPolicy policy) {
        return v.setScale(policy.moneyDecimals(), RoundingMode.HALF_UP);
    }

    /** 0.87 → "87%", 0.875 → "87.5%". */
    static String percent(BigDecimal ratio) {
        if (ratio == null) return "n/a";
        BigDecimal p = ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }
}
