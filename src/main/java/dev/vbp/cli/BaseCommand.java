package dev.vbp.cli;

import dev.vbp.cli.options.GlobalOptions;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.RenderOptions;
import dev.vbp.output.Renderers;
import dev.vbp.output.Report;
import dev.vbp.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What every subcommand shares: access to the inherited global options, the injected context, the
 * workspace, and rendering a report in the chosen format. Subclasses implement {@link #execute()} and
 * return an exit code from {@link ExitCodes}.
 */
// Every subcommand gets -h/--help and -V/--version; @Command also lets the annotation processor accept @Spec here.
@Command(mixinStandardHelpOptions = true)
public abstract class BaseCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected abstract int execute() throws Exception;

    @Override
    public final Integer call() throws Exception {
        rejectEmptyListItems();
        return execute();
    }

    /**
     * picocli drops the empty pieces of a split option ({@code --by ,,,} reads as no --by at all, so the
     * default applies unasked); an empty piece is a usage error instead, for every list option alike.
     */
    private void rejectEmptyListItems() {
        for (picocli.CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (o.splitRegex() == null || o.splitRegex().isEmpty()) continue;
            for (String given : o.originalStringValues()) {
                for (String piece : given.split(o.splitRegex(), -1)) {
                    if (piece.isBlank()) {
                        throw new UsageException(o.longestName() + ": empty item in '" + dev.vbp.errors.Echo.cap(given)
                                + "'; give the values separated by commas, e.g. " + o.longestName() + " a,b");
                    }
                }
            }
        }
    }

    protected GlobalOptions global() {
        return ((VbpCommand) spec.root().userObject()).global;
    }

    protected CliContext ctx() {
        return ((VbpCommand) spec.root().userObject()).context;
    }

    protected Workspace workspace() {
        Workspace ws = Workspace.locate(global().workspace, ctx().cwd(), ctx().env());
        if (java.nio.file.Files.exists(ws.root()) && !java.nio.file.Files.isDirectory(ws.root())) {
            throw new UsageException(ws.root() + " is a file, not a workspace; name a directory with --workspace DIR"
                    + " (the first import creates it)");
        }
        return ws;
    }

    protected void render(Report report) {
        GlobalOptions g = global();
        Renderers.of(new RenderOptions(g.format, g.lang(), ctx().color(), g.bom)).render(report, ctx().out());
        ctx().out().flush();
        if (g.format == dev.vbp.output.Format.CSV) {
            // CSV holds rows only; what a reader must know still reaches the person running the command.
            report.warnings().forEach(w -> note("vbp: warning: " + w));
        }
    }

    /** Runs a ledger scan, drawing progress on stderr when it is a terminal and --quiet is off. */
    protected <A extends LedgerAggregate<A>> LedgerResult<A> scan(LedgerScan scan, Supplier<A> aggregate) {
        if (!ctx().progress() || global().quiet) return scan.run(aggregate);
        ProgressPrinter printer = new ProgressPrinter(ctx().err());
        try {
            return scan.progress(printer).run(aggregate);
        } finally {
            printer.finish();
        }
    }

    /** A note for people (not for scripts) on stderr; silent with --quiet. */
    protected void note(String text) {
        if (!global().quiet) {
            ctx().err().println(text);
            ctx().err().flush();
        }
    }
}
