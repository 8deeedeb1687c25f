package dev.vbp.engine.dualchannel;

import dev.vbp.domain.Exact;
import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.domain.dualchannel.DrugMatcher;
import dev.vbp.domain.dualchannel.Outlet;
import dev.vbp.domain.dualchannel.Prescription;
import dev.vbp.domain.dualchannel.StockEntry;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Circulated prescriptions (流转处方): count, amount and the fund-paid share (Σ fund_paid / Σ amount), per
 * prescription or grouped by county (of the filling outlet), route (hospital → outlet), drug or month. Every
 * prescription is counted; those that break the dual-channel rules are flagged, not dropped:
 * {@code not_designated} (filled at an outlet not in the outlets file), {@code not_stocked} (the designated
 * outlet has no stock row for the drug), {@code drug_not_in_catalog}, {@code off_list} (the drug is not a
 * dual-channel drug, or its agreement was not in force on the prescription date), {@code fund_exceeds_amount}.
 */
public final class PrescriptionAnalysis {
    private PrescriptionAnalysis() {}

    public enum By { PRESCRIPTION, COUNTY, ROUTE, DRUG, MONTH }

    /** An outlet has a stock row for a catalog drug (catalog rows differ at least by where they were read). */
    private record Stocked(String outletCode, CatalogEntry drug) {}

    private record Line(Prescription rx, CatalogEntry drug, String county, List<String> flags) {
        String flag() { return flags.isEmpty() ? null : String.join(";", flags); }
    }

    public static Report report(List<Prescription> prescriptions, List<CatalogEntry> catalog, List<Outlet> outletRows,
                                List<StockEntry> stock, Map<String, String> institutionCounty, By by) {
        Map<String, Outlet> outlets = new LinkedHashMap<>();
        for (Outlet o : outletRows) outlets.putIfAbsent(o.code(), o);
        DrugMatcher matcher = new DrugMatcher(catalog);
        Set<Stocked> stocked = new HashSet<>();
        for (StockEntry s : stock) {
            DrugMatcher.Match m = matcher.match(s.drug());
            if (m.found()) stocked.add(new Stocked(s.outletCode(), m.entry()));
        }
        List<Line> lines = new ArrayList<>();
        for (Prescription rx : prescriptions) {
            List<String> flags = new ArrayList<>();
            Outlet o = outlets.get(rx.pharmacyCode());
            DrugMatcher.Match m = matcher.match(rx.drug());
            if (o == null) flags.add("not_designated");
            if (!m.found()) flags.add("drug_not_in_catalog");
            else if (m.entry().exclusionOn(rx.date()) != null) flags.add("off_list");
            if (o != null && m.found() && !stocked.contains(new Stocked(o.code(), m.entry()))) flags.add("not_stocked");
            if (rx.fundPaid().compareTo(rx.amount()) > 0) flags.add("fund_exceeds_amount");
            String county = o != null ? o.county() : institutionCounty.get(rx.pharmacyCode());
            lines.add(new Line(rx, m.entry(), county, flags));
        }

        Report report = new Report("dual-channel prescriptions", columns(by));
        if (by == By.PRESCRIPTION) {
            for (Line l : lines) {
                Prescription rx = l.rx;
                report.row(rx.date(), rx.id(), rx.hospitalCode(), rx.pharmacyCode(), l.county, rx.drug().code(),
                        l.drug != null ? l.drug.genericName() : rx.drug().genericName(), Exact.money(rx.amount()),
                        Exact.money(rx.fundPaid()), share(rx.fundPaid(), rx.amount()), l.flag());
            }
        } else {
            Map<String, List<Line>> groups = new LinkedHashMap<>();
            for (Line l : lines) groups.computeIfAbsent(keyOf(l, by), k -> new ArrayList<>()).add(l);
            List<String> keys = new ArrayList<>(groups.keySet());
            if (by == By.MONTH) keys.sort(null);
            for (String k : keys) {
                List<Line> g = groups.get(k);
                List<Object> row = new ArrayList<>();
                if (by == By.DRUG) {
                    Line first = g.get(0);
                    row.add(first.drug != null ? first.drug.drugCode() : first.rx.drug().code());
                    row.add(first.drug != null ? first.drug.genericName() : first.rx.drug().genericName());
                } else {
                    row.add(k);
                }
                BigDecimal amount = sum(g, true), fund = sum(g, false);
                row.add((long) g.size());
                row.add(Exact.money(amount));
                row.add(Exact.money(fund));
                row.add(share(fund, amount));
                row.add(g.stream().filter(l -> !l.flags.isEmpty()).count());
                report.row(row);
            }
        }
        BigDecimal amount = sum(lines, true), fund = sum(lines, false);
        List<Line> flagged = lines.stream().filter(l -> !l.flags.isEmpty()).toList();
        report.parameter("by", by.name().toLowerCase());
        report.assumption("fund_share", "Σ fund_paid / Σ amount over the prescriptions of the row");
        report.assumption("county", "county of the outlet that filled the prescription (from outlets, else institutions)");
        report.assumption("flags", "not_designated, not_stocked (no stock row of the outlet for the drug, any date), "
                + "drug_not_in_catalog, off_list (not dual-channel or agreement not in force on the prescription date), fund_exceeds_amount; "
                + "flagged prescriptions are still counted");
        report.summary("prescriptions", "Prescriptions", "处方数", ValueKind.INTEGER, (long) lines.size());
        report.summary("amount", "Amount", "金额", ValueKind.MONEY, Exact.money(amount));
        report.summary("fund_paid", "Fund paid", "基金支付", ValueKind.MONEY, Exact.money(fund));
        report.summary("fund_share", "Fund-paid share", "基金支付占比", ValueKind.RATIO, share(fund, amount));
        report.summary("flagged", "Flagged", "异常处方", ValueKind.INTEGER, (long) flagged.size());
        if (!flagged.isEmpty()) {
            report.warning(flagged.size() + " prescription" + (flagged.size() == 1 ? " is" : "s are") + " flagged (counted all the same): "
                    + String.join("; ", flagged.stream().map(l -> l.rx.id() + " " + l.flag()).toList()));
        }
        return report;
    }

