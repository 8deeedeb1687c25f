package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InstrumentsPolicyOptions;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.domain.Institution;
import dev.vbp.domain.instruments.EvaluatedBid;
import dev.vbp.read.InstrumentRecords;
import dev.vbp.read.Records;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.paymentstandard.AboveStandard;
import dev.vbp.engine.paymentstandard.PaymentStandardReports;
import dev.vbp.engine.paymentstandard.StandardPlan;
import dev.vbp.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Command(name = "payment-standard",
        description = {"Payment standards (医保支付标准) of VBP generics, and what patients pay above them.",
                "The selected price is the standard of its generic and strength; non-selected products at or above 2× it",
                "are cut 30%% and glide to it, below 2× they are paid by a setting; products without consistency",
                "evaluation at most the standard at once (医保发〔2019〕18号; settings in 'vbp policy show --for instruments').",
                "With --by institution or generic: Σ max(0, price − payment) × quantity from the ledgers."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp payment-standard --bids sample-data/bids.csv --as-of 2020-06-30 --generic 奥氮平片 --generic 孟鲁司特钠片",
                "  vbp payment-standard --bids sample-data/bids.csv --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --by institution"})
public class PaymentStandardCommand extends AnalysisCommand {
    @Mixin LedgerOptions ledger;
    @Mixin InstrumentsPolicyOptions policyOptions;

    /** Selected and non-selected bids; an optional consistency_evaluated column marks products that did not pass. */
    @Mixin DatasetFiles.Bids bidFiles;
    @Mixin DatasetFiles.Institutions institutionFiles;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day whose year of the glide path is shown (default: today).")
    LocalDate asOf;

    @Option(names = "--several-winners", paramLabel = "RULE",
            description = "Overrides the policy: lowest, mean or each (several selected products of one generic and strength).")
    String severalWinners;

    @Option(names = "--generic", paramLabel = "NAME", description = "Only this generic (name with or without its dosage form; repeatable).")
    List<String> generics = new java.util.ArrayList<>();

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "product",
            description = "product: each product's payment on --as-of; institution or generic: paid above the standard, from the ledgers (default: ${DEFAULT-VALUE}).")
    String by;

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        InstrumentsPolicy policy = policyOptions.load();
        if (severalWinners != null) {
            String v = severalWinners.trim().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("lowest", "mean", "each").contains(v)) {
                throw new UsageException("--several-winners must be lowest, mean or each, not '" + severalWinners + "'");
            }
            policy = policy.with("payment_standard.several_winners", v, "--several-winners");
        }
        String level = by.trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("product", "institution", "generic").contains(level)) {
            throw new UsageException("--by must be product, institution or generic, not '" + by + "'");
        }
        List<String> wanted = generics.stream().map(dev.vbp.domain.Texts::key).toList();
        List<EvaluatedBid> bids = sources.require(bidFiles, InstrumentRecords::evaluatedBid).stream()
                .filter(b -> wanted.isEmpty() || wanted.contains(dev.vbp.domain.Texts.key(b.bid().genericName()))
                        || wanted.contains(b.bid().key().fullName())).toList();
        if (bids.isEmpty()) throw new UsageException("no bids" + (generics.isEmpty() ? "" : " of " + String.join(", ", generics)));
        StandardPlan plan = new StandardPlan(bids, policy.paymentStandard());
        Report report;
        if (level.equals("product")) {
            LocalDate day = asOf != null ? asOf : LocalDate.now(ctx().clock());
            report = PaymentStandardReports.products(plan, day);
        } else {
            Map<String, Institution> institutions = new HashMap<>();
            sources.optional(institutionFiles, Records::institution).forEach(i -> institutions.put(i.code(), i));
            StandardPlan.Lookup lookup = plan.lookup();
            LedgerResult<AboveStandard> scanned = scan(sources.ledgerScan(ledger), () -> new AboveStandard(lookup));
            report = PaymentStandardReports.above(plan, scanned.aggregate(), institutions,
                    level.equals("institution") ? PaymentStandardReports.By.INSTITUTION : PaymentStandardReports.By.GENERIC);
            if (asOf != null) report.warning("--as-of picks the year for --by product; ledger lines are priced on their own dates");
        }
        report.parameter("by", level);
        if (!generics.isEmpty()) report.parameter("generic", generics);
        report.assumption("payment_standard", policy.assumptions("payment_standard"));
        return Outcome.of(report);
    }
}
