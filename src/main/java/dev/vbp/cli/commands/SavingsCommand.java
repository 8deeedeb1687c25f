package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.options.InputOptions;
import dev.vbp.cli.options.PricingOptions;
import dev.vbp.engine.pricing.BaselineSettings;
import dev.vbp.engine.pricing.Grouping;
import dev.vbp.engine.pricing.SavingsAnalysis;
import dev.vbp.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "savings",
        description = "Procurement money saved (节约采购资金): Σ (baseline unit price − bid unit price) × quantity.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp savings --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --by batch",
                "  vbp savings --bids sample-data/bids.csv --against ceiling --by generic --format csv"})
public class SavingsCommand extends BaseCommand {
    @Mixin PricingOptions pricing;
    @Mixin InputOptions input;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "batch",
            description = "One row per product, generic, batch or category (default: batch).")
    Grouping by = Grouping.BATCH;

    @Override
    protected int execute() {
        DataSources sources = input.sources(workspace());
        BaselineSettings baseline = pricing.settings(sources);
        Report report = SavingsAnalysis.report(pricing.resolve(sources, baseline), by, SavingsAnalysis.Volume.agreed(), baseline);
        pricing.describe(report, baseline);
        sources.describe(report);
        render(report);
        return ExitCodes.OK;
    }
}