    private static String keyOf(Line l, By by) {
        return switch (by) {
            case COUNTY -> l.county == null ? "(unknown)" : l.county;
            case ROUTE -> l.rx.hospitalCode() + " → " + l.rx.pharmacyCode();
            case DRUG -> l.drug != null ? "c" + l.drug.where() : "u" + l.rx.drug().label();
            case MONTH -> l.rx.date().toString().substring(0, 7);
            case PRESCRIPTION -> l.rx.id();
        };
    }

    private static BigDecimal sum(List<Line> lines, boolean amount) {
        BigDecimal s = BigDecimal.ZERO;
        for (Line l : lines) s = s.add(amount ? l.rx.amount() : l.rx.fundPaid());
        return s;
    }

    private static BigDecimal share(BigDecimal fund, BigDecimal amount) {
        return amount.signum() == 0 ? null : Exact.ratio(Exact.divide(fund, amount));
    }

    private static List<Column> columns(By by) {
        List<Column> c = new ArrayList<>();
        switch (by) {
            case PRESCRIPTION -> {
                c.add(new Column("date", "Date", "日期", ValueKind.DATE));
                c.add(new Column("prescription_id", "Prescription", "处方编号", ValueKind.CODE));
                c.add(new Column("hospital_code", "Hospital", "开方机构", ValueKind.CODE));
                c.add(new Column("pharmacy_code", "Filled at", "取药机构", ValueKind.CODE));
                c.add(new Column("county", "County", "县(市、区)", ValueKind.TEXT));
                c.add(new Column("drug_code", "Drug code", "药品代码", ValueKind.CODE));
                c.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
                c.add(new Column("amount", "Amount", "金额", ValueKind.MONEY));
                c.add(new Column("fund_paid", "Fund paid", "基金支付", ValueKind.MONEY));
                c.add(new Column("fund_share", "Fund share", "基金占比", ValueKind.RATIO));
                c.add(new Column("flag", "Flag", "标记", ValueKind.TEXT));
                return c;
            }
            case COUNTY -> c.add(new Column("county", "County", "县(市、区)", ValueKind.TEXT));
            case ROUTE -> c.add(new Column("route", "Hospital → outlet", "开方机构 → 取药机构", ValueKind.TEXT));
            case DRUG -> {
                c.add(new Column("drug_code", "Drug code", "药品代码", ValueKind.CODE));
                c.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
            }
            case MONTH -> c.add(new Column("month", "Month", "月份", ValueKind.MONTH));
        }
        c.add(new Column("prescriptions", "Prescriptions", "处方数", ValueKind.INTEGER));
        c.add(new Column("amount", "Amount", "金额", ValueKind.MONEY));
        c.add(new Column("fund_paid", "Fund paid", "基金支付", ValueKind.MONEY));
        c.add(new Column("fund_share", "Fund share", "基金占比", ValueKind.RATIO));
        c.add(new Column("flagged", "Flagged", "异常处方", ValueKind.INTEGER));
        return c;
    }
}
