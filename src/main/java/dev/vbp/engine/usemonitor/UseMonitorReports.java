package dev.vbp.engine.usemonitor;

import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.engine.ledger.LedgerLine;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The use-monitoring reports (集采药品使用监测): the selected products' share of their generic's purchases per
 * institution × generic × month with its change, and substitution by non-VBP drugs of the same therapeutic class.
 */
public final class UseMonitorReports {
    private UseMonitorReports() {}

    public static final String COMMAND = "use-monitor";

    /** The monitoring rules in force (all settings of the instruments policy). */
    public record Rules(BigDecimal minSelectedShare, boolean byUnits, int substitutionMonths, BigDecimal substitutionGrowth) {}

    static int index(int yyyymm) {
        return (yyyymm / 100) * 12 + yyyymm % 100 - 1;
    }

    static String month(int index) {
        return String.format("%04d-%02d", index / 12, index % 12 + 1);
    }

    /** Months of each generic from its first cycle start on (all months when its bids give no cycle). */
    public static Report shares(UseLookup lookup, UseSums sums, Map<String, Institution> institutions, Rules rules) {
        Report r = new Report(COMMAND, List.of(
                new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                new Column("institution_name", "Name", "医疗机构名称", ValueKind.TEXT),
                new Column("generic", "Generic", "通用名", ValueKind.TEXT),
                new Column("month", "Month", "月份", ValueKind.MONTH),
                new Column("purchased", rules.byUnits() ? "Units bought" : "Amount bought", rules.byUnits() ? "采购量(最小单位)" : "采购金额", ValueKind.DECIMAL),
                new Column("selected", rules.byUnits() ? "Selected units" : "Selected amount", rules.byUnits() ? "中选产品采购量" : "中选产品金额", ValueKind.DECIMAL),
                new Column("selected_share", "Selected share", "中选产品使用比例", ValueKind.RATIO),
                new Column("change", "Change", "比上月", ValueKind.RATIO),
                new Column("status", "Status", "状态", ValueKind.TEXT)));
        TreeMap<String, TreeMap<Integer, UseSums.Sums>> series = new TreeMap<>();
        sums.generics().forEach((k, v) -> series.computeIfAbsent(k.institution() + "\u0000" + k.group(), x -> new TreeMap<>()).put(index(k.month()), v));
        BigDecimal all = BigDecimal.ZERO, selected = BigDecimal.ZERO;
        int rows = 0, shortRows = 0;
        long withoutPack = 0;
        for (Map.Entry<String, TreeMap<Integer, UseSums.Sums>> e : series.entrySet()) {
            String institution = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            UseLookup.Generic g = lookup.generics().get(e.getKey().substring(e.getKey().indexOf('\u0000') + 1));
            int from = g.start() == null ? Integer.MIN_VALUE : g.start().getYear() * 12 + g.start().getMonthValue() - 1;
            BigDecimal previous = null;
            for (Map.Entry<Integer, UseSums.Sums> m : e.getValue().entrySet()) {
                if (m.getKey() < from) continue;
                UseSums.Sums s = m.getValue();
                withoutPack += s.linesWithoutPack();
                BigDecimal total = rules.byUnits() ? s.units() : s.amount();
                BigDecimal sel = rules.byUnits() ? s.selectedUnits() : s.selectedAmount();
                BigDecimal share = total.signum() <= 0 ? null : Exact.divide(sel, total);
                boolean isShort = share != null && share.compareTo(rules.minSelectedShare()) < 0;
                Institution inst = institutions.get(institution);
                r.row(institution, inst == null ? null : inst.name(), g.name(), month(m.getKey()), plain(total), plain(sel),
                        Exact.ratio(share), share == null || previous == null ? null : Exact.ratio(share.subtract(previous)),
                        share == null ? "no purchases" : isShort ? "short" : "ok");
                previous = share;
                rows++;
                if (isShort) shortRows++;
                all = all.add(total);
                selected = selected.add(sel);
            }
        }
        r.summary("rows", "Institution × generic × month", "机构 × 通用名 × 月", ValueKind.INTEGER, rows);
        r.summary("short", "Below the minimum share", "低于最低使用比例", ValueKind.INTEGER, shortRows);
        r.summary("selected_share", "Selected share (all rows)", "中选产品使用比例（全部）", ValueKind.RATIO,
                all.signum() <= 0 ? null : Exact.ratio(Exact.divide(selected, all)));
        if (withoutPack > 0 && rules.byUnits()) {
            r.warning(withoutPack + " ledger lines name a VBP generic but a product no bid names (no pack size): left out of units; --policy with share_basis: amount counts them");
        }
        return r;
    }

