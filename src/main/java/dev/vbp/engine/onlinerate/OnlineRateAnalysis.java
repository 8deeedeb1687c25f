package dev.vbp.engine.onlinerate;

import dev.vbp.errors.OutOfRangeException;

import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.domain.Ownership;
import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.domain.Category;
import dev.vbp.domain.Channel;
import dev.vbp.engine.onlinerate.OnlineRateSettings.Basis;
import dev.vbp.engine.onlinerate.OnlineRateSettings.Level;
import dev.vbp.output.Column;
import dev.vbp.output.DisplayText;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Online-purchase rate (网采率) from ledger sums grouped by institution, channel (and category, month):
 * rolled up to the requested levels with each institution's county, level and ownership. Institutions with
 * no online or no offline purchases, and institutions missing from the institutions file, are shown with a
 * note, never hidden.
 */
public final class OnlineRateAnalysis {
    private OnlineRateAnalysis() {}

    /** The report, and the rows that fall short of --fail-under (empty when no check was asked). */
    /** @param rated rows that have a rate (a gate on none would pass on no data) */
    public record Result(Report report, List<String> shortfalls, long rated) {}

    private static final String UNKNOWN = "(unknown)";

    /** Running totals of one report row. */
    private static final class Totals {
        long onlineAmount, offlineAmount, onlineLines, offlineLines;
        /** institution \0 product → {online net quantity, net quantity}, for the products basis */
        final Map<String, long[]> products = new java.util.HashMap<>();
        final Set<String> institutions = new TreeSet<>();
        final Set<String> notes = new TreeSet<>();
    }

    /**
     * @param institutions by code; {@code institutionsGiven} false means there is no institutions file at all,
     *                     so ownership is unknown for everyone (all are counted, and the assumptions say so)
     */
    public static Result analyse(OnlineRateSums sums, Map<String, Institution> institutions, boolean institutionsGiven,
                                 OnlineRateSettings s) {
        Map<List<String>, Totals> rows = new TreeMap<>(OnlineRateAnalysis::compareKeys);
        long mismatches = 0;
        Set<String> privateLeftOut = new TreeSet<>();
        Set<String> unknownInstitutions = new TreeSet<>();
        for (OnlineRateSums.Cell g : sums.cells()) {
            GroupedSums.Key k = g.key();
            mismatches += g.mismatches();
            Institution inst = institutions.get(k.institution());
            if (institutionsGiven && inst == null) unknownInstitutions.add(k.institution());
            if (inst != null && inst.ownership() == Ownership.PRIVATE && !s.includePrivate()) {
                privateLeftOut.add(k.institution());
                continue;
            }
            Totals t = rows.computeIfAbsent(rowKey(k, inst, s), x -> new Totals());
            t.institutions.add(k.institution());
            long lines = s.basis() == Basis.LINES ? g.nettedLines() : g.lines();
            if (k.channel() == Channel.ONLINE) {
                t.onlineAmount = OutOfRangeException.add(t.onlineAmount, g.amount(), "ledger");
                t.onlineLines += lines;
            } else {
                t.offlineAmount = OutOfRangeException.add(t.offlineAmount, g.amount(), "ledger");
                t.offlineLines += lines;
            }
            if (s.basis() == Basis.PRODUCTS) {
                long[] p = t.products.computeIfAbsent(k.institution() + "\u0000" + k.product(), x -> new long[2]);
                if (k.channel() == Channel.ONLINE) p[0] += g.quantity();
                p[1] += g.quantity();
            }
            if (institutionsGiven && inst == null) t.notes.add("not in the institutions file");
        }

        Report report = new Report("online-rate", columns(s));
        // How the rate is made of the row's sums, so totals and cross-tabs of it divide sums (never average rates).
        // Products counted per row are no sums (a product bought in two months is one product): no ratio then.
        report.sums("online_amount", "offline_amount");
        if (s.basis() == Basis.AMOUNT) {
            report.ratio("online_rate", List.of("online_amount"), List.of("online_amount", "offline_amount"));
        } else if (s.basis() == Basis.LINES) {
            report.ratio("online_rate", List.of("online_lines"), List.of("online_lines", "offline_lines"));
        }
        List<String> shortfalls = new ArrayList<>();
        List<String> noRate = new ArrayList<>();
        long below = 0, anomalies = 0;
        for (var e : rows.entrySet()) {
            Totals t = e.getValue();
            BigDecimal rate = s.basis() == Basis.PRODUCTS ? productRate(t)
                    : rate(t.onlineAmount, t.offlineAmount, t.onlineLines, t.offlineLines, s.basis());
            if (t.onlineLines == 0) t.notes.add("no online purchases");
            if (t.offlineLines == 0) t.notes.add("no offline purchases");
            if (rate == null) t.notes.add("no net purchases: no rate");
            // Returns booked in another period can push one channel below zero and the rate outside 0–100%:
            // such a row is shown, but it cannot pass a target.
            boolean outside = rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0);
            if (outside) {
                t.notes.add("rate outside 0–100%: returns exceed purchases in one channel");
                anomalies++;
            }
            List<Object> row = new ArrayList<>();
            List<String> key = e.getKey();
            for (int i = 0; i < key.size(); i++) {
                row.add(key.get(i));
                if (keyLevel(s, i) == Level.INSTITUTION) {
                    Institution inst = institutions.get(key.get(i));
                    row.add(inst == null ? null : inst.name());
                }
            }
            if (!s.by().contains(Level.INSTITUTION)) row.add(t.institutions.size());
            row.add(money(t.onlineAmount));
            row.add(money(t.offlineAmount));
            row.add(t.onlineLines);
            row.add(t.offlineLines);
            row.add(Exact.ratio(rate));
            if (s.target() != null) {
                String status = rate == null ? "no rate" : outside ? "check" : rate.compareTo(s.target()) >= 0 ? "met" : "below";
                if (!"met".equals(status) && rate != null) below++;
                row.add(status);
            }
            row.add(t.notes.isEmpty() ? null : String.join("; ", t.notes));
            report.row(row);
            if (s.failUnder() != null && rate != null && (outside || rate.compareTo(s.failUnder()) < 0)) {
                shortfalls.add(String.join(" / ", key) + ": " + DisplayText.percent(rate) + (outside ? " (outside 0–100%)" : ""));
            }
            if (rate == null) noRate.add(String.join(" / ", key));
        }

