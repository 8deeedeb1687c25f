package dev.vbp.engine.dualchannel;

import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listed drugs × counties. A cell is {@code covered} (a designated pharmacy in the county stocks the drug),
 * {@code hospital_only} (only a designated hospital does) or {@code none}. Tables get short symbols
 * (● ◐ ·) with the legend in the summary; CSV and JSON get the words, one column per county keyed by its name.
 */
public final class MatrixAnalysis {
    private MatrixAnalysis() {}

    public enum Cells {
        WORDS("covered", "hospital_only", "none"), SYMBOLS("●", "◐", "·");

        final String covered, hospitalOnly, none;

        Cells(String covered, String hospitalOnly, String none) {
            this.covered = covered;
            this.hospitalOnly = hospitalOnly;
            this.none = none;
        }
    }

    public static Report report(DualChannelWorld w, Cells cells) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("drug_code", "Drug code", "药品代码", ValueKind.CODE));
        columns.add(new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT));
        // Each county's cell is the figure of the matrix (a heat map's value), not a label of the row.
        for (String c : w.counties()) columns.add(new Column(c, c, c, ValueKind.TEXT).as(Column.Role.MEASURE));
        Report report = new Report("dual-channel matrix", columns);
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("covered", 0L, "hospital_only", 0L, "none", 0L));
        for (CatalogEntry d : w.listed()) {
            List<Object> row = new ArrayList<>();
            row.add(d.drugCode());
            row.add(d.genericName());
            for (String c : w.counties()) {
                DualChannelWorld.Presence p = w.presence(d, c);
                String key = p.pharmacy() ? "covered" : p.hospital() ? "hospital_only" : "none";
                counts.merge(key, 1L, Long::sum);
                row.add(p.pharmacy() ? cells.covered : p.hospital() ? cells.hospitalOnly : cells.none);
            }
            report.row(row);
        }
        report.parameter("as_of", w.asOf());
        report.assumption("cells", "covered = a designated pharmacy in the county stocks the drug (a hospital may too); "
                + "hospital_only = only designated hospitals there stock it; none = no designated outlet there stocks it");
        report.assumption("listed_drugs", "catalog drugs with dual_channel = y whose agreement period contains " + w.asOf());
        if (cells == Cells.SYMBOLS) {
            report.summary("legend", "Legend", "图例", ValueKind.TEXT, "● covered (pharmacy) · ◐ hospital only · · none");
        }
        report.summary("covered", "Covered cells", "药店覆盖", ValueKind.INTEGER, counts.get("covered"));
        report.summary("hospital_only", "Hospital only", "仅医院", ValueKind.INTEGER, counts.get("hospital_only"));
        report.summary("none", "None", "无", ValueKind.INTEGER, counts.get("none"));
        w.warnExclusions(report);
        return report;
    }
}
