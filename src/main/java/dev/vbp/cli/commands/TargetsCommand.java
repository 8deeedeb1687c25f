package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InstrumentsPolicyOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.Bid;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.TargetSet;
import dev.vbp.engine.targets.LandedCount;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "targets",
        description = {"VBP landing targets (集采品种数): drug generics and consumable classes with a selected bid in force",
                "on a day, against a target: a named set from the policy (liangshan-2025: 500 drugs, 5 high-value",
                "consumable classes; hainan-2023: 600 and 10) or --drugs and --consumable-classes. Lists what was counted."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp targets --bids sample-data/bids.csv --bids sample-data/bids-consumables.csv --as-of 2021-06-30",
                "  vbp targets --bids sample-data/bids.csv --as-of 2021-06-30 --drugs 20 --fail-under 100%%"})
public class TargetsCommand extends AnalysisCommand {
    @Mixin InstrumentsPolicyOptions policyOptions;

    @Mixin DatasetFiles.Bids bidFiles;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The day counted: bids whose cycle includes it (default: today).")
    LocalDate asOf;

    @Option(names = "--region", paramLabel = "REGION", description = "Only bids whose region names this one (default: every bid read).")
    String region;

    @Option(names = "--target", paramLabel = "NAME", defaultValue = "liangshan-2025",
            description = "A target set of the policy file (default: ${DEFAULT-VALUE}; 'vbp policy show --for instruments' lists them).")
    String targetName;

    @Option(names = "--drugs", paramLabel = "N", description = "Drug generics to reach, instead of the target set's.")
    Integer drugs;

    @Option(names = "--consumable-classes", paramLabel = "N", description = "Consumable classes to reach, instead of the target set's.")
    Integer classes;

    @Option(names = "--fail-under", paramLabel = "RATE", converter = RateConverter.class,
            description = "Exit 1 when drugs or consumable classes counted / target is below RATE (e.g. 100%%).")
    BigDecimal failUnder;

    private static Map<String, Object> ruled(Object value, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("source", source);
        return m;
    }

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        InstrumentsPolicy policy = policyOptions.load();
        TargetSet set = policy.target(targetName).orElseThrow(() -> new UsageException("no target set '" + targetName
                + "' in the policy; expected one of " + String.join(", ", policy.targets().stream().map(TargetSet::name).toList())));
        if ((drugs != null && drugs < 0) || (classes != null && classes < 0)) throw new UsageException("--drugs and --consumable-classes must be 0 or more");
        String source = set.source();
        if (drugs != null || classes != null) {
            set = new TargetSet(drugs != null && classes != null ? "options" : set.name() + " with options", set.region(), set.date(),
                    drugs != null ? drugs : set.drugs(), classes != null ? classes : set.consumableClasses(), "--drugs, --consumable-classes");
        }
        List<Bid> bids = sources.require(bidFiles, Records::bid);
        LocalDate day = asOf != null ? asOf : LocalDate.now(ctx().clock());
        LandedCount.ClassBy classBy = policy.choice("targets.consumable_class", LandedCount.ClassBy.class);
        LandedCount.Result result = LandedCount.count(bids, day, region, classBy, set, failUnder);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", set.name());
        target.put("region", set.region());
        target.put("date", set.date());
        target.put("drugs", ruled(set.drugs(), drugs != null ? "--drugs" : source));
        target.put("consumable_classes", ruled(set.consumableClasses(), classes != null ? "--consumable-classes" : source));
        result.report().assumption("target", target);
        result.report().assumption("targets", policy.assumptions("targets"));
        result.report().assumption("landed", "selected bids whose cycle includes the day (start and end inclusive); a drug generic is name + dosage form");
        result.report().assumption("high_value", "every consumable bid counts as high-value: the bids do not say which are");
        if (!day.equals(set.date()) && drugs == null && classes == null) {
            result.report().warning("target " + set.name() + " is set for " + set.date() + "; counted on " + day);
        }
        return new Outcome(result.report(), !result.shortfalls().isEmpty());
    }
}
