package dev.vbp.engine.volume;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.domain.volume.AgreementYear;
import dev.vbp.domain.volume.CompletionStatus;
import dev.vbp.engine.ledger.LedgerLine;
import dev.vbp.output.Column;
import dev.vbp.output.DisplayText;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agreed-volume completion (约定采购量完成进度): purchases of each allocated selected product in its agreement
 * year up to the as-of day, against the agreed quantity, with the elapsed share of the year and a status.
 * Purchases of the generic's other products (non-selected, or selected in another batch) are shown beside: they
 * count against the reform.
 */
public final class VolumeAnalysis {
    private VolumeAnalysis() {}

    /** The row level ({@code --by}); the default is one row per allocation (institution × product). */
    public enum Level { ALLOCATION, GENERIC, BATCH, INSTITUTION, COUNTY }

    /** The report, and the rows below --fail-under. */
    public record Result(Report report, List<String> shortfalls) {}

    /** Totals of one report row, in minimum units. */
    private static final class Totals {
        final List<Object> key;
        BigDecimal agreed = BigDecimal.ZERO, purchased = BigDecimal.ZERO, otherProducts = BigDecimal.ZERO;
        final Set<AgreementYear> years = new java.util.TreeSet<>(java.util.Comparator.comparing(AgreementYear::start)
                .thenComparing(AgreementYear::end));
        long unknownPacks;
        int allocations;
        LocalDate yearStart, yearEnd;
        final Set<String> notes = new java.util.TreeSet<>();

        Totals(List<Object> key) { this.key = key; }
    }

