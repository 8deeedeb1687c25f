package dev.vbp.engine.dualchannel;

import dev.vbp.domain.Exact;
import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * Dual-channel coverage (docs/rules.md, Formulas): drug coverage rate = covered (drug, county) pairs / (listed drugs ×
 * counties); county coverage = counties with a designated pharmacy / counties; stocking rate of a drug =
 * designated outlets stocking it / designated outlets. Rows per drug or per county.
 */
public final class CoverageAnalysis {
    private CoverageAnalysis() {}

    public enum By { DRUG, COUNTY }

    public static Report report(DualChannelWorld w, By by, CoverageRule rule) {
        List<CatalogEntry> drugs = w.listed();
        List<String> counties = w.counties();
        int outlets = w.outlets().size();
        Report report = new Report("dual-channel coverage", by == By.DRUG ? drugColumns() : countyColumns());
        long coveredPairs = 0;
        if (by == By.DRUG) {
            for (CatalogEntry d : drugs) {
                long covered = counties.stream().filter(c -> rule.covered(w.presence(d, c))).count();
                coveredPairs += covered;
                int stocking = w.stockedBy(d).size();
                report.row(d.drugCode(), d.genericName(), d.paymentStandard().display(), covered, (long) counties.size(),
                        rate(covered, counties.size()), (long) stocking, (long) outlets, rate(stocking, outlets));
            }
        } else {
            for (String c : counties) {
                long covered = drugs.stream().filter(d -> rule.covered(w.presence(d, c))).count();
                coveredPairs += covered;
                report.row(c, w.pharmaciesIn(c), w.hospitalsIn(c), covered, (long) drugs.size(), rate(covered, drugs.size()));
            }
        }
        long pairs = (long) drugs.size() * counties.size();
        long withPharmacy = counties.stream().filter(c -> w.pharmaciesIn(c) > 0).count();

        report.parameter("by", by.name().toLowerCase()).parameter("require", rule.name().toLowerCase()).parameter("as_of", w.asOf());
        report.assumption("listed_drugs", "catalog drugs with dual_channel = y whose agreement period contains " + w.asOf());
        report.assumption("covered", rule.description());
        report.assumption("counties", "counties of the outlets file plus those of the institutions dataset, if given");
        report.assumption("stocking_rate", "designated outlets (hospitals and pharmacies) stocking the drug / all designated outlets");
        report.assumption("stock", "a stock row counts when its outlet is designated, its drug is listed and its since date is empty or on/before as_of");
        report.assumption("matching", "drug code where both sides carry one, else normalised generic name and dosage form");
        report.summary("listed_drugs", "Listed drugs", "纳入药品数", ValueKind.INTEGER, (long) drugs.size());
        report.summary("counties", "Counties", "县(市、区)数", ValueKind.INTEGER, (long) counties.size());
        report.summary("pairs", "Drug × county pairs", "药品×县组合", ValueKind.INTEGER, pairs);
        report.summary("covered_pairs", "Covered pairs", "已覆盖组合", ValueKind.INTEGER, coveredPairs);
        report.summary("coverage_rate", "Drug coverage rate", "药品覆盖率", ValueKind.RATIO, rate(coveredPairs, pairs));
        report.summary("counties_with_pharmacy", "Counties with a designated pharmacy", "有定点药店的县", ValueKind.INTEGER, withPharmacy);
        report.summary("county_coverage", "County coverage", "县域覆盖率", ValueKind.RATIO, rate(withPharmacy, counties.size()));
        report.summary("designated_outlets", "Designated outlets", "定点机构数", ValueKind.INTEGER, (long) outlets);
        w.warnExclusions(report);
        return report;
    }

    /** The drug coverage rate alone, for --fail-under (null when there are no pairs). */
    public static BigDecimal coverageRate(Report coverage) {
        return (BigDecimal) coverage.summaryValue("coverage_rate");
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : Exact.ratio(Exact.divide(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)));
    }

    private static List<Column> drugColumns() {
        return List.of(
                new Column("drug_code", "Drug code", "药品代码", ValueKind.CODE),
                new Column("generic_name", "Generic name", "通用名", ValueKind.TEXT),
                new Column("payment_standard", "Payment standard", "支付标准", ValueKind.TEXT),
                new Column("counties_covered", "Counties covered", "覆盖县数", ValueKind.INTEGER),
                new Column("counties", "Counties", "县数", ValueKind.INTEGER),
                new Column("coverage_rate", "Coverage", "覆盖率", ValueKind.RATIO),
                new Column("outlets_stocking", "Outlets stocking", "配备机构数", ValueKind.INTEGER),
                new Column("designated_outlets", "Designated outlets", "定点机构数", ValueKind.INTEGER),
                new Column("stocking_rate", "Stocking rate", "配备率", ValueKind.RATIO));
    }

    private static List<Column> countyColumns() {
        return List.of(
                new Column("county", "County", "县(市、区)", ValueKind.TEXT),
                new Column("pharmacies", "Designated pharmacies", "定点药店", ValueKind.INTEGER),
                new Column("hospitals", "Designated hospitals", "定点医院", ValueKind.INTEGER),
                new Column("drugs_covered", "Drugs covered", "覆盖药品数", ValueKind.INTEGER),
                new Column("listed_drugs", "Listed drugs", "纳入药品数", ValueKind.INTEGER),
                new Column("coverage_rate", "Coverage", "覆盖率", ValueKind.RATIO));
    }
}
