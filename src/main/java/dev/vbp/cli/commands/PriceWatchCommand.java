package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InstrumentsPolicyOptions;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.cli.options.RateConverter;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Texts;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.PriceWatchRules;
import dev.vbp.domain.pricewatch.Listing;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.pricewatch.ListingChecks;
import dev.vbp.engine.pricewatch.PriceWatchReport;
import dev.vbp.engine.pricewatch.PurchasePrices;
import dev.vbp.read.Dataset;
import dev.vbp.read.Records;
import dev.vbp.output.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

@Command(name = "price-watch",
        description = {"Price monitoring (价格监测) of listed prices (挂网价) and purchases. Flags: rise, a listed unit price up by more",
                "than the threshold from the previous period of its product and region; above_selected, a listed unit price",
                "above k × the selected unit price of its generic and strength in force that day; with ledgers, above_bid, a",
                "selected product bought above its bid price, and above_listed, a product bought above its listed price of",
                "the day. Each flag names the rows behind it. Listed prices come from --listings, else the baseline's dated",
                "rows. Rules and their sources: 'vbp policy show --for instruments'."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp price-watch --listings sample-data/listings.csv --bids sample-data/bids.csv",
                "  vbp price-watch --listings sample-data/listings.csv --bids sample-data/bids.csv --ledger sample-data/ledger.csv --where flag=above_listed --sort=-paid_above --top 5",
                "  vbp price-watch --listings sample-data/listings.csv --bids sample-data/bids.csv --region 四川 --rise-threshold 5%% --max-multiple 2"})
public class PriceWatchCommand extends AnalysisCommand {
    @Mixin DatasetFiles.Listings listingFiles;
    /** Dated rows of the baseline serve as listed prices when there are no listings. */
    @Mixin DatasetFiles.Baseline baselineFiles;
    @Mixin DatasetFiles.Bids bidFiles;
    @Mixin LedgerOptions ledger;
    @Mixin InstrumentsPolicyOptions policyOptions;

    @Option(names = "--region", paramLabel = "REGION", description = "Only listed prices whose region names this one (default: every region).")
    String region;

    @Option(names = "--rise-threshold", paramLabel = "RATE", converter = RateConverter.class,
            description = "Overrides the policy: a rise above this from one period to the next is flagged (e.g. 10%%).")
    BigDecimal riseThreshold;

    @Option(names = "--max-multiple", paramLabel = "K",
            description = "Overrides the policy: a listed unit price above K × the selected unit price is flagged (e.g. 1.5).")
    BigDecimal maxMultiple;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Overrides the policy: day, month or year, the period listed prices are compared by.")
    String period;

    @Option(names = "--fail-on-flag", description = "Exit 1 when anything is flagged.")
    boolean failOnFlag;

    /**
     * Rows as the user knows them: a workspace's listing or baseline copy by the file imported and its row number
     * (the copy keeps the rows in order, not the source's line numbers); a workspace ledger by the file imported
     * (kept as imported, so its line numbers hold).
     */
    private static java.util.function.UnaryOperator<String> userNames(DataSources sources) {
        java.util.Map<String, String> imported = new java.util.HashMap<>();
        for (Dataset d : List.of(Dataset.LISTINGS, Dataset.BASELINE)) {
            List<java.nio.file.Path> files = sources.workspace().files(d);
            var entries = sources.workspace().manifest().entries(d.id());
            for (int i = 0; i < files.size(); i++) imported.put(files.get(i).toString(), entries.get(i).source());
        }
        return where -> {
            int colon = where.lastIndexOf(':');
            if (colon < 0) return where;
            String file = where.substring(0, colon), line = where.substring(colon + 1);
            String source = imported.get(file);
            if (source != null && line.chars().allMatch(Character::isDigit)) return source + " (imported) row " + (Long.parseLong(line) - 1);
            return sources.ledgerName(file).equals(file) ? where : sources.ledgerName(file) + ":" + line;
        };
    }

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        InstrumentsPolicy policy = policyOptions.load();
        if (riseThreshold != null) policy = policy.with("price_watch.rise_threshold", riseThreshold, "--rise-threshold");
        if (maxMultiple != null) {
            if (maxMultiple.compareTo(BigDecimal.ONE) < 0) throw new UsageException("--max-multiple must be 1 or more, not " + maxMultiple.toPlainString());
            policy = policy.with("price_watch.max_multiple_of_selected", maxMultiple, "--max-multiple");
        }
        if (period != null) {
            String p = period.trim().toLowerCase(Locale.ROOT);
            if (!List.of("day", "month", "year").contains(p)) throw new UsageException("--period must be day, month or year, not '" + period + "'");
            policy = policy.with("price_watch.period", p, "--period");
        }
        PriceWatchRules rules = policy.priceWatch();

