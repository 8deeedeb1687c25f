package dev.vbp.cli;

import dev.vbp.cli.options.InputOptions;
import dev.vbp.cli.options.ResultTableOptions;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.Report;
import dev.vbp.read.InputSource;
import picocli.CommandLine.Mixin;

import java.util.function.Supplier;

/**
 * The template of every analysis command. A subclass declares its dataset options as mixins
 * ({@code @Mixin DatasetFiles.Bids bids}), reads them through {@link #sources()}, scans ledgers with
 * {@link #scan}, and returns its {@link Report} from {@link #analyse()}. This class then attaches what the
 * figures rest on (each dataset's source, each ledger scan's lines and files, every reading warning) and
 * renders the report, so no analysis can forget to say what it read or left out.
 */
public abstract class AnalysisCommand extends BaseCommand {
    /** Encoding, delimiter, mapping files, code checks and the reject tolerance, shared by every analysis. */
    @Mixin
    protected InputOptions input;

    /** --where, --sort, --top, --columns, --pivot: applied to the report when it is rendered. */
    @Mixin
    protected ResultTableOptions resultTable;

    private DataSources sources;

    /** What an analysis produced: its report, and whether a check it was asked for (--fail-under) failed. */
    public record Outcome(Report report, boolean checkFailed) {
        public static Outcome of(Report report) {
            return new Outcome(report, false);
        }
    }

    /** Builds the report; never renders it (this class does). */
    protected abstract Outcome analyse() throws Exception;

    @Override
    protected final int execute() throws Exception {
        Outcome outcome = analyse();
        sources().describe(outcome.report());
        render(outcome.report());
        return outcome.checkFailed() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    /** The datasets of this run: files named on the command line, else the workspace. */
    protected final DataSources sources() {
        if (sources == null) {
            sources = input.sources(workspace(), new InputSource(ctx()::in))
                    .asWritten(((VbpCommand) spec.root().userObject()).inputsAsWritten);
        }
        return sources;
    }

    /**
     * A gate never passes on data it could not read: when {@code --fail-under} is given but the figure it
     * tests could not be computed, the command ends with exit 3 and the reason instead of passing.
     *
     * @param failUnder the gate, or null when none was asked for
     * @param figure    what the gate tests, e.g. "online rate"
     * @param why       why it could not be computed, e.g. "no ledger line has a channel"
     */
    protected static void gateNeedsData(java.math.BigDecimal failUnder, boolean computed, String figure, String why) {
        if (failUnder != null && !computed) {
            throw new dev.vbp.errors.BadInputException("--fail-under " + dev.vbp.output.DisplayText.percent(failUnder)
                    + ": the " + figure + " could not be computed (" + why + "); a gate never passes on no data");
        }
    }

    /** Runs a ledger scan (with progress) and records it, so the report says what it read and left out. */
    @Override
    protected <A extends LedgerAggregate<A>> LedgerResult<A> scan(LedgerScan scan, Supplier<A> aggregate) {
        LedgerResult<A> result;
        try {
            result = super.scan(scan, aggregate);
        } catch (dev.vbp.errors.BadInputException e) {
            throw sources().named(e); // the user's names (standard input "-"), not the copies read
        }
        sources().scanned(result);
        return result;
    }
}
