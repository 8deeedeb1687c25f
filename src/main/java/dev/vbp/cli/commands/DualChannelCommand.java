package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.domain.Texts;
import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.domain.dualchannel.Outlet;
import dev.vbp.domain.dualchannel.Prescription;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.dualchannel.StockEntry;
import dev.vbp.engine.dualchannel.CoverageAnalysis;
import dev.vbp.engine.dualchannel.CoverageRule;
import dev.vbp.engine.dualchannel.DualChannelWorld;
import dev.vbp.engine.dualchannel.GapsAnalysis;
import dev.vbp.engine.dualchannel.MatrixAnalysis;
import dev.vbp.engine.dualchannel.PrescriptionAnalysis;
import dev.vbp.output.Format;
import dev.vbp.output.Report;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "dual-channel",
        description = "Dual-channel (双通道) coverage of negotiated drugs: can patients get every listed drug at a designated "
                + "hospital or pharmacy in their county?",
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp dual-channel coverage --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --as-of 2026-06-30",
                "  vbp dual-channel gaps --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --institutions sample-data/institutions.csv"},
        subcommands = {
                DualChannelCommand.Coverage.class,
                DualChannelCommand.Gaps.class,
                DualChannelCommand.Matrix.class,
                DualChannelCommand.Prescriptions.class})
public class DualChannelCommand extends BaseCommand {
    @Override
    protected int execute() {
        throw new ParameterException(spec.commandLine(), "missing a subcommand: coverage, gaps, matrix or prescriptions");
    }

    /** Where the dual-channel datasets come from. */
    public static class Inputs {
        @Mixin DatasetFiles.Catalog catalog;
        @Mixin DatasetFiles.Outlets outlets;
        @Mixin DatasetFiles.Stock stock;
        /** Optional: the institutions' counties count too. */
        @Mixin DatasetFiles.Institutions institutions;

        List<CatalogEntry> catalog(DataSources s) { return s.require(catalog, Records::catalogEntry); }
        List<Outlet> outlets(DataSources s) { return s.require(outlets, Records::outlet); }
        List<StockEntry> stock(DataSources s) { return s.require(stock, Records::stockEntry); }

        /** Institution code → county, or empty when no institutions are given. */
        Map<String, String> institutionCounties(DataSources s) {
            Map<String, String> m = new LinkedHashMap<>();
            s.optional(institutions, r -> Map.entry(r.text("institution_code"), Texts.normalise(r.text("county"))))
                    .forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
            return m;
        }
    }

    /** Options of the analyses that look at one day's list. */
    abstract static class OnADay extends AnalysisCommand {
        @Mixin Inputs inputs;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Count only drugs whose agreement is in force on this day (default: today).")
        LocalDate asOf;

        DualChannelWorld world() {
            DataSources sources = sources();
            List<CatalogEntry> catalog = inputs.catalog(sources);
            List<Outlet> outlets = inputs.outlets(sources);
            List<StockEntry> stock = inputs.stock(sources);
            List<String> counties = List.copyOf(inputs.institutionCounties(sources).values());
            LocalDate day = asOf != null ? asOf : LocalDate.now(ctx().clock());
            return new DualChannelWorld(catalog, outlets, stock, counties, day);
        }
    }

    @Command(name = "coverage",
            description = "Drug coverage rate of (drug, county) pairs, county coverage and each drug's stocking rate.",
            footerHeading = "%nExamples:%n",
            footer = {
                    "  vbp dual-channel coverage --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --as-of 2026-06-30",
                    "  vbp dual-channel coverage --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --by county --require hospital --fail-under 50%%"})
    public static class Coverage extends OnADay {
        @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "drug", description = "One row per drug or per county (default: drug).")
        CoverageAnalysis.By by = CoverageAnalysis.By.DRUG;

        @Option(names = "--require", paramLabel = "KIND", defaultValue = "pharmacy",
                description = "pharmacy: a designated pharmacy in the county stocks the drug; hospital: a designated hospital there stocks it as well (default: pharmacy).")
        CoverageRule require = CoverageRule.PHARMACY;

        @Option(names = "--fail-under", paramLabel = "RATE", converter = RateConverter.class,
                description = "Exit 1 when the drug coverage rate is below RATE (95%% or 0.95; a bare 95 is refused).")
        BigDecimal failUnder;

        @Override
        protected Outcome analyse() {
            DualChannelWorld w = world();
            Report report = CoverageAnalysis.report(w, by, require);
            BigDecimal rate = CoverageAnalysis.coverageRate(report);
            gateNeedsData(failUnder, rate != null, "coverage rate", "no dual-channel drug × county pairs");
            boolean failed = false;
            if (failUnder != null) {
                report.parameter("fail_under", failUnder);
                if (rate == null || rate.compareTo(failUnder) < 0) {
                    failed = true;
                    report.warning("coverage rate " + (rate == null ? "undefined (no drug × county pairs)" : dev.vbp.output.DisplayText.percent(rate))
                            + " is below --fail-under " + dev.vbp.output.DisplayText.percent(failUnder)
                            + " (shortfall " + dev.vbp.output.DisplayText.percent(rate == null ? failUnder : failUnder.subtract(rate)) + ")");
                }
            }
            return new Outcome(report, failed);
        }
    }

    @Command(name = "gaps",
            description = "Every uncovered (drug, county) pair, drug stocked nowhere, stock row off the list or out of force, and county without a designated pharmacy.",
            footerHeading = "%nExample:%n",
            footer = "  vbp dual-channel gaps --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --as-of 2026-06-30")
    public static class Gaps extends OnADay {
        @Option(names = "--require", paramLabel = "KIND", defaultValue = "pharmacy",
                description = "What covers a pair, as in coverage: pharmacy or hospital (default: pharmacy).")
        CoverageRule require = CoverageRule.PHARMACY;

        @Override
        protected Outcome analyse() {
            return Outcome.of(GapsAnalysis.report(world(), require));
        }
    }

    @Command(name = "matrix",
            description = "Listed drugs × counties: covered by a pharmacy, hospital only, or none.",
            footerHeading = "%nExample:%n",
            footer = "  vbp dual-channel matrix --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --as-of 2026-06-30")
    public static class Matrix extends OnADay {
        @Override
        protected Outcome analyse() {
            DualChannelWorld w = world();
            boolean table = global().format == Format.TABLE || global().format == Format.MARKDOWN;
            return Outcome.of(MatrixAnalysis.report(w, table ? MatrixAnalysis.Cells.SYMBOLS : MatrixAnalysis.Cells.WORDS));
        }
    }

    @Command(name = "prescriptions",
            description = "Circulated prescriptions: count, amount and fund-paid share; flags those filled where the drug is not stocked or the outlet is not designated.",
            footerHeading = "%nExample:%n",
            footer = "  vbp dual-channel prescriptions --catalog sample-data/catalog.csv --outlets sample-data/outlets.csv --stock sample-data/stock.csv --prescriptions sample-data/prescriptions.csv --by month")
    public static class Prescriptions extends AnalysisCommand {
        @Mixin Inputs inputs;
        @Mixin DatasetFiles.Prescriptions prescriptions;

        @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "county",
                description = "One row per prescription, county, route, drug or month (default: county).")
        PrescriptionAnalysis.By by = PrescriptionAnalysis.By.COUNTY;

        @Override
        protected Outcome analyse() {
            DataSources s = sources();
            List<Prescription> rx = s.require(prescriptions, Records::prescription);
            return Outcome.of(PrescriptionAnalysis.report(rx, inputs.catalog(s), inputs.outlets(s), inputs.stock(s),
                    inputs.institutionCounties(s), by));
        }
    }

}
