package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InstrumentsPolicyOptions;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.Allocation;
import dev.vbp.domain.Institution;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.Prepayment;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.prepayment.PrepaymentPlan;
import dev.vbp.engine.prepayment.PrepaymentReports;
import dev.vbp.engine.prepayment.SettledPurchases;
import dev.vbp.output.Report;
import dev.vbp.read.InstrumentRecords;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "prepayment",
        description = {"Fund prepayment (医保基金预付) per institution and agreement year: the agreed amount (Σ agreed",
                "quantity × selected unit price), the prepayment due (at least 30%% by default), and with --prepayments what",
                "was paid, when, and the shortfall. --by month offsets the prepayment against the settled purchases",
                "of the year's products, month by month, from the ledgers."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp prepayment --allocations sample-data/allocations.csv --bids sample-data/bids.csv --prepayments sample-data/prepayments.csv --institutions sample-data/institutions.csv --as-of 2020-12-31",
                "  vbp prepayment --allocations sample-data/allocations.csv --bids sample-data/bids.csv --prepayments sample-data/prepayments.csv --ledger sample-data/ledger.csv --by month --as-of 2020-02-29 --institution H51340100001",
                "  vbp prepayment --allocations sample-data/allocations.csv --bids sample-data/bids.csv --prepayments sample-data/prepayments.csv --as-of 2020-12-31 --fail-under 100%%"})
public class PrepaymentCommand extends AnalysisCommand {
    @Mixin DatasetFiles.Allocations allocationFiles;
    /** The selected unit price of each allocated product. */
    @Mixin DatasetFiles.Bids bidFiles;
    @Mixin DatasetFiles.Prepayments prepaymentFiles;
    @Mixin DatasetFiles.Institutions institutionFiles;
    @Mixin LedgerOptions ledger;
    @Mixin InstrumentsPolicyOptions policyOptions;

    @Option(names = "--batch", paramLabel = "ID", description = "Only allocations of this batch (repeatable).")
    List<String> batches = new java.util.ArrayList<>();

    @Option(names = "--institution", paramLabel = "CODE", description = "Only this institution (repeatable).")
    List<String> only = new java.util.ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Agreement years started by this day, and prepayments and purchases up to it (default: today).")
    LocalDate asOf;

    @Option(names = "--ratio", paramLabel = "RATE", converter = RateConverter.class,
            description = "Overrides the policy's prepayment ratio (default 30%%).")
    BigDecimal ratio;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "year",
            description = "year: one row per institution × batch × agreement year; month: the offset against the ledgers' purchases (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--fail-under", paramLabel = "RATE", converter = RateConverter.class,
            description = "Exit 1 when any agreement year past its due day has paid / due below RATE (e.g. 100%%).")
    BigDecimal failUnder;

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        InstrumentsPolicy policy = policyOptions.load();
        if (ratio != null) policy = policy.with("prepayment.ratio", ratio, "--ratio");
        String level = by.trim().toLowerCase(Locale.ROOT);
        if (!level.equals("year") && !level.equals("month")) throw new UsageException("--by must be year or month, not '" + by + "'");
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx().clock());
        List<Allocation> allocations = sources.require(allocationFiles, Records::allocation).stream()
                .filter(a -> batches.isEmpty() || batches.contains(a.batchId()))
                .filter(a -> only.isEmpty() || only.contains(a.institutionCode())).toList();
        if (allocations.isEmpty()) throw new UsageException("no allocations" + (batches.isEmpty() ? "" : " of batch " + String.join(", ", batches)));
        PrepaymentPlan plan = new PrepaymentPlan(allocations, sources.require(bidFiles, Records::bid), day);
        boolean havePayments = sources.available(prepaymentFiles);
        if (failUnder != null && !havePayments) {
            throw new UsageException("--fail-under needs the prepayments made: pass --prepayments FILE or import them with 'vbp import prepayments FILE'");
        }
        List<Prepayment> paid = sources.optional(prepaymentFiles, InstrumentRecords::prepayment).stream()
                .filter(p -> only.isEmpty() || only.contains(p.institutionCode()))
                .filter(p -> batches.isEmpty() || p.batchId() == null || batches.contains(p.batchId())).toList();
        plan.assign(paid, day);
        Report report;
        boolean failed = false;
        if (level.equals("year")) {
            Map<String, Institution> institutions = new HashMap<>();
            sources.optional(institutionFiles, Records::institution).forEach(i -> institutions.put(i.code(), i));
            PrepaymentReports.Result r = PrepaymentReports.years(plan, havePayments, policy.number("prepayment.ratio"),
                    policy.whole("prepayment.due_days"), day, institutions, failUnder);
            report = r.report();
            failed = !r.shortfalls().isEmpty();
        } else {
            if (!havePayments) throw new UsageException("--by month offsets prepayments: pass --prepayments FILE or import them");
            var watched = plan.productsByInstitution();
            LedgerResult<SettledPurchases> scanned = scan(sources.ledgerScan(ledger).require("amount"), () -> new SettledPurchases(watched));
            report = PrepaymentReports.months(plan, scanned.aggregate(), day);
            if (failUnder != null) report.warning("--fail-under checks --by year rows; not applied to the month view");
        }
        if (!batches.isEmpty()) report.parameter("batch", batches);
        if (!only.isEmpty()) report.parameter("institution", only);
        report.parameter("by", level);
        report.assumption("prepayment", policy.assumptions("prepayment"));
        report.assumption("agreement_years", "year k of an allocation's cycle runs from cycle start + k years to the day before the next; the last ends with the cycle");
        report.assumption("agreed_amount", "Σ agreed quantity (minimum units) × selected unit price (bid of the allocation's batch and product); the due is ratio × agreed amount rounded half-up to the fen");
        if (level.equals("month")) {
            report.assumption("offset", "each month the prepayment balance covers that month's settled purchases of the year's products (ledger amounts) as far as it goes; the fund pays the rest");
        }
        return new Outcome(report, failed);
    }
}
