package dev.vbp.cli;

import java.util.Map;

import dev.vbp.cli.commands.ColumnsCommand;
import dev.vbp.cli.commands.CompletionCommand;
import dev.vbp.cli.commands.DemoCommand;
import dev.vbp.cli.commands.DualChannelCommand;
import dev.vbp.cli.commands.ImportCommand;
import dev.vbp.cli.commands.PrepaymentCommand;
import dev.vbp.cli.commands.PriceDropCommand;
import dev.vbp.cli.commands.OnlineRateCommand;
import dev.vbp.cli.commands.PaymentStandardCommand;
import dev.vbp.cli.commands.PriceWatchCommand;
import dev.vbp.cli.commands.UseMonitorCommand;
import dev.vbp.cli.commands.PolicyCommand;
import dev.vbp.cli.commands.ReportCommand;
import dev.vbp.cli.commands.RetainedSavingsCommand;
import dev.vbp.cli.commands.SampleCommand;
import dev.vbp.cli.commands.SavingsCommand;
import dev.vbp.cli.commands.ShellCommand;
import dev.vbp.cli.commands.StatusCommand;
import dev.vbp.cli.commands.TargetsCommand;
import dev.vbp.cli.commands.ValidateCommand;
import dev.vbp.cli.commands.VolumeCommand;
import dev.vbp.cli.options.GlobalOptions;
import dev.vbp.engine.ledger.LedgerScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The root command. A new subcommand goes into {@link #SUBCOMMANDS} here and gets a page in commands/.
 * They are listed here and not in {@code @Command(subcommands = ...)} so that {@link VbpCli} can build the
 * model of just the one a command line names: reading every command's annotations is most of start-up.
 */
@Command(name = "vbp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Analyse China's volume-based procurement (集中带量采购) from flat files: price drops, savings,",
                "retained-savings incentives, online-purchase rates, agreed-volume completion, dual-channel coverage.",
                ""},
        footerHeading = "%nExamples (run every analysis on sample-data/, then one on its own):%n",
        footer = {
                "  vbp demo",
                "  vbp price-drop --bids sample-data/bids.csv --baseline sample-data/baseline.csv --base-period 2017 --by batch"})
public class VbpCommand implements Callable<Integer> {
    /** Every subcommand, in the order help lists them. */
    public static final List<Class<?>> SUBCOMMANDS = List.of(
            ImportCommand.class,
            ValidateCommand.class,
            StatusCommand.class,
            ColumnsCommand.class,
            PriceDropCommand.class,
            SavingsCommand.class,
            OnlineRateCommand.class,
            VolumeCommand.class,
            RetainedSavingsCommand.class,
            PolicyCommand.class,
            DualChannelCommand.class,
            PaymentStandardCommand.class,
            PrepaymentCommand.class,
            TargetsCommand.class,
            PriceWatchCommand.class,
            UseMonitorCommand.class,
            ReportCommand.class,
            SampleCommand.class,
            DemoCommand.class,
            ShellCommand.class,
            CompletionCommand.class,
            HelpCommand.class);

    @Mixin
    public GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    /** Set by {@link VbpCli} before execution. */
    CliContext context;

    /** How commands run their ledger scans: on this machine, unless an entry point (vbp-spark) puts in its own. */
    LedgerScanner ledgerScanner = LedgerScanner.LOCAL;

    public void ledgerScanner(LedgerScanner scanner) {
        ledgerScanner = scanner == null ? LedgerScanner.LOCAL : scanner;
    }

    /**
     * Arguments the user wrote as URIs ({@code hdfs://nn/ledgers/}), keyed by the path picocli made of each
     * ({@code hdfs:/nn/ledgers}): reports and messages name them, and the files under them, as written. Set by
     * an entry point whose scanner reads such inputs (vbp-spark).
     */
    Map<String, String> inputsAsWritten = Map.of();

    public void inputsAsWritten(Map<String, String> asWritten) {
        inputsAsWritten = Map.copyOf(asWritten);
    }

    @Override
    public Integer call() {
        return GroupUsage.missingSubcommand(spec.commandLine());
    }
}
