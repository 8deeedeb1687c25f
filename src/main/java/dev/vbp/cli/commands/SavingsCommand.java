package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.engine.pricing.ProductDrop;
import dev.vbp.engine.pricing.PurchasedQuantities;
import java.time.LocalDate;
import java.util.List;
import dev.vbp.cli.options.PricingOptions;
import dev.vbp.engine.pricing.BaselineSettings;
import dev.vbp.engine.pricing.Grouping;
import dev.vbp.engine.pricing.SavingsAnalysis;
import dev.vbp.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "savings",
        description = {"Procurement money saved (节约采购资金), planned or realised.",
                "Σ (baseline unit price − bid unit price) × quantity, with the agreed quantities (planned) or the",
                "quantities bought in the ledgers (realised, --volume actual)."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --by batch",
                "  vbp savings --bids sample-data/bids.csv --against ceiling --by generic --format csv",
                "  vbp savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --batch 4+7 --volume actual --ledger sample-data/ledger.csv"})
public class SavingsCommand extends AnalysisCommand {
    @Mixin PricingOptions pricing;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "batch",
            description = "One row per product, generic, batch or category (default: batch).")
    Grouping by = Grouping.BATCH;

    @Mixin LedgerOptions ledger;

    public enum VolumeSource { AGREED, ACTUAL }

    @Option(names = "--volume", paramLabel = "SOURCE", defaultValue = "agreed",
            description = "agreed: the bids' agreed quantities (planned savings); actual: quantities bought in the ledgers (realised savings) (default: ${DEFAULT-VALUE}).")
    VolumeSource volume = VolumeSource.AGREED;

    @Option(names = "--from", paramLabel = "DATE", description = "With --volume actual: count purchases from this day (default: each bid's cycle start).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "With --volume actual: count purchases up to this day (default: each bid's cycle end).")
    LocalDate to;

    @Override
    protected Outcome analyse() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        DataSources sources = sources();
        BaselineSettings baseline = pricing.settings(sources);
        List<ProductDrop> drops = pricing.resolve(sources, baseline);
        SavingsAnalysis.Volume quantities = SavingsAnalysis.Volume.agreed();
        if (volume == VolumeSource.ACTUAL) {
            PurchasedQuantities.Plan plan = PurchasedQuantities.plan(drops.stream().map(ProductDrop::bid).toList(), from, to);
            PurchasedQuantities bought = scan(sources.ledgerScan(ledger), plan::newAggregate).aggregate();
            quantities = new SavingsAnalysis.Volume("actual", "quantities bought in the ledgers (realised savings), in minimum units"
                    + " (packs × pack count), during each bid's cycle" + (from != null || to != null ? " limited to " + (from == null ? "" : from) + ".." + (to == null ? "" : to) : ""),
                    b -> plan.units(bought, b));
        } else if (from != null || to != null) {
            throw new UsageException("--from and --to apply to --volume actual");
        }
        Report report = SavingsAnalysis.report(drops, by, quantities, baseline);
        pricing.describe(report, baseline);
        return Outcome.of(report);
    }
}
