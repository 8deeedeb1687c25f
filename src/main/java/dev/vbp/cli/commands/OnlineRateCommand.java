package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.CategoryConverter;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.Institution;
import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.domain.Category;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LineFilter;
import dev.vbp.engine.onlinerate.OnlineRateAnalysis;
import dev.vbp.engine.onlinerate.OnlineRateSettings;
import dev.vbp.engine.onlinerate.OnlineRateSettings.Basis;
import dev.vbp.engine.onlinerate.OnlineRateSums;
import dev.vbp.engine.onlinerate.OnlineRateSettings.Level;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

@Command(name = "online-rate",
        description = {"Online-purchase rate (网采率) of public institutions, from purchase ledgers.",
                "The share of each institution's purchases made on the provincial platform, drugs and consumables apart;",
                "ledgers of any size are read in one streaming pass on every core."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp online-rate --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --by county",
                "  vbp online-rate --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --target 95%% --by institution --all-categories",
                "  vbp online-rate --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --by month --all-categories --fail-under 80%%",
                "  vbp online-rate --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --by level,month --all-categories --pivot level,month,online_rate",
                "  vbp online-rate --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --by county --where county=西昌市 --columns county,online_rate"})
public class OnlineRateCommand extends AnalysisCommand {
    @Mixin LedgerOptions ledger;
    @Mixin DatasetFiles.Institutions institutionFiles;

    @Option(names = "--by", paramLabel = "LEVEL", split = ",",
            description = "Row levels, combinable: institution, county, level, category, month (default: institution; e.g. --by county,month).")
    List<Level> by = new ArrayList<>();

    @Option(names = "--basis", paramLabel = "BASIS", defaultValue = "amount",
            description = {"amount: online amount / all amount; lines: online purchase lines / all purchase lines, a return netted against",
                    "its purchase; products: 品规 bought online / 品规 bought (default: ${DEFAULT-VALUE})."})
    Basis basis = Basis.AMOUNT;

    @Option(names = "--all-categories", description = "Drugs and consumables together (default: apart).")
    boolean allCategories;

    @Option(names = "--include-private", description = "Count private institutions too (default: public institutions only).")
    boolean includePrivate;

    @Option(names = "--exclude", paramLabel = "CATEGORY", split = ",", converter = CategoryConverter.class,
            description = "Leave out a category: herbal-pieces (中药饮片), hospital-preparation (院内制剂), consumable or drug (repeatable).")
    List<Category> exclude = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Only purchases on or after this date (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only purchases on or before this date (yyyy-mm-dd).")
    LocalDate to;

    @Option(names = "--target", paramLabel = "RATE", converter = RateConverter.class,
            description = "Adds a status column: met or below (e.g. 100%%, 95%% or 0.95).")
    BigDecimal target;

    @Option(names = "--fail-under", paramLabel = "RATE", converter = RateConverter.class,
            description = "Exit 1 when any row's rate is below RATE, and list those rows (e.g. 95%% or 0.95).")
    BigDecimal failUnder;

    @Override
    protected Outcome analyse() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageException("--to " + to + " is before --from " + from);
        }
        DataSources sources = sources();
        List<Institution> list = sources.optional(institutionFiles, Records::institution);
        Map<String, Institution> institutions = new HashMap<>();
        list.forEach(i -> institutions.put(i.code(), i));
        OnlineRateSettings settings = new OnlineRateSettings(basis, by.isEmpty() ? List.of(Level.INSTITUTION)
                : List.copyOf(new LinkedHashSet<>(by)), !allCategories, includePrivate, new LinkedHashSet<>(exclude), target, failUnder);
        LineFilter filter = LineFilter.all().excluding(exclude.toArray(Category[]::new));
        if (from != null) filter = filter.from(from);
        if (to != null) filter = filter.to(to);
        LedgerResult<OnlineRateSums> result = scan(sources.ledgerScan(ledger).require("amount", "channel").filter(filter),
                OnlineRateSums.of(settings.dimensions()));
        OnlineRateAnalysis.Result r = OnlineRateAnalysis.analyse(result.aggregate(), institutions, !list.isEmpty(), settings);
        if (from != null) r.report().parameter("from", from);
        if (to != null) r.report().parameter("to", to);
        gateNeedsData(failUnder, r.rated() > 0, "online rate", result.totalLines() == 0 ? "the ledgers have no lines"
                : result.acceptedLines() + " of " + result.totalLines() + " ledger lines usable, "
                + (result.errorCount() > 0 ? result.errorCount() + " rejected, " : "") + "no row with net purchases");
        return new Outcome(r.report(), !r.shortfalls().isEmpty());
    }
}
