package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.options.InputOptions;
import dev.vbp.cli.options.PeriodConverter;
import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Period;
import dev.vbp.domain.retention.PolicyFile;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.domain.Allocation;
import dev.vbp.domain.Institution;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.retention.DailyPurchases;
import dev.vbp.engine.retention.PurchaseHistory;
import dev.vbp.engine.retention.StreamedPurchaseHistory;
import dev.vbp.engine.retention.RetainedSavings;
import dev.vbp.engine.retention.RetainedSavingsReports;
import dev.vbp.domain.Score;
import dev.vbp.output.Report;
import dev.vbp.read.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Command(name = "retained-savings",
        description = {"Retained-savings incentives (医保资金结余留用) per institution, under a policy file.",
                "Per institution and generic: the insurance budget at pre-VBP prices, the actual spending, the balance",
                "and the share the institution keeps by its assessment score ('vbp policy show' prints the rules)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp retained-savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --allocations sample-data/allocations.csv --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv --policy sample-data/policy.yaml --as-of 2020-02-29 --by institution",
                "  vbp retained-savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --allocations sample-data/allocations.csv --scores sample-data/scores.csv --institutions sample-data/institutions.csv --ledger sample-data/ledger.csv --policy sample-data/policy.yaml --as-of 2020-02-29 --explain H51340100001"})
public class RetainedSavingsCommand extends BaseCommand {
    @Mixin InputOptions input;

    @Option(names = "--bids", paramLabel = "FILE", description = "Bid results file(s) instead of the workspace (repeatable).")
    List<Path> bidFiles = new ArrayList<>();
    @Option(names = "--baseline", paramLabel = "FILE", description = "Pre-VBP price file(s) with quantities, for P_pre (repeatable).")
    List<Path> baselineFiles = new ArrayList<>();
    @Option(names = "--allocations", paramLabel = "FILE", description = "Agreed-quantity allocation file(s) (repeatable).")
    List<Path> allocationFiles = new ArrayList<>();
    /** The settlement-period purchases: --ledger FILE|DIR, --threads, --max-errors. */
    @Mixin LedgerOptions ledger;
    @Option(names = "--scores", paramLabel = "FILE", description = "Assessment score file(s) (repeatable).")
    List<Path> scoreFiles = new ArrayList<>();
    @Option(names = "--institutions", paramLabel = "FILE", description = "Institution file(s), for names and counties (repeatable).")
    List<Path> institutionFiles = new ArrayList<>();

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
    protected int execute() {
        DataSources sources = input.sources(workspace());
        RetentionPolicy policy = policyFile == null ? RetentionPolicy.defaults() : PolicyFile.load(policyFile);
        if (basePeriod != null) policy = policy.withBasePeriod(basePeriod);
        List<Bid> bids = sources.require(Dataset.BIDS, bidFiles, "--bids", Bid::fromRow);
        List<Allocation> allocations = sources.require(Dataset.ALLOCATIONS, allocationFiles, "--allocations", Allocation::fromRow);
        List<BaselinePrice> baseline = sources.optional(Dataset.BASELINE, baselineFiles, BaselinePrice::fromRow);
        List<Score> scores = sources.optional(Dataset.SCORES, scoreFiles, Score::fromRow);
        List<Institution> institutions = sources.optional(Dataset.INSTITUTIONS, institutionFiles, Institution::fromRow);
        Map<String, Integer> packCounts = new HashMap<>();
        for (Bid b : bids) if (b.productCode() != null) packCounts.putIfAbsent(b.productCode(), b.packCount());
        PurchaseHistory purchases = PurchaseHistory.none();
        LedgerResult<DailyPurchases> scanned = null;
        if (sources.available(Dataset.LEDGER, ledger.files)) {
            scanned = scan(sources.ledgerScan(ledger).require("amount"), () -> new DailyPurchases(packCounts.keySet()));
            purchases = new StreamedPurchaseHistory(scanned.aggregate(), packCounts, sources::ledgerName);
        }

        RetainedSavings.Result result = RetainedSavings.compute(new RetainedSavings.Inputs(bids, allocations, baseline,
                purchases, scores, institutions, policy, asOf != null ? asOf : LocalDate.now(ctx().clock())));
        Report report = explain != null ? RetainedSavingsReports.explain(result, explain)
                : RetainedSavingsReports.report(result, by);
        if (scanned != null) {
            sources.describe(report, scanned);
            long unknown = scanned.aggregate().unknownProductLines();
            if (unknown > 0) report.warning(unknown + " ledger lines are of products no bid has (no pack count, no generic); left out");
        }
        if (scores.isEmpty()) report.warning("no assessment scores: pass --scores FILE or import scores; nothing can be retained");
        sources.describe(report);
        render(report);
        return ExitCodes.OK;
    }
}
