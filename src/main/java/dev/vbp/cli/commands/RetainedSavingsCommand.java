package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.PeriodConverter;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Period;
import dev.vbp.read.PolicyFile;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.domain.Allocation;
import dev.vbp.domain.Institution;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.retention.DailyPurchases;
import dev.vbp.engine.retention.PrePrices;
import dev.vbp.engine.retention.PurchaseHistory;
import dev.vbp.engine.retention.StreamedPurchaseHistory;
import dev.vbp.engine.retention.RetainedSavings;
import dev.vbp.engine.retention.RetainedSavingsReports;
import dev.vbp.domain.Score;
import dev.vbp.output.Report;
import dev.vbp.read.Records;
import dev.vbp.read.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Command(name = "retained-savings",
        description = {"Retained-savings incentives (医保资金结余留用) per institution, under a policy file.",
                "Per institution and generic: the insurance budget at pre-VBP prices, the actual spending, the balance",
                "and the share the institution keeps by its assessment score ('vbp policy show' prints the rules)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp retained-savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --allocations sample-data/allocations.csv --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv --policy sample-data/policy.yaml --as-of 2021-10-31 --by institution",
                "  vbp retained-savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --allocations sample-data/allocations.csv --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv --policy sample-data/policy.yaml --as-of 2020-02-29 --explain H51340100007"})
public class RetainedSavingsCommand extends AnalysisCommand {
    @Mixin DatasetFiles.Bids bidFiles;
    /** Pre-VBP prices with quantities, for P_pre. */
    @Mixin DatasetFiles.Baseline baselineFiles;
    @Mixin DatasetFiles.Allocations allocationFiles;
    /** The settlement-period purchases: --ledger FILE|DIR, --threads. */
    @Mixin LedgerOptions ledger;
    @Mixin DatasetFiles.Scores scoreFiles;
    @Mixin DatasetFiles.Institutions institutionFiles;

    @Option(names = "--policy", paramLabel = "FILE.yaml", description = "Policy file (default: the built-in default, 'vbp policy show').")
    Path policyFile;

    @Option(names = "--base-period", paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "Overrides the policy's base_period: 2018, 2017..2018, 2018-03.")
    Period basePeriod;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "generic",
            description = "One row per institution × generic (generic), per institution or per county (default: generic).")
    RetainedSavingsReports.By by = RetainedSavingsReports.By.GENERIC;

    @Option(names = "--explain", paramLabel = "INSTITUTION",
            description = "Print every step of one institution's calculation: per generic and agreement year, the purchases counted, capped or left out.")
    String explain;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Settle each allocation's agreement year containing this day, purchases up to it (default: today).")
    LocalDate asOf;

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        RetentionPolicy policy = policyFile == null ? RetentionPolicy.defaults() : PolicyFile.load(policyFile);
        if (basePeriod != null) policy = policy.withBasePeriod(basePeriod);
        List<Bid> bids = sources.require(bidFiles, Records::bid);
        List<Allocation> allocations = sources.require(allocationFiles, Records::allocation);
        // The baseline streams into P_pre's sums per generic and strength, so its rows are never held.
        PrePrices prePrices = new PrePrices(bids, policy.basePeriod(), policy.basePrice(), policy.basePriceScope());
        sources.stream(baselineFiles, Records::baseline, prePrices::add);
        List<Score> scores = sources.optional(scoreFiles, Records::score);
        List<Institution> institutions = sources.optional(institutionFiles, Records::institution);
        Map<String, Integer> packCounts = new HashMap<>();
        for (Bid b : bids) if (b.productCode() != null) packCounts.putIfAbsent(b.productCode(), b.packCount());
        PurchaseHistory purchases = PurchaseHistory.none();
        LedgerResult<DailyPurchases> scanned = null;
        if (sources.available(Dataset.LEDGER, ledger.files)) {
            scanned = scan(sources.ledgerScan(ledger).require("amount"), () -> new DailyPurchases(packCounts.keySet()));
            purchases = new StreamedPurchaseHistory(scanned.aggregate(), scanned.lineNumbers(), packCounts, sources::ledgerName);
        }

        RetainedSavings.Result result = RetainedSavings.compute(new RetainedSavings.Inputs(bids, allocations, prePrices,
                purchases, scores, institutions, policy, asOf != null ? asOf : LocalDate.now(ctx().clock())));
        Report report = explain != null ? RetainedSavingsReports.explain(result, explain)
                : RetainedSavingsReports.report(result, by);
        if (scanned != null) {
            long unknown = scanned.aggregate().unknownProductLines();
            if (unknown > 0) report.warning(unknown + " ledger lines are of products no bid has (no pack count, no generic); left out");
        }
        if (scores.isEmpty()) report.warning("no assessment scores: pass --scores FILE or import scores; nothing can be retained");
        return Outcome.of(report);
    }
}
