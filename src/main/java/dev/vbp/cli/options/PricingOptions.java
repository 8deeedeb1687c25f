package dev.vbp.cli.options;

import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Period;
import dev.vbp.domain.pricing.BaseStat;
import dev.vbp.engine.pricing.BaselineIndex;
import dev.vbp.engine.pricing.BaselineSettings;
import dev.vbp.engine.pricing.ProductDrop;
import dev.vbp.output.Report;
import dev.vbp.read.Records;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Bids and baselines, shared by the commands that compare bid prices with pre-VBP prices. */
public class PricingOptions {
    public enum Against { AUTO, CEILING, BASELINE }

    @Mixin public DatasetFiles.Bids bidFiles;
    @Mixin public DatasetFiles.Baseline baselineFiles;

    @Option(names = "--against", paramLabel = "BASE", defaultValue = "auto",
            description = "Compare with: ceiling (the bids' ceiling price), baseline (pre-VBP prices) or auto: baseline when there are pre-VBP prices, else ceiling (default: auto).")
    public Against against = Against.AUTO;

    @Option(names = "--base-period", paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "Pre-VBP period whose prices form the baseline: 2017, 2016..2017, 2017-03 or 2017-01-01..2017-06-30 (default: all).")
    public Period basePeriod;

    @Option(names = "--base-region", paramLabel = "REGION",
            description = "Only baseline prices of this region (上海, 上海市 and Shanghai are the same; default: all regions).")
    public String baseRegion;

    @Option(names = "--base-stat", paramLabel = "STAT", defaultValue = "mean",
            description = "How several baseline prices become one: mean, weighted (by quantity) or min (default: mean).")
    public BaseStat baseStat = BaseStat.MEAN;

    @Option(names = "--batch", paramLabel = "ID", description = "Only bids of this batch (repeatable).")
    public List<String> batches = new ArrayList<>();

    /** Selected bids (filtered by --batch) paired with their baselines. */
    public List<ProductDrop> resolve(DataSources sources, BaselineSettings settings) {
        List<Bid> all = sources.require(bidFiles, Records::bid);
        dev.vbp.cli.FilterValues.check("--batch", batches,
                all.stream().filter(Bid::selected).map(Bid::batchId).collect(java.util.stream.Collectors.toSet()), "batches of selected bids");
        List<Bid> bids = all.stream()
                .filter(Bid::selected)
                .filter(b -> batches.isEmpty() || batches.contains(b.batchId()))
                .toList();
        if (bids.isEmpty()) {
            throw new UsageException("no selected bids" + (batches.isEmpty() ? "" : " in batch " + String.join(", ", batches)));
        }
        // The baseline streams into the index (aggregates per product, period and region), so its rows are never held.
        BaselineIndex index = settings.newIndex();
        if (index != null) sources.stream(baselineFiles, Records::baseline, index::add);
        return settings.resolve(bids, index);
    }

    public BaselineSettings settings(DataSources sources) {
        BaselineSettings.Against chosen = switch (against) {
            case CEILING -> BaselineSettings.Against.CEILING;
            case BASELINE -> {
                if (!sources.available(baselineFiles)) {
                    throw new UsageException("--against baseline needs pre-VBP prices: pass --baseline FILE or import them with 'vbp import baseline FILE'");
                }
                yield BaselineSettings.Against.BASELINE;
            }
            case AUTO -> sources.available(baselineFiles)
                    ? BaselineSettings.Against.BASELINE : BaselineSettings.Against.CEILING;
        };
        return new BaselineSettings(chosen, basePeriod, baseRegion, baseStat);
    }

    public void describe(Report report, BaselineSettings used) {
        if (!batches.isEmpty()) report.parameter("batch", batches);
        if (used.against() == BaselineSettings.Against.CEILING && (basePeriod != null || baseRegion != null || baseStat != BaseStat.MEAN)) {
            report.warning("--base-period, --base-region and --base-stat apply to pre-VBP prices; this report compares with the ceiling price"
                    + (against == Against.AUTO ? " because no baseline prices were given" : ""));
        }
    }
}