    public static Result analyse(VolumePlan plan, WindowedPurchases purchases, Map<String, Institution> institutions,
                                 Level by, BigDecimal warnK, BigDecimal failUnder) {
        Map<List<Object>, Totals> rows = new LinkedHashMap<>();
        Set<String> otherCounted = new HashSet<>();
        BigDecimal otherAll = BigDecimal.ZERO;
        Set<String> otherCountedOnce = new HashSet<>();
        for (VolumePlan.Item item : plan.items()) {
            Allocation a = item.allocation();
            Bid bid = item.bid();
            Institution inst = institutions.get(a.institutionCode());
            Totals t = rows.computeIfAbsent(key(by, item, inst), Totals::new);
            t.allocations++;
            t.agreed = t.agreed.add(a.agreedQty());
            t.years.add(item.year());
            t.yearStart = t.yearStart == null || item.year().start().isBefore(t.yearStart) ? item.year().start() : t.yearStart;
            t.yearEnd = t.yearEnd == null || item.year().end().isAfter(t.yearEnd) ? item.year().end() : t.yearEnd;
            if (bid == null) {
                t.notes.add("product " + a.productCode() + " is in no selected bid: pack size unknown, purchases not counted");
                continue;
            }
            t.purchased = t.purchased.add(units(purchases.packs(a.institutionCode(), a.productCode(), item.window()), bid.packCount()));
            if (inst == null && !institutions.isEmpty()) t.notes.add("not in the institutions file");
            // Other products belong to an institution × generic × window: count them once per row, however many
            // selected products of the generic the institution was allocated there, and once in the summary.
            String scope = a.institutionCode() + "\u0000" + item.generic() + "\u0000" + item.window();
            if (otherCounted.add(t.key + "\u0000" + scope)) {
                BigDecimal other = BigDecimal.ZERO;
                for (Bid p : plan.otherProducts(item)) {
                    other = other.add(units(purchases.packs(a.institutionCode(), p.productCode(), item.window()), p.packCount()));
                }
                t.otherProducts = t.otherProducts.add(other);
                t.unknownPacks += purchases.unknownProductPacks(a.institutionCode(), item.generic(), item.window());
                if (otherCountedOnce.add(scope)) otherAll = otherAll.add(other);
            }
        }

        // Completion is held against the share of the year gone; with a warning factor K the bar is elapsed × K,
        // which is no column, so only K = 1 names its target.
        Column.Target schedule = warnK.compareTo(BigDecimal.ONE) == 0 ? Column.Target.atLeastColumn("elapsed") : null;
        Report report = new Report("volume", columns(by).stream()
                .map(c -> c.key().equals("completion") ? c.heldAgainst(schedule) : c).toList());
        report.ratio("completion", List.of("purchased_qty"), List.of("agreed_qty"));
        List<String> shortfalls = new ArrayList<>();
        Map<CompletionStatus, Integer> statusCounts = new java.util.EnumMap<>(CompletionStatus.class);
        BigDecimal agreedAll = BigDecimal.ZERO, purchasedAll = BigDecimal.ZERO;
        Set<AgreementYear> yearsAll = new HashSet<>();
        int mixed = 0;
        for (Totals t : rows.values()) {
            yearsAll.addAll(t.years);
            BigDecimal completion = t.agreed.signum() == 0 ? null : Exact.divide(t.purchased, t.agreed);
            // Elapsed shares of different agreement years are not blended: such a row has neither elapsed nor status.
            AgreementYear year = t.years.size() == 1 ? t.years.iterator().next() : null;
            BigDecimal elapsed = year == null ? null : year.elapsed(plan.asOf());
            CompletionStatus status = completion == null || year == null ? null : CompletionStatus.of(completion, year, plan.asOf(), warnK);
            if (year == null) {
                mixed++;
                t.notes.add(t.years.size() + " agreement years: no elapsed share or status; see --by allocation or --batch");
            }
            if (status != null) statusCounts.merge(status, 1, Integer::sum);
            if (t.unknownPacks != 0) {
                t.notes.add(BigDecimal.valueOf(t.unknownPacks, LedgerLine.SCALE).stripTrailingZeros().toPlainString()
                        + " packs of products of the generic that no bid names (pack size unknown)");
            }
            List<Object> row = new ArrayList<>(t.key);
            if (by != Level.ALLOCATION) row.add(t.allocations);
            row.add(t.yearStart);
            row.add(t.yearEnd);
            row.add(t.agreed);
            row.add(t.purchased);
            row.add(Exact.ratio(completion));
            row.add(Exact.ratio(elapsed));
            row.add(status == null ? null : status.label());
            row.add(t.otherProducts);
            row.add(t.notes.isEmpty() ? null : String.join("; ", t.notes));
            report.row(row);
            if (failUnder != null && (completion == null || completion.compareTo(failUnder) < 0)) {
                shortfalls.add(t.key.stream().filter(java.util.Objects::nonNull).map(Object::toString).reduce((x, y) -> x + " / " + y).orElse("")
                        + ": " + (completion == null ? "no agreed quantity" : DisplayText.percent(completion)));
            }
            agreedAll = agreedAll.add(t.agreed);
            purchasedAll = purchasedAll.add(t.purchased);
        }

        report.parameter("as_of", plan.asOf()).parameter("by", by.name().toLowerCase()).parameter("warn_below", warnK);
        if (failUnder != null) report.parameter("fail_under", failUnder);
        report.assumption("completion", "purchased quantity of the selected product in its agreement year up to the as-of day / agreed quantity");
        report.assumption("units", "minimum dosage units (片/粒/支): ledger packs × the bid's pack count");
        report.assumption("agreement_year", "completion restarts each agreement year from the cycle start; elapsed = days gone / days in that year");
        report.assumption("status", "not started before the agreement year; while it runs: done when completion ≥ 100%, behind when completion < elapsed × "
                + warnK.toPlainString() + ", else on track; once it has ended: met (≥ 100%) or short");
        report.assumption("other_products", "purchases, in the same window, of the generic's products other than the allocated ones"
                + " (non-selected, or selected in another batch), in minimum units: shown beside, not counted");
        report.summary("rows", "Rows", "行数", ValueKind.INTEGER, rows.size());
        report.summary("not_started", "Not started", "未开始", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.NOT_STARTED, 0));
        report.summary("on_track", "On track", "进度正常", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.ON_TRACK, 0));
        report.summary("behind", "Behind", "进度落后", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.BEHIND, 0));
        report.summary("done", "Done", "已完成", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.DONE, 0));
        report.summary("met", "Met (year ended)", "已达成(协议年已结束)", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.MET, 0));
        report.summary("short", "Short (year ended)", "未达成(协议年已结束)", ValueKind.INTEGER, statusCounts.getOrDefault(CompletionStatus.SHORT, 0));
        report.summary("agreed_qty", "Agreed", "约定量", ValueKind.DECIMAL, agreedAll);
        report.summary("purchased_qty", "Purchased", "已采购", ValueKind.DECIMAL, purchasedAll);
        report.summary("completion", "Completion", "完成率", ValueKind.RATIO,
                agreedAll.signum() == 0 ? null : Exact.ratio(Exact.divide(purchasedAll, agreedAll)));
        // One elapsed share only when every row is in the same agreement year; shares of different years do not add up.
        report.summary("elapsed", "Elapsed", "时间进度", ValueKind.RATIO,
                yearsAll.size() == 1 ? Exact.ratio(yearsAll.iterator().next().elapsed(plan.asOf())) : null);
        if (yearsAll.size() > 1) {
            report.warning("rows span " + yearsAll.size() + " agreement years: no overall elapsed share"
                    + (mixed > 0 ? "; " + mixed + " rows mix years and have no status (see --by allocation, or --batch)" : ""));
        }
        report.summary("other_products_qty", "Other products bought", "同通用名其他产品采购量", ValueKind.DECIMAL, otherAll);
        report.warnShortfalls(shortfalls, failUnder);
        return new Result(report, shortfalls);
    }

    private static BigDecimal units(long packsScaled, int packCount) {
        return BigDecimal.valueOf(packsScaled, LedgerLine.SCALE).multiply(BigDecimal.valueOf(packCount)).stripTrailingZeros();
    }

    private static List<Object> key(Level by, VolumePlan.Item item, Institution inst) {
        Allocation a = item.allocation();
        Bid b = item.bid();
        String generic = b == null ? null : b.genericName();
        List<Object> k = new ArrayList<>();
        switch (by) {
            case ALLOCATION -> {
                k.add(a.batchId());
                k.add(a.institutionCode());
                k.add(inst == null ? null : inst.name());
                k.add(a.productCode());
                k.add(generic);
            }
            case GENERIC -> {
                k.add(a.batchId());
                k.add(generic);
            }
            case BATCH -> k.add(a.batchId());
            case INSTITUTION -> {
                k.add(a.institutionCode());
                k.add(inst == null ? null : inst.name());
                k.add(inst == null ? null : inst.county());
            }
            case COUNTY -> k.add(inst == null || inst.county() == null ? "(unknown)" : inst.county());
        }
        return k;
    }

    private static List<Column> columns(Level by) {
        List<Column> c = new ArrayList<>();
        switch (by) {
            case ALLOCATION -> {
                c.add(new Column("batch_id", "Batch", "批次", ValueKind.CODE));
                c.add(new Column("institution_code", "Institution", "机构编码", ValueKind.CODE));
                c.add(new Column("institution_name", "Name", "机构名称", ValueKind.TEXT));
                c.add(new Column("product_code", "Product code", "产品编码", ValueKind.CODE));
                c.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
            }
            case GENERIC -> {
                c.add(new Column("batch_id", "Batch", "批次", ValueKind.CODE));
                c.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
            }
            case BATCH -> c.add(new Column("batch_id", "Batch", "批次", ValueKind.CODE));
            case INSTITUTION -> {
                c.add(new Column("institution_code", "Institution", "机构编码", ValueKind.CODE));
                c.add(new Column("institution_name", "Name", "机构名称", ValueKind.TEXT));
                c.add(new Column("county", "County", "县(市、区)", ValueKind.TEXT));
            }
            case COUNTY -> c.add(new Column("county", "County", "县(市、区)", ValueKind.TEXT));
        }
        if (by != Level.ALLOCATION) c.add(new Column("allocations", "Allocations", "分配数", ValueKind.INTEGER));
        c.add(new Column("year_start", "Year from", "协议年起", ValueKind.DATE));
        c.add(new Column("year_end", "Year to", "协议年止", ValueKind.DATE));
        c.add(new Column("agreed_qty", "Agreed", "约定量", ValueKind.DECIMAL));
        c.add(new Column("purchased_qty", "Purchased", "已采购", ValueKind.DECIMAL));
        c.add(new Column("completion", "Completion", "完成率", ValueKind.RATIO));
        c.add(new Column("elapsed", "Elapsed", "时间进度", ValueKind.RATIO));
        c.add(new Column("status", "Status", "状态", ValueKind.TEXT));
        c.add(new Column("other_products_qty", "Other products", "同通用名其他产品", ValueKind.DECIMAL));
        c.add(new Column("note", "Note", "说明", ValueKind.TEXT));
        return c;
    }

}