    /**
     * Per institution × therapeutic class with non-VBP purchases in either window: those purchases in the months
     * before and after the class's first cycle start, and the selected share of the class's VBP generics after it.
     */
    public static Report substitution(UseLookup lookup, UseSums sums, Map<String, Institution> institutions, Rules rules) {
        Report r = new Report(COMMAND, List.of(
                new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                new Column("institution_name", "Name", "医疗机构名称", ValueKind.TEXT),
                new Column("class", "Class", "治疗类别", ValueKind.CODE),
                new Column("generics", "VBP generics", "集采通用名", ValueKind.TEXT),
                new Column("start", "Cycle start", "周期开始", ValueKind.MONTH),
                new Column("non_vbp_before", "Non-VBP before", "非集采药品（之前）", ValueKind.MONEY),
                new Column("non_vbp_after", "Non-VBP after", "非集采药品（之后）", ValueKind.MONEY),
                new Column("growth", "Growth", "增长", ValueKind.RATIO),
                new Column("selected_share", "Selected share after", "之后中选产品使用比例", ValueKind.RATIO),
                new Column("status", "Status", "状态", ValueKind.TEXT)));
        Map<String, Integer> classStart = new TreeMap<>();
        Map<String, TreeSet<String>> classGenerics = new TreeMap<>();
        Map<String, String> classOf = new TreeMap<>();
        for (UseLookup.Generic g : lookup.generics().values()) {
            if (g.therapeuticClass() == null || g.start() == null) continue;
            int start = g.start().getYear() * 12 + g.start().getMonthValue() - 1;
            classStart.merge(g.therapeuticClass(), start, Math::min);
            classGenerics.computeIfAbsent(g.therapeuticClass(), k -> new TreeSet<>()).add(g.name());
            classOf.put(g.key(), g.therapeuticClass());
        }
        int n = rules.substitutionMonths();
        // institution × class → [before, after] non-VBP amounts, [selected, all] of the class's VBP generics after
        Map<String, BigDecimal[]> acc = new TreeMap<>();
        sums.classes().forEach((k, v) -> {
            Integer start = classStart.get(k.group());
            if (start == null) return;
            int m = index(k.month());
            if (m < start - n || m >= start + n) return;
            BigDecimal[] a = acc.computeIfAbsent(k.institution() + "\u0000" + k.group(), x -> zeros());
            if (m < start) a[0] = a[0].add(v.amount());
            else a[1] = a[1].add(v.amount());
        });
        sums.generics().forEach((k, v) -> {
            String c = classOf.get(k.group());
            if (c == null) return;
            int start = classStart.get(c), m = index(k.month());
            if (m < start || m >= start + n) return;
            BigDecimal[] a = acc.get(k.institution() + "\u0000" + c); // a row only where non-VBP drugs of the class were bought
            if (a == null) return;
            a[2] = a[2].add(rules.byUnits() ? v.selectedUnits() : v.selectedAmount());
            a[3] = a[3].add(rules.byUnits() ? v.units() : v.amount());
        });
        int flagged = 0;
        for (Map.Entry<String, BigDecimal[]> e : acc.entrySet()) {
            String institution = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            String c = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            BigDecimal[] a = e.getValue();
            BigDecimal growth = a[0].signum() <= 0 ? null : Exact.divide(a[1], a[0]).subtract(BigDecimal.ONE);
            boolean grew = growth != null ? growth.compareTo(rules.substitutionGrowth()) > 0 : a[1].signum() > 0;
            BigDecimal share = a[3].signum() <= 0 ? null : Exact.divide(a[2], a[3]);
            boolean isShort = share == null || share.compareTo(rules.minSelectedShare()) < 0;
            String status = grew && isShort ? "substitution" : grew ? "growing" : "ok";
            if (status.equals("substitution")) flagged++;
            Institution inst = institutions.get(institution);
            r.row(institution, inst == null ? null : inst.name(), c, String.join("、", classGenerics.get(c)), month(classStart.get(c)),
                    Exact.money(a[0]), Exact.money(a[1]), Exact.ratio(growth), Exact.ratio(share), status);
        }
        r.summary("rows", "Institution × class", "机构 × 治疗类别", ValueKind.INTEGER, acc.size());
        r.summary("substitution", "Substitution flagged", "疑似替代", ValueKind.INTEGER, flagged);
        return r;
    }

