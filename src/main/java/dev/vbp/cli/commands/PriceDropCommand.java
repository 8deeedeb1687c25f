package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.options.PricingOptions;
import dev.vbp.domain.pricing.MeanKind;
import dev.vbp.engine.pricing.BaselineSettings;
import dev.vbp.engine.pricing.Grouping;
import dev.vbp.engine.pricing.PriceDropAnalysis;
import dev.vbp.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "price-drop",
        description = "Price drop (价格降幅) of each selected product against its baseline, with mean, median, max (最高降幅) and min.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp price-drop --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --batch 4+7",
                "  vbp price-drop --bids sample-data/bids.csv --against ceiling --by batch --mean amount --format json"})
public class PriceDropCommand extends AnalysisCommand {
    @Mixin PricingOptions pricing;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "product",
            description = "One row per product, generic, batch or category (default: product).")
    Grouping by = Grouping.PRODUCT;

    @Option(names = "--mean", paramLabel = "KIND", defaultValue = "simple",
            description = "How drops are averaged: simple, volume (weighted by agreed quantity) or amount (the savings rate) (default: simple).")
    MeanKind mean = MeanKind.SIMPLE;

    @Override
    protected Outcome analyse() {
        BaselineSettings baseline = pricing.settings(sources());
        Report report = PriceDropAnalysis.report(pricing.resolve(sources(), baseline), by, mean, baseline);
        pricing.describe(report, baseline);
        return Outcome.of(report);
    }
}
