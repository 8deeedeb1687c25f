package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.Allocation;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Institution;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.volume.VolumeAnalysis;
import dev.vbp.engine.volume.VolumePlan;
import dev.vbp.engine.volume.WindowedPurchases;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Command(name = "volume",
        description = {"Agreed-volume completion (约定采购量完成进度) of each institution and selected product.",
                "Purchases in the current agreement year against the agreed quantity and the share of the year gone,",
                "with purchases of the generic's other products beside."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp volume --allocations sample-data/allocations.csv --bids sample-data/bids.csv --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --as-of 2020-02-29 --batch 4+7 --by county",
                "  vbp volume --allocations sample-data/allocations.csv --bids sample-data/bids.csv --ledger sample-data/ledger.csv --as-of 2021-06-30 --batch batch-3 --by generic --warn-below 0.8"})
public class VolumeCommand extends AnalysisCommand {
    @Mixin LedgerOptions ledger;
    @Mixin DatasetFiles.Allocations allocationFiles;
    /** Pack counts, generics and the non-selected products of each generic. */
    @Mixin DatasetFiles.Bids bidFiles;
    @Mixin DatasetFiles.Institutions institutionFiles;

    @Option(names = "--batch", paramLabel = "ID", description = "Only allocations of this batch (repeatable).")
    List<String> batches = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "DATE", description = "Count purchases up to this day (default: today).")
    LocalDate asOf;

    @Option(names = "--by", paramLabel = "LEVEL", defaultValue = "allocation",
            description = "Rows per allocation (institution × product), generic, batch, institution or county (default: ${DEFAULT-VALUE}).")
    VolumeAnalysis.Level by = VolumeAnalysis.Level.ALLOCATION;

    @Option(names = "--warn-below", paramLabel = "K", defaultValue = "1", converter = RateConverter.class,
            description = "Behind schedule when completion < elapsed share × K (default: 1; e.g. 0.8 warns only when 20%% behind).")
    BigDecimal warnBelow;

    @Option(names = "--fail-under", paramLabel = "RATE", converter = RateConverter.class,
            description = "Exit 1 when any row's completion is below RATE, and list those rows (e.g. 50%% or 0.5).")
    BigDecimal failUnder;

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        List<Allocation> allocations = sources.require(allocationFiles, Records::allocation)
                .stream().filter(a -> batches.isEmpty() || batches.contains(a.batchId())).toList();
        List<Bid> bids = sources.require(bidFiles, Records::bid);
        Map<String, Institution> institutions = new HashMap<>();
        sources.optional(institutionFiles, Records::institution).forEach(i -> institutions.put(i.code(), i));
        if (allocations.isEmpty()) {
            throw new UsageException("no allocations" + (batches.isEmpty() ? "" : " of batch " + String.join(", ", batches)));
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx().clock());
        VolumePlan plan = new VolumePlan(allocations, bids, day);
        LedgerResult<WindowedPurchases> result = scan(sources.ledgerScan(ledger), plan.aggregate());
        VolumeAnalysis.Result r = VolumeAnalysis.analyse(plan, result.aggregate(), institutions, by, warnBelow, failUnder);
        if (!batches.isEmpty()) r.report().parameter("batch", batches);
        return new Outcome(r.report(), !r.shortfalls().isEmpty());
    }
}