        long online = 0, offline = 0, onlineLines = 0, offlineLines = 0;
        Set<String> counted = new HashSet<>();
        for (Totals t : rows.values()) {
            online = OutOfRangeException.add(online, t.onlineAmount, "ledger");
            offline = OutOfRangeException.add(offline, t.offlineAmount, "ledger");
            onlineLines += t.onlineLines;
            offlineLines += t.offlineLines;
            counted.addAll(t.institutions);
        }
        report.summary("institutions", "Institutions", "机构数", ValueKind.INTEGER, counted.size());
        report.summary("online_amount", "Online amount", "线上金额", ValueKind.MONEY, money(online));
        report.summary("offline_amount", "Offline amount", "线下金额", ValueKind.MONEY, money(offline));
        report.summary("online_lines", "Online lines", "线上条目", ValueKind.INTEGER, onlineLines);
        report.summary("offline_lines", "Offline lines", "线下条目", ValueKind.INTEGER, offlineLines);
        report.summary("online_rate", "Online rate", "网采率", ValueKind.RATIO,
                Exact.ratio(rate(online, offline, onlineLines, offlineLines, s.basis())));
        if (s.target() != null) report.summary("rows_below_target", "Rows below target", "未达标行数", ValueKind.INTEGER, below);
        report.summary("private_left_out", "Private institutions left out", "未计入民营机构", ValueKind.INTEGER, privateLeftOut.size());
        report.summary("amount_mismatches", "Amount ≠ qty × price", "金额与数量×单价不符", ValueKind.INTEGER, mismatches);
        if (mismatches > 0) {
            report.warning(mismatches + " ledger line" + (mismatches == 1 ? "'s amount differs" : "s' amounts differ")
                    + " from quantity × unit price by more than " + BigDecimal.valueOf(sums.tolerance(), dev.vbp.engine.ledger.LedgerLine.SCALE).stripTrailingZeros().toPlainString()
                    + " yuan; the amounts are used as written");
        }