        // Listed prices stream into per-series sums, listed days and the checks against selected prices, so their
        // rows are never held (a baseline of millions of dated rows serves as listings). The checks need the bids
        // first; the listings are still reported, and fail, first, as when they were read before the bids.
        boolean fromListings = sources.available(listingFiles) || !sources.available(baselineFiles);
        DatasetFiles listed = fromListings ? listingFiles : baselineFiles;
        String listingSource = fromListings ? "the listings dataset; a row without a status is listed (挂网)"
                : "the baseline's rows as listed prices (挂网价), each from its date; a row with a year only is dated 1 January";
        sources.requireAvailable(listed);
        String wanted = region == null ? null : Texts.key(region);
        java.util.function.Predicate<Listing> inRegion = l -> wanted == null || l.region() != null && Texts.key(l.region()).contains(wanted);
        java.util.function.Function<dev.vbp.read.Row, Listing> listing = fromListings ? Records::listing : r -> Listing.of(Records.baseline(r));
        DataSources.Mark beforeBids = sources.mark();
        List<Bid> bids;
        RuntimeException bidsFailed = null;
        try {
            bids = sources.require(bidFiles, Records::bid);
        } catch (RuntimeException e) {
            bids = List.of();
            bidsFailed = e;
        }
        ListingChecks checks = new ListingChecks(bids, rules);
        PurchasePrices.ListedDays days = new PurchasePrices.ListedDays();
        boolean checking = bidsFailed == null;
        sources.recordBefore(beforeBids, () -> sources.stream(listed, listing, l -> {
            if (!checking || !inRegion.test(l)) return;
            checks.add(l);
            days.add(l);
        }));
        if (bidsFailed != null) throw bidsFailed; // the listings read well: the bids' error is the first
        if (checks.rowsWanted()) {
            sources.streamAgain(listed, listing, l -> {
                if (inRegion.test(l)) checks.collect(l);
            });
        }
        checks.finish();
        PurchasePrices purchases = null;
        if (sources.available(Dataset.LEDGER, ledger.files)) {
            PurchasePrices.References refs = new PurchasePrices.References(bids, days, rules.tolerance());
            LedgerResult<PurchasePrices> scanned = scan(sources.ledgerScan(ledger), () -> new PurchasePrices(refs));
            purchases = scanned.aggregate();
        }
        Report report = PriceWatchReport.of(checks, purchases, bids, userNames(sources));
        if (region != null) report.parameter("region", region);
        report.assumption("price_watch", policy.assumptions("price_watch"));
        report.assumption("listed_prices", listingSource);
        report.assumption("prices", "listing flags compare unit prices (per minimum unit); purchase flags pack prices (a ledger line and its bid or listing are one pack)");
        report.assumption("rise", "per product (code, else name, form, strength and manufacturer) and region: the mean listed unit price"
                + " of each period against the previous period that has one; flagged when now / before > 1 + rise_threshold");
        report.assumption("above_selected", "a listed unit price against the " + rules.reference().name().toLowerCase(Locale.ROOT)
                + " unit price of the selected bids of its generic and strength whose cycle includes the listing's day; flagged above max_multiple_of_selected ×");
        if (purchases != null) {
            report.assumption("purchases", "pack price of a line (its unit price, else amount / quantity) against the bid price of a selected"
                    + " product on a day of its cycle, and against the listed pack price of the day (latest listing on or before it; several"
                    + " regions: the highest); flagged above the reference + tolerance; paid above = Σ (price − reference) × packs;"
                    + " listings name products by code for this check");
        }
        return new Outcome(report, failOnFlag && !report.rows().isEmpty());
    }
}