    /**
     * Per selected firm × generic, the packs ordered and delivered (from the product's cycle start on, over the
     * institutions kept) and the delivery rate, "short" below {@code minDeliveryRate}.
     */
    public static Report supply(UseLookup lookup, SupplySums sums, BigDecimal minDeliveryRate) {
        Report r = new Report(COMMAND, List.of(
                new Column("manufacturer", "Manufacturer", "生产企业", ValueKind.TEXT),
                new Column("generic", "Generic", "通用名", ValueKind.TEXT),
                new Column("institutions", "Institutions", "医疗机构数", ValueKind.INTEGER),
                new Column("lines", "Lines", "订单行数", ValueKind.INTEGER),
                new Column("ordered", "Packs ordered", "采购数量", ValueKind.DECIMAL),
                new Column("delivered", "Packs delivered", "配送数量", ValueKind.DECIMAL),
                new Column("undelivered", "Undelivered", "未配送数量", ValueKind.DECIMAL),
                new Column("delivery_rate", "Delivery rate", "配送率", ValueKind.RATIO),
                new Column("status", "Status", "状态", ValueKind.TEXT)));
        // firm × generic → [ordered, delivered, lines, over-delivered] and the institutions behind them
        TreeMap<String, long[]> rows = new TreeMap<>();
        Map<String, TreeSet<String>> institutions = new TreeMap<>();
        sums.sums().forEach((k, v) -> {
            String key = k.manufacturer() + "\u0000" + k.generic();
            long[] a = rows.computeIfAbsent(key, x -> new long[4]);
            a[0] = Math.addExact(a[0], v.ordered());
            a[1] = Math.addExact(a[1], v.delivered());
            a[2] += v.lines();
            a[3] += v.overDelivered();
            institutions.computeIfAbsent(key, x -> new TreeSet<>()).add(k.institution());
        });
        long ordered = 0, delivered = 0, over = 0;
        int shortRows = 0;
        for (Map.Entry<String, long[]> e : rows.entrySet()) {
            String firm = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            UseLookup.Generic g = lookup.generics().get(e.getKey().substring(e.getKey().indexOf('\u0000') + 1));
            long[] a = e.getValue();
            BigDecimal rate = a[0] == 0 ? null : Exact.divide(BigDecimal.valueOf(a[1]), BigDecimal.valueOf(a[0]));
            boolean isShort = rate != null && rate.compareTo(minDeliveryRate) < 0;
            if (isShort) shortRows++;
            r.row(firm.isEmpty() ? null : firm, g == null ? null : g.name(), institutions.get(e.getKey()).size(), a[2],
                    packs(a[0]), packs(a[1]), packs(a[0] - a[1]), Exact.ratio(rate), isShort ? "short" : "ok");
            ordered = Math.addExact(ordered, a[0]);
            delivered = Math.addExact(delivered, a[1]);
            over += a[3];
        }
        r.summary("rows", "Firm × generic", "企业 × 通用名", ValueKind.INTEGER, rows.size());
        r.summary("short", "Below the minimum delivery rate", "低于最低配送率", ValueKind.INTEGER, shortRows);
        r.summary("delivery_rate", "Delivery rate (all rows)", "配送率（全部）", ValueKind.RATIO,
                ordered == 0 ? null : Exact.ratio(Exact.divide(BigDecimal.valueOf(delivered), BigDecimal.valueOf(ordered))));
        long without = sums.withoutDelivery(), returns = sums.returns();
        if (without > 0) {
            r.warning(without + (without == 1 ? " ledger line of a selected product says" : " ledger lines of selected products say")
                    + " nothing about delivery (no delivered quantity or status): left out");
        }
        if (over > 0) r.warning(over + (over == 1 ? " line delivered" : " lines delivered") + " more than ordered: counted as given");
        if (returns > 0) r.warning(returns + (returns == 1 ? " return line" : " return lines") + " (quantity ≤ 0) left out: a return is no order to deliver");
        return r;
    }

    private static BigDecimal packs(long scaled) {
        return plain(BigDecimal.valueOf(scaled, LedgerLine.SCALE));
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal r = v.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
