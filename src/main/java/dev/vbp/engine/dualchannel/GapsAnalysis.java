package dev.vbp.engine.dualchannel;

import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.domain.dualchannel.Outlet;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that keeps patients from a listed drug near them, in one report with a {@code kind} column:
 * {@code no_pharmacy} (a county without a designated pharmacy), {@code stocked_nowhere} (a listed drug no
 * designated outlet stocks), {@code uncovered} (a drug, county pair without coverage), the stock rows that add
 * nothing ({@code off_list}, {@code lapsed}, {@code not_begun}, {@code period_unknown}, {@code unknown_outlet},
 * {@code stocked_later}) and {@code not_listed} (catalog drugs off the list that day).
 */
public final class GapsAnalysis {
    private GapsAnalysis() {}

    public static Report report(DualChannelWorld w, CoverageRule rule) {
        Report report = new Report("dual-channel gaps", List.of(
                new Column("kind", "Kind", "类型", ValueKind.TEXT),
                new Column("county", "County", "县(市、区)", ValueKind.TEXT),
                new Column("drug_code", "Drug code", "药品代码", ValueKind.CODE),
                new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT),
                new Column("outlet_code", "Outlet code", "机构编码", ValueKind.CODE),
                new Column("outlet_name", "Outlet", "机构名称", ValueKind.TEXT),
                new Column("note", "Note", "说明", ValueKind.TEXT)));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String c : w.counties()) {
            if (w.pharmaciesIn(c) == 0) {
                add(report, counts, "no_pharmacy", c, null, null, null,
                        w.hospitalsIn(c) + " designated hospital" + (w.hospitalsIn(c) == 1 ? "" : "s") + ", no designated pharmacy");
            }
        }
        for (CatalogEntry d : w.listed()) {
            if (w.stockedBy(d).isEmpty()) add(report, counts, "stocked_nowhere", null, d, null, null, "no designated outlet stocks it");
        }
        for (CatalogEntry d : w.listed()) {
            for (String c : w.counties()) {
                DualChannelWorld.Presence p = w.presence(d, c);
                if (rule.covered(p)) continue;
                String note = p.pharmacy() ? "a pharmacy stocks it, no designated hospital does"
                        : p.hospital() ? "only a designated hospital stocks it" : "no designated outlet in the county stocks it";
                add(report, counts, "uncovered", c, d, null, null, note);
            }
        }
        for (DualChannelWorld.StockIssue s : w.stockIssues()) {
            Outlet o = s.outlet();
            String name = s.drug() != null ? s.drug().genericName() : s.stock().drug().genericName();
            String code = s.drug() != null ? s.drug().drugCode() : s.stock().drug().code();
            report.row(s.kind(), o == null ? null : o.county(), code, name, s.stock().outletCode(), o == null ? null : o.name(),
                    s.note() + " (" + s.stock().where() + ")");
            counts.merge(s.kind(), 1L, Long::sum);
        }
        for (DualChannelWorld.Excluded x : w.excluded()) {
            add(report, counts, "not_listed", null, x.entry(), null, null, x.reason());
        }
        report.parameter("require", rule.name().toLowerCase()).parameter("as_of", w.asOf());
        report.assumption("covered", rule.description());
        report.assumption("listed_drugs", "catalog drugs with dual_channel = y whose agreement period contains " + w.asOf());
        report.summary("gaps", "Rows", "行数", ValueKind.INTEGER, (long) report.rows().size());
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            report.summary(e.getKey(), e.getKey(), null, ValueKind.INTEGER, e.getValue()); // a gap kind: its Chinese name is in the bundle
        }
        w.warnings().forEach(report::warning);
        return report;
    }

    private static void add(Report r, Map<String, Long> counts, String kind, String county, CatalogEntry d, String outletCode,
                            String outletName, String note) {
        r.row(kind, county, d == null ? null : d.drugCode(), d == null ? null : d.genericName(), outletCode, outletName, note);
        counts.merge(kind, 1L, Long::sum);
    }
}
