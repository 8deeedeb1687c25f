package dev.vbp.engine.retention;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.domain.Score;
import dev.vbp.domain.retention.OverSpend;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.domain.retention.Rounding;
import dev.vbp.domain.retention.ScoreBand;
import dev.vbp.domain.volume.AgreementYear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The retained-savings calculation (docs/rules.md, Retained savings, and its rulings), one {@link Line} per institution × batch ×
 * generic × agreement year:
 * <pre>
 * Budget    = Σ_allocations agreed × P_pre(product's generic and strength) × r_fund × s_insured
 * Spend     = (selected purchases of the generic, all its selected products together, in date order up to the
 *              generic's agreed total, × each product's selected unit price
 *              + non-selected purchases of the generic × their price) × r_fund × s_insured
 * Balance   = Budget − Spend; eligible when positive and completion ≥ min_completion, or when negative
 *             under over_spend: offset (an over-spend always counts against the institution)
 * Retained  = max(0, Σ eligible balances) × ratio(band(score)), rounded once (or per generic: rounding)
 * </pre>
 * Completion is the same purchases that are priced: the selected products' net quantity in the year / agreed.
 * A product whose net purchases in the year are below zero (returns without purchases) counts as zero, with
 * a warning naming its lines. Purchases are taken from the agreement year that contains the as-of day, up
 * to that day; a purchase outside every settled year is left out and shown as such.
 */
public final class RetainedSavings {
    private RetainedSavings() {}

    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1), LATEST = LocalDate.of(9999, 12, 31);

    /** @param prePrices P_pre of the bids' products, the baseline streamed into it (under the policy's base period and rules) */
    public record Inputs(List<Bid> bids, List<Allocation> allocations, PrePrices prePrices,
                         PurchaseHistory purchases, List<Score> scores, List<Institution> institutions,
                         RetentionPolicy policy, LocalDate asOf) {}

    /** How one product's purchases in the year entered its line. */
    public record ProductSpend(Bid bid, boolean selected, BigDecimal agreed, BigDecimal bought, BigDecimal boughtAmount,
                               BigDecimal counted, BigDecimal amount, long lines, List<LineRef> where, boolean negative) {}

    /** One day's purchase of a selected product, taken in date order against the cap. */
    public record Step(LocalDate date, String product, BigDecimal quantity, BigDecimal counted, BigDecimal unitPrice,
                       List<LineRef> where) {
        public BigDecimal capped() { return quantity.subtract(counted); }
    }

    /** An allocation of the line, with the P_pre of its product and the budget it adds. */
    public record AllocationBudget(Allocation allocation, Bid bid, PrePrices.PrePrice prePrice, BigDecimal budget) {}

    /** Purchases of the generic by the institution outside the year (before it, or after it / the as-of day). */
    public record LeftOut(BigDecimal before, BigDecimal after, List<LineRef> where) {
        public boolean any() { return before.signum() != 0 || after.signum() != 0; }
    }

    public record Line(String institutionCode, String batchId, String genericName, AgreementYear year, LocalDate countTo,
                       List<AllocationBudget> allocations, BigDecimal agreed, BigDecimal budget,
                       List<ProductSpend> products, List<Step> steps, LeftOut leftOut,
                       BigDecimal selectedQty, BigDecimal countedQty, BigDecimal selectedSpend, BigDecimal nonSelectedSpend,
                       BigDecimal spend, BigDecimal rawBalance, BigDecimal balance, BigDecimal eligibleBalance,
                       BigDecimal completion, boolean completionMet, boolean eligible, BigDecimal retained,
                       List<String> reasons) {

        /** P_pre shown for the line: the one of its allocations when they agree, else null (see explain). */
        public PrePrices.PrePrice prePrice() {
            PrePrices.PrePrice first = allocations.get(0).prePrice();
            for (AllocationBudget a : allocations) {
                if (!Objects.equals(a.prePrice().unitPrice(), first.unitPrice())) return null;
            }
            return first;
        }

        public List<String> allocationWhere() {
            return allocations.stream().map(a -> a.allocation().where()).toList();
        }
    }

    public record InstitutionResult(String code, Institution institution, Score score, ScoreBand band,
                                    List<Line> lines, BigDecimal retainedExact, BigDecimal retained, String scoreNote) {
        public BigDecimal ratio() { return band == null ? null : band.ratio(); }
    }

    public record Result(RetentionPolicy policy, LocalDate asOf, Map<String, InstitutionResult> institutions,
                         List<String> warnings, boolean purchasesAvailable) {
        public List<Line> lines() {
            return institutions.values().stream().flatMap(i -> i.lines().stream()).toList();
        }
    }

    /** The products of the bids: for each code its bids, and whether any batch selected it. */
    private static final class Catalog {
        final Map<String, Bid> bidOf = new LinkedHashMap<>();
        final Map<String, Bid> selectedIn = new LinkedHashMap<>(); // batch \0 product → selected bid
        final Map<String, List<Bid>> productsOfGeneric = new LinkedHashMap<>();

        Catalog(List<Bid> bids) {
            for (Bid b : bids) {
                if (b.productCode() == null) continue;
                Bid old = bidOf.get(b.productCode());
                if (old == null || (!old.selected() && b.selected())) bidOf.put(b.productCode(), b);
                if (b.selected()) selectedIn.putIfAbsent(batchKey(b.batchId(), b.productCode()), b);
            }
            for (Bid b : bidOf.values()) {
                productsOfGeneric.computeIfAbsent(PrePrices.genericKey(b.genericName()), k -> new ArrayList<>()).add(b);
            }
        }

        Bid allocated(Allocation a) {
            Bid b = selectedIn.get(batchKey(a.batchId(), a.productCode()));
            return b != null ? b : bidOf.get(a.productCode());
        }

        /** The bid that prices a selected product in a line of {@code batch}: that batch's, else its own. */
        Bid pricing(String batch, String product) {
            Bid b = selectedIn.get(batchKey(batch, product));
            return b != null ? b : bidOf.get(product);
        }

        boolean selectedInBatch(String batch, String product) {
            return selectedIn.containsKey(batchKey(batch, product));
        }

        static String batchKey(String batch, String product) {
            return (batch == null ? "" : batch) + "\u0000" + product;
        }
    }

    /** The allocations of one line, before purchases are assigned. */
    private static final class Draft {
        final String institution, batch, generic, genericName;
        final AgreementYear year;
        final LocalDate countTo;
        final List<Allocation> allocations = new ArrayList<>();
        final List<PurchaseHistory.Day> days = new ArrayList<>();

        Draft(String institution, String batch, String generic, String genericName, AgreementYear year, LocalDate asOf) {
            this.institution = institution;
            this.batch = batch;
            this.generic = generic;
            this.genericName = genericName;
            this.year = year;
            this.countTo = asOf.isBefore(year.end()) ? asOf : year.end();
        }

        boolean covers(LocalDate d) {
            return !d.isBefore(year.start()) && !d.isAfter(countTo);
        }
    }

    public static Result compute(Inputs in) {
        RetentionPolicy policy = in.policy();
        BigDecimal share = policy.fundShare();
        List<String> warnings = new ArrayList<>();
        Catalog catalog = new Catalog(in.bids());
        PrePrices pre = in.prePrices();

        // institution → line key → draft; a line is institution × batch × generic × agreement year
        Map<String, Map<String, Draft>> drafts = new LinkedHashMap<>();
        int unknown = 0, notBegun = 0;
        LocalDate lastCycleEnd = null;
        for (Allocation a : in.allocations()) {
            if (a.cycleStart().isAfter(in.asOf())) { // nothing to settle before its cycle begins
                notBegun++;
                continue;
            }
            Bid b = catalog.allocated(a);
            if (b == null) {
                if (unknown++ == 0) warnings.add(a.where() + ": allocation of product " + a.productCode() + " which no bid has; left out");
                continue;
            }
            if (lastCycleEnd == null || a.cycleEnd().isAfter(lastCycleEnd)) lastCycleEnd = a.cycleEnd();
            AgreementYear year = AgreementYear.of(a.cycleStart(), a.cycleEnd(), in.asOf());
            String g = PrePrices.genericKey(b.genericName());
            String key = (a.batchId() == null ? "" : a.batchId()) + "\u0000" + g + "\u0000" + year.start() + "\u0000" + year.end();
            drafts.computeIfAbsent(a.institutionCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new Draft(a.institutionCode(), a.batchId(), g, b.genericName(), year, in.asOf()))
                    .allocations.add(a);
        }
        if (unknown > 1) warnings.add((unknown - 1) + " more allocations of products no bid has were left out");
        if (notBegun > 0) warnings.add(notBegun + " allocations of cycles that begin after " + in.asOf() + " are not settled");
        if (lastCycleEnd != null && in.asOf().isAfter(lastCycleEnd)) {
            warnings.add("as-of " + in.asOf() + " is past every cycle (the last ends " + lastCycleEnd
                    + "): each allocation's last agreement year is settled; pass --as-of DATE to settle another year");
        }

        Map<String, List<Score>> scores = new LinkedHashMap<>();
        for (Score s : in.scores()) scores.computeIfAbsent(s.institutionCode(), k -> new ArrayList<>()).add(s);
        Map<String, Institution> institutions = new LinkedHashMap<>();
        for (Institution i : in.institutions()) institutions.putIfAbsent(i.code(), i);

        Map<String, InstitutionResult> results = new LinkedHashMap<>();
        for (var byInst : drafts.entrySet()) {
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

            Map<String, List<Draft>> byGeneric = new LinkedHashMap<>();
            for (Draft d : byInst.getValue().values()) byGeneric.computeIfAbsent(d.generic, k -> new ArrayList<>()).add(d);
            Map<Draft, LeftOut> leftOut = new LinkedHashMap<>();
            for (var e : byGeneric.entrySet()) assign(h, e.getValue(), catalog.productsOfGeneric.getOrDefault(e.getKey(), List.of()),
                    in.purchases(), catalog, leftOut);

            List<Line> lines = new ArrayList<>();
            for (Draft d : byInst.getValue().values()) {
                lines.add(line(d, catalog, pre, in.purchases(), policy, share, band, scoreNote, leftOut.get(d), warnings));
            }
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal roundedSum = round(BigDecimal.ZERO, policy);
            boolean paying = band != null && band.ratio().signum() > 0;
            for (Line l : lines) {
                sum = sum.add(l.eligibleBalance());
                roundedSum = roundedSum.add(l.retained());
            }
            BigDecimal exact = paying ? sum.max(BigDecimal.ZERO).multiply(band.ratio()) : BigDecimal.ZERO;
            BigDecimal total = policy.rounding() == Rounding.GENERIC ? (paying ? roundedSum.max(round(BigDecimal.ZERO, policy)) : round(BigDecimal.ZERO, policy))
                    : round(exact, policy);
            results.put(h, new InstitutionResult(h, institutions.get(h), score, band, lines, exact, total, scoreNote));
        }
        if (!in.purchases().available()) {
            warnings.add("no purchase data (ledger): every institution is reported with no purchases; pass --ledger FILE or import a ledger");
        } else {
            coverageWarnings(results, in.purchases(), in.asOf(), warnings);
        }
        return new Result(policy, in.asOf(), results, warnings, in.purchases().available());
    }

    /**
     * Gives each purchase day of the generic's products to one line of the institution: a line whose year
     * (up to the as-of day) contains the day, preferring the batch that selected the product, then the latest
     * year. Days no line covers are left out, and shown on every line of the generic.
     */
    private static void assign(String h, List<Draft> lines, List<Bid> products, PurchaseHistory purchases, Catalog catalog,
                               Map<Draft, LeftOut> leftOut) {
        LocalDate from = lines.stream().map(d -> d.year.start()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = lines.stream().map(d -> d.countTo).max(Comparator.naturalOrder()).orElseThrow();
        BigDecimal before = BigDecimal.ZERO, after = BigDecimal.ZERO;
        List<LineRef> where = new ArrayList<>();
        for (Bid p : products) {
            for (PurchaseHistory.Day day : purchases.days(h, p.productCode(), EARLIEST, LATEST)) {
                Draft best = null;
                for (Draft d : lines) {
                    if (!d.covers(day.date())) continue;
                    if (best == null || better(d, best, p.productCode(), catalog)) best = d;
                }
                if (best != null) {
                    best.days.add(day);
                } else {
                    if (day.date().isBefore(from)) before = before.add(day.quantity());
                    else if (day.date().isAfter(to)) after = after.add(day.quantity());
                    else before = before.add(day.quantity()); // between two settled years of the generic
                    where.addAll(day.where());
                }
            }
        }
        where.sort(Comparator.naturalOrder());
        LeftOut out = new LeftOut(before, after, List.copyOf(where.subList(0, Math.min(where.size(), 5))));
        for (Draft d : lines) leftOut.put(d, out);
    }

    private static boolean better(Draft d, Draft best, String product, Catalog catalog) {
        boolean mine = catalog.selectedInBatch(d.batch, product), theirs = catalog.selectedInBatch(best.batch, product);
        if (mine != theirs) return mine;
        int c = d.year.start().compareTo(best.year.start());
        if (c != 0) return c > 0;
        return Objects.toString(d.batch, "").compareTo(Objects.toString(best.batch, "")) > 0;
    }

    private static Line line(Draft d, Catalog catalog, PrePrices pre, PurchaseHistory purchases, RetentionPolicy policy,
                             BigDecimal share, ScoreBand band, String scoreNote, LeftOut leftOut, List<String> warnings) {
        List<String> reasons = new ArrayList<>();
        BigDecimal agreed = BigDecimal.ZERO;
        BigDecimal budget = BigDecimal.ZERO;
        boolean allPriced = true;
        Map<String, BigDecimal> agreedOf = new LinkedHashMap<>();
        List<AllocationBudget> allocs = new ArrayList<>();
        for (Allocation a : d.allocations) {
            Bid b = catalog.allocated(a);
            PrePrices.PrePrice p = pre.of(b);
            BigDecimal ab = p.found() ? a.agreedQty().multiply(p.unitPrice()).multiply(share) : null;
            allocs.add(new AllocationBudget(a, b, p, ab));
            agreed = agreed.add(a.agreedQty());
            agreedOf.merge(a.productCode(), a.agreedQty(), BigDecimal::add);
            if (ab == null) {
                allPriced = false;
                if (!reasons.contains(p.reason())) reasons.add(p.reason());
            } else {
                budget = budget.add(ab);
            }
        }
        if (!allPriced) budget = null;

        // Net each product over the year; a negative net counts as zero (and is named).
        Map<String, List<PurchaseHistory.Day>> daysOf = new TreeMap<>();
        for (PurchaseHistory.Day day : d.days) daysOf.computeIfAbsent(day.product(), k -> new ArrayList<>()).add(day);
        List<ProductSpend> products = new ArrayList<>();
        List<PurchaseHistory.Day> selectedDays = new ArrayList<>();
        BigDecimal nonSpend = BigDecimal.ZERO, selQty = BigDecimal.ZERO;
        for (String code : union(agreedOf.keySet(), daysOf.keySet())) {
            List<PurchaseHistory.Day> days = daysOf.getOrDefault(code, List.of());
            Bid bid = catalog.bidOf.get(code);
            boolean selected = bid.selected();
            if (selected) bid = catalog.pricing(d.batch, code);
            BigDecimal qty = BigDecimal.ZERO, amount = BigDecimal.ZERO;
            long lines = 0;
            List<LineRef> where = new ArrayList<>();
            for (PurchaseHistory.Day day : days) {
                qty = qty.add(day.quantity());
                amount = amount.add(day.amount());
                lines += day.lines();
                where.addAll(day.where());
            }
            where.sort(Comparator.naturalOrder());
            boolean negative = qty.signum() < 0;
            if (negative) {
                warnings.add(d.institution + " " + code + " (" + d.genericName + "): net purchases " + qty.toPlainString()
                        + " in " + d.year.start() + ".." + d.countTo + " are below zero (returns without purchases); counted as zero ("
                        + describe(where, lines) + ")");
            }
            BigDecimal counted = BigDecimal.ZERO, spent = BigDecimal.ZERO;
            if (selected) {
                if (!negative) {
                    selectedDays.addAll(days);
                    selQty = selQty.add(qty);
                }
            } else if (!negative && policy.countNonSelected()) {
                counted = qty;
                spent = amount;
                nonSpend = nonSpend.add(amount);
            }
            products.add(new ProductSpend(bid, selected, agreedOf.get(code), qty, amount, counted, spent, lines, List.copyOf(where), negative));
        }

        // Selected purchases in date order (then product code) against the generic's agreed total.
        selectedDays.sort(Comparator.comparing(PurchaseHistory.Day::date).thenComparing(PurchaseHistory.Day::product));
        List<Step> steps = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO, selSpend = BigDecimal.ZERO;
        Map<String, BigDecimal[]> countedOf = new LinkedHashMap<>();
        for (PurchaseHistory.Day day : selectedDays) {
            BigDecimal next = cumulative.add(day.quantity());
            BigDecimal counted = policy.capSelected() ? next.min(agreed).subtract(cumulative.min(agreed)) : day.quantity();
            cumulative = next;
            BigDecimal price = catalog.pricing(d.batch, day.product()).unitPrice();
            selSpend = selSpend.add(counted.multiply(price));
            countedOf.computeIfAbsent(day.product(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            countedOf.get(day.product())[0] = countedOf.get(day.product())[0].add(counted);
            countedOf.get(day.product())[1] = countedOf.get(day.product())[1].add(counted.multiply(price));
            steps.add(new Step(day.date(), day.product(), day.quantity(), counted, price, day.where()));
        }
        for (int i = 0; i < products.size(); i++) {
            ProductSpend s = products.get(i);
            BigDecimal[] c = countedOf.get(s.bid().productCode());
            if (s.selected() && c != null) {
                products.set(i, new ProductSpend(s.bid(), true, s.agreed(), s.bought(), s.boughtAmount(), c[0], c[1], s.lines(), s.where(), s.negative()));
            }
        }

        BigDecimal countedQty = policy.capSelected() ? selQty.min(agreed).max(BigDecimal.ZERO) : selQty;
        BigDecimal spend = selSpend.add(nonSpend).multiply(share);
        BigDecimal raw = budget == null ? null : budget.subtract(spend);
        BigDecimal balance = raw == null ? null : policy.overSpend() == OverSpend.ZERO ? raw.max(BigDecimal.ZERO) : raw;
        BigDecimal completion = agreed.signum() == 0 ? null : Exact.divide(selQty, agreed);
        boolean met = completion != null && completion.compareTo(policy.minCompletion()) >= 0;
        boolean paying = band != null && band.ratio().signum() > 0;

        if (!purchases.available()) reasons.add("no purchases (no ledger data)");
        if (!met) reasons.add("completion " + percent(completion) + " < " + percent(policy.minCompletion()) + " required");
        if (!paying) reasons.add(scoreNote);
        // Only a positive balance needs completion; an over-spend under offset counts whatever the completion.
        BigDecimal eligibleBalance = BigDecimal.ZERO;
        if (raw != null) {
            if (raw.signum() > 0 && met) eligibleBalance = raw;
            else if (raw.signum() < 0 && policy.overSpend() == OverSpend.OFFSET) eligibleBalance = raw;
        }
        if (raw != null && raw.signum() < 0) {
            reasons.add("spending exceeds budget by " + Exact.money(raw.negate()).toPlainString()
                    + (policy.overSpend() == OverSpend.ZERO ? " (over_spend: zero)" : " (over_spend: offset: set against the other generics)"));
        } else if (raw != null && raw.signum() == 0 && met && paying) {
            reasons.add("no balance: spending equals budget");
        }
        boolean eligible = raw != null && eligibleBalance.signum() != 0 && paying;
        BigDecimal retained = eligible ? eligibleBalance.multiply(band.ratio()) : BigDecimal.ZERO;
        if (policy.rounding() == Rounding.GENERIC) retained = round(retained, policy);
        return new Line(d.institution, d.batch, d.genericName, d.year, d.countTo, allocs, agreed, budget, products, steps,
                leftOut, selQty, countedQty, selSpend.multiply(share), nonSpend.multiply(share), spend, raw, balance,
                eligibleBalance, completion, met, eligible, retained, reasons);
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    /** A warning when the ledger does not reach over a settled year, or stops before the as-of day. */
    private static void coverageWarnings(Map<String, InstitutionResult> results, PurchaseHistory purchases, LocalDate asOf,
                                         List<String> warnings) {
        LocalDate first = purchases.firstDate(), last = purchases.lastDate();
        if (first == null) {
            warnings.add("the ledger has no purchase lines");
            return;
        }
        java.util.TreeSet<String> uncovered = new java.util.TreeSet<>();
        java.util.TreeSet<String> unfinished = new java.util.TreeSet<>();
        for (InstitutionResult i : results.values()) {
            for (Line l : i.lines()) {
                String y = (l.batchId() == null ? "" : l.batchId() + " ") + l.year().start() + ".." + l.year().end();
                if (first.isAfter(l.year().start()) || last.isBefore(l.year().end())) uncovered.add(y);
                if (asOf.isBefore(l.year().end())) unfinished.add(y);
            }
        }
        if (!uncovered.isEmpty()) {
            warnings.add("the ledger covers " + first + ".." + last + ", not the whole settlement year of " + uncovered.size()
                    + " batch(es): " + String.join("; ", uncovered.stream().limit(5).toList())
                    + (uncovered.size() > 5 ? " and " + (uncovered.size() - 5) + " more" : "") + "; their figures are partial");
        }
        if (!unfinished.isEmpty()) {
            warnings.add("on " + asOf + " the agreement year has not ended for: " + String.join("; ", unfinished.stream().limit(5).toList())
                    + (unfinished.size() > 5 ? " and " + (unfinished.size() - 5) + " more" : "") + "; purchases are counted up to " + asOf);
        }
        if (asOf.isAfter(last)) {
            warnings.add("as-of " + asOf + " is past the ledger's last date " + last + ": purchases after " + last + " are not in it");
        }
    }

    /** The first few line references and how many lines in all. */
    static String describe(List<LineRef> where, long lines) {
        List<String> shown = where.stream().limit(5).map(LineRef::toString).toList();
        String s = "ledger " + String.join(", ", shown);
        return lines > shown.size() ? s + " … " + lines + " lines in all" : s;
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