        describe(report, s, institutionsGiven);
        if (!unknownInstitutions.isEmpty()) {
            report.warning(unknownInstitutions.size() + " institution" + (unknownInstitutions.size() == 1 ? " is" : "s are")
                    + " not in the institutions file; counted with unknown county, level and ownership (first: "
                    + unknownInstitutions.iterator().next() + ")");
        }
        if (anomalies > 0) {
            report.warning(anomalies + " row" + (anomalies == 1 ? " has" : "s have") + " a rate outside 0–100% (returns exceed"
                    + " purchases in one channel); shown with a note, and never counted as meeting a target");
        }
        if (!noRate.isEmpty()) {
            report.warning(noRate.size() + " row" + (noRate.size() == 1 ? " has" : "s have") + " no net purchases, so no rate;"
                    + " left out of --target and --fail-under: " + String.join(", ", noRate.subList(0, Math.min(10, noRate.size())))
                    + (noRate.size() > 10 ? ", ..." : ""));
        }
        report.warnShortfalls(shortfalls, s.failUnder());
        return new Result(report, shortfalls, rows.size() - noRate.size());
    }

    private static List<String> rowKey(GroupedSums.Key k, Institution inst, OnlineRateSettings s) {
        List<String> key = new ArrayList<>();
        for (Level level : s.by()) {
            key.add(switch (level) {
                case INSTITUTION -> k.institution();
                case COUNTY -> inst == null || inst.county() == null ? UNKNOWN : inst.county();
                case LEVEL -> inst == null || inst.level() == null ? UNKNOWN : inst.level();
                case CATEGORY -> category(k.category());
                case MONTH -> String.format("%04d-%02d", k.month() / 100, k.month() % 100);
            });
        }
        if (s.splitCategories() && !s.by().contains(Level.CATEGORY)) key.add(category(k.category()));
        return key;
    }

    private static String category(Category c) {
        return c == null ? "unspecified" : c.code();
    }

    /** The level of position {@code i} of a row key. */
    private static Level keyLevel(OnlineRateSettings s, int i) {
        return i < s.by().size() ? s.by().get(i) : Level.CATEGORY;
    }

    private static List<Column> columns(OnlineRateSettings s) {
        List<Column> c = new ArrayList<>();
        List<Level> levels = new ArrayList<>(s.by());
        if (s.splitCategories() && !levels.contains(Level.CATEGORY)) levels.add(Level.CATEGORY);
        for (Level l : levels) {
            switch (l) {
                case INSTITUTION -> {
                    c.add(new Column("institution_code", "Institution", "机构编码", ValueKind.CODE));
                    c.add(new Column("institution_name", "Name", "机构名称", ValueKind.TEXT));
                }
                case COUNTY -> c.add(new Column("county", "County", "县(市、区)", ValueKind.TEXT));
                case LEVEL -> c.add(new Column("level", "Level", "等级", ValueKind.TEXT));
                case CATEGORY -> c.add(new Column("category", "Category", "类别", ValueKind.TEXT));
                case MONTH -> c.add(new Column("month", "Month", "月份", ValueKind.MONTH));
            }
        }
        if (!s.by().contains(Level.INSTITUTION)) c.add(new Column("institutions", "Institutions", "机构数", ValueKind.INTEGER));
        c.add(new Column("online_amount", "Online amount", "线上金额", ValueKind.MONEY));
        c.add(new Column("offline_amount", "Offline amount", "线下金额", ValueKind.MONEY));
        c.add(new Column("online_lines", "Online lines", "线上条目", ValueKind.INTEGER));
        c.add(new Column("offline_lines", "Offline lines", "线下条目", ValueKind.INTEGER));
        c.add(new Column("online_rate", "Online rate", "网采率", ValueKind.RATIO)
                .heldAgainst(s.target() == null ? null : Column.Target.atLeast(s.target())));
        if (s.target() != null) c.add(new Column("status", "Status", "状态", ValueKind.TEXT));
        c.add(new Column("note", "Note", "说明", ValueKind.TEXT));
        return c;
    }

    /** 品规 bought online / 品规 bought: institution × product pairs with a positive net quantity online / at all. */
    private static BigDecimal productRate(Totals t) {
        long online = t.products.values().stream().filter(p -> p[0] > 0).count();
        long bought = t.products.values().stream().filter(p -> p[1] > 0).count();
        return bought == 0 ? null : Exact.divide(BigDecimal.valueOf(online), BigDecimal.valueOf(bought));
    }

    /** online / (online + offline) by amount or by lines; null when the denominator is not positive. */
    static BigDecimal rate(long onlineAmount, long offlineAmount, long onlineLines, long offlineLines, Basis basis) {
        long num = basis == Basis.AMOUNT ? onlineAmount : onlineLines;
        long den = basis == Basis.AMOUNT ? OutOfRangeException.add(onlineAmount, offlineAmount, "ledger") : onlineLines + offlineLines;
        return den <= 0 ? null : Exact.divide(BigDecimal.valueOf(num), BigDecimal.valueOf(den));
    }

    private static BigDecimal money(long scaled) {
        return Exact.money(BigDecimal.valueOf(scaled, dev.vbp.engine.ledger.LedgerLine.SCALE));
    }


    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static void describe(Report report, OnlineRateSettings s, boolean institutionsGiven) {
        report.parameter("basis", s.basis().name().toLowerCase());
        report.parameter("by", s.by().stream().map(l -> l.name().toLowerCase()).toList());
        if (s.target() != null) report.parameter("target", s.target());
        if (s.failUnder() != null) report.parameter("fail_under", s.failUnder());
        report.assumption("online_rate", switch (s.basis()) {
            case AMOUNT -> "online amount / (online + offline amount); returns and corrections net out";
            case LINES -> "online purchase lines / all purchase lines (lines basis): per institution, product and channel a return is"
                    + " netted against the purchases, never a line of its own: the purchase lines count in proportion to the quantity that"
                    + " stays bought, rounded up (one of three equal purchases returned: 2 lines; a partial return: 3); a product whose net"
                    + " quantity is not positive has no line";
            case PRODUCTS -> "品规 bought online / 品规 bought (products basis): an institution's products with a positive net quantity"
                    + " online, over those with a positive net quantity at all";
        });
        report.assumption("channel", "online = bought on the provincial platform, as the ledger's channel column says");
        report.assumption("amount_check", "amount compared with quantity × unit price where the ledger has a unit price; differences are counted, not corrected");
        report.assumption("categories", s.rowsByCategory() ? "drugs and consumables apart (herbal pieces and hospital preparations as their own categories)"
                : "all categories together");
        report.assumption("excluded", s.excluded().isEmpty() ? "none"
                : s.excluded().stream().map(Category::code).toList().toString());
        report.assumption("institutions", !institutionsGiven
                ? "no institutions file: every institution counted, ownership unknown"
                : s.includePrivate() ? "public and private institutions" : "public institutions, and those whose ownership is unknown");
    }
}
