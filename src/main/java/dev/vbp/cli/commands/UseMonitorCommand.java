package dev.vbp.cli.commands;

import dev.vbp.cli.AnalysisCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.cli.options.InstrumentsPolicyOptions;
import dev.vbp.cli.options.LedgerOptions;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Institution;
import dev.vbp.domain.Texts;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.errors.BadInputException;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.engine.ledger.LineFilter;
import dev.vbp.engine.usemonitor.UseLookup;
import dev.vbp.engine.usemonitor.UseMonitorReports;
import dev.vbp.engine.usemonitor.SupplySums;
import dev.vbp.engine.usemonitor.UseSums;
import dev.vbp.output.Report;
import dev.vbp.read.Records;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "use-monitor",
        description = {"Use monitoring of VBP drugs (集采药品使用监测) from the ledgers. share: per institution × generic × month from",
                "its first cycle, the selected products' share of the generic's purchases (中选产品使用比例), its change on the",
                "month before, and 'short' below the minimum share. substitution: per institution × therapeutic class (the",
                "class characters of the drug code), non-VBP drugs of the class bought in the months before and after the",
                "cycle started, flagged when they grow while the selected products fall short. supply (供应量): per selected firm ×",
                "generic, the packs ordered and delivered from ledger lines that say so (a delivered quantity 配送数量 or a status",
                "配送状态: a platform's order export is such a ledger) and the delivery rate, 'short' below the minimum.",
                "Rules: 'vbp policy show --for instruments'."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp use-monitor --bids sample-data/bids.csv --ledger sample-data/ledger.csv --institutions sample-data/institutions.csv --generic 奥氮平片 --institution H51340100001",
                "  vbp use-monitor --bids sample-data/bids.csv --ledger sample-data/ledger.csv --ledger sample-data/non-vbp-ledger.csv --institutions sample-data/institutions.csv --show substitution",
                "  vbp use-monitor --bids sample-data/bids.csv --ledger sample-data/deliveries.csv --show supply"})
public class UseMonitorCommand extends AnalysisCommand {
    @Mixin DatasetFiles.Bids bidFiles;
    @Mixin DatasetFiles.Institutions institutionFiles;
    @Mixin LedgerOptions ledger;
    @Mixin InstrumentsPolicyOptions policyOptions;

    @Option(names = "--show", paramLabel = "VIEW", defaultValue = "share",
            description = "share: the selected share per institution × generic × month; substitution: non-VBP drugs of each class before and after;"
                    + " supply: delivery rate per selected firm × generic (default: ${DEFAULT-VALUE}).")
    String show;

    @Option(names = "--generic", paramLabel = "NAME", description = "Only this generic (name with its dosage form; repeatable).")
    List<String> generics = new ArrayList<>();

    @Option(names = "--institution", paramLabel = "CODE", description = "Only this institution (repeatable).")
    List<String> only = new ArrayList<>();

    static final List<String> VIEWS = List.of("share", "substitution", "supply");

    @Override
    protected Outcome analyse() {
        DataSources sources = sources();
        InstrumentsPolicy policy = policyOptions.load();
        String view = show.trim().toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(view)) throw new UsageException("--show must be one of " + String.join(", ", VIEWS) + ", not '" + show + "'");
        int classFrom = policy.whole("use_monitor.class_from"), classTo = policy.whole("use_monitor.class_to");
        if (classTo < classFrom) throw new UsageException("use_monitor.class_to (" + classTo + ") is before class_from (" + classFrom + ")");
        List<Bid> bids = sources.require(bidFiles, Records::bid);
        if (!generics.isEmpty()) {
            List<String> wanted = generics.stream().map(Texts::key).toList();
            bids = bids.stream().filter(b -> wanted.contains(Texts.key(b.key().fullName())) || wanted.contains(Texts.key(b.genericName()))).toList();
            if (bids.isEmpty()) throw new UsageException("no bids of " + String.join(", ", generics));
        }
        UseLookup lookup = new UseLookup(bids, classFrom, classTo);
        if (lookup.generics().isEmpty()) throw new UsageException("no selected bids: nothing to monitor");
        if (view.equals("supply")) return supply(sources, lookup, policy);
        Map<String, Institution> institutions = new HashMap<>();
        sources.optional(institutionFiles, Records::institution).forEach(i -> institutions.put(i.code(), i));
        LedgerResult<UseSums> scanned = scan(ledgerScan(sources), () -> new UseSums(lookup));
        UseSums sums = scanned.aggregate();
        UseMonitorReports.Rules rules = new UseMonitorReports.Rules(policy.number("use_monitor.min_selected_share"),
                policy.choice("use_monitor.share_basis").equals("units"), policy.whole("use_monitor.substitution_months"),
                policy.number("use_monitor.substitution_growth"));
        Report report = view.equals("share") ? UseMonitorReports.shares(lookup, sums, institutions, rules)
                : UseMonitorReports.substitution(lookup, sums, institutions, rules);
        report.parameter("show", view);
        if (!generics.isEmpty()) report.parameter("generic", generics);
        if (!only.isEmpty()) report.parameter("institution", only);
        report.assumption("use_monitor", policy.assumptions("use_monitor"));
        report.assumption("selected", "a product counts as selected from its selected bid's cycle start on (after the cycle ends too: continued supply)");
        report.assumption("generic", "a generic is name and dosage form (the strengths together); its purchases are the products the bids name, and ledger lines of its name");
        if (view.equals("substitution")) {
            report.assumption("non_vbp", "a drug whose code's class characters are those of a VBP generic's selected product, and that is no product of a VBP generic;"
                    + " amounts (units of different drugs do not add); before = the substitution_months before the class's first cycle start, after = as many from it");
            report.assumption("flag", "substitution when non-VBP amount after / before − 1 > substitution_growth (or it started from nothing) and the selected share of the class's VBP generics after the start < min_selected_share");
        }
        return Outcome.of(report);
    }

    /** The ledger scan, of the --institution codes only when given (the others count as outside the selection). */
    private LedgerScan ledgerScan(DataSources sources) {
        LedgerScan scan = sources.ledgerScan(ledger);
        return only.isEmpty() ? scan : scan.filter(LineFilter.all().institutions(only));
    }

    private Outcome supply(DataSources sources, UseLookup lookup, InstrumentsPolicy policy) {
        LedgerResult<SupplySums> scanned = scan(ledgerScan(sources), () -> new SupplySums(lookup));
        SupplySums sums = scanned.aggregate();
        if (sums.sums().isEmpty()) {
            // A rate of nothing would read as "no shortfall": say why there is none instead.
            throw new BadInputException(sums.withoutDelivery() > 0
                    ? "no ledger line of a selected product says what was delivered: supply needs a delivered quantity (配送数量) or a delivery status (配送状态) column"
                    : "no ledger line orders a selected product" + (only.isEmpty() ? "" : " at " + String.join(", ", only))
                    + " from its cycle start on: nothing to measure supply by");
        }
        Report report = UseMonitorReports.supply(lookup, sums, policy.number("use_monitor.min_delivery_rate"));
        report.parameter("show", "supply");
        if (!generics.isEmpty()) report.parameter("generic", generics);
        if (!only.isEmpty()) report.parameter("institution", only);
        report.assumption("use_monitor", policy.assumptions("use_monitor"));
        report.assumption("supply", "per selected firm (the manufacturer of the product's selected bid) × generic: packs ordered and delivered on ledger lines"
                + " from the product's cycle start on; a delivered quantity counts as given, a status as all (已配送) or nothing (未配送); delivery rate = delivered / ordered");
        report.assumption("left_out", "lines without delivery information, returns, lines before the cycle start ("
                + sums.beforeCycle() + ") and products no selected bid names");
        return Outcome.of(report);
    }
}
