package dev.vbp.cli;

import dev.vbp.cli.options.GlobalOptions;
import dev.vbp.cli.options.ResultTableOptions;
import dev.vbp.cli.shell.SessionCache;
import dev.vbp.output.view.ViewException;
import dev.vbp.engine.ledger.LedgerAggregate;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;
import dev.vbp.output.OutputFile;
import dev.vbp.engine.ledger.LedgerScanner;
import dev.vbp.engine.ledger.ProgressListener;
import dev.vbp.output.RenderOptions;
import dev.vbp.output.Renderer;
import dev.vbp.output.Renderers;
import dev.vbp.output.Report;
import dev.vbp.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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

    /**
     * Prints the report in the chosen format, after the result-table options of the command (if it has
     * them: {@link ResultTableOptions}) picked, filtered, ordered or cross-tabulated its rows; to --out when
     * given. Tables fit the terminal's width when stdout is one. Under {@code vbp report} the whole report
     * goes to the collecting context instead.
     */
    protected void render(Report full) {
        if (ctx().reports() != null) {
            ctx().reports().accept(full);
            return;
        }
        GlobalOptions g = global();
        SessionCache.columns(spec.qualifiedName(" ").replaceFirst("^vbp ?", ""), full.columns().stream().map(c -> c.key()).toList());
        Report view = full;
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof ResultTableOptions options) {
                try {
                    view = options.view().apply(full);
                } catch (ViewException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        Report report = view;
        boolean toTerminal = g.out == null;
        boolean color = ctx().color() && !g.noColor && toTerminal;
        Renderer renderer = Renderers.of(new RenderOptions(g.format, g.lang(), color, g.bom, g.precision, toTerminal ? ctx().width() : 0, g.csvHeaders()));
        emit(renderer.binary(), out -> renderer.write(report, out), () -> renderer.render(report, ctx().out()));
        if (g.format == dev.vbp.output.Format.CSV) {
            // CSV holds rows only; what a reader must know still reaches the person running the command.
            report.warnings().forEach(w -> note(g.lang().pick("vbp: warning: ", "vbp：警告：") + dev.vbp.output.Texts.sentence(w, g.lang())));
        }
    }

    /**
     * Sends a command's output where --out says: a file written whole or not at all, else stdout. Bytes
     * (xlsx) go to stdout only when it is redirected; a terminal gets a usage error instead of a workbook.
     */
    protected void emit(boolean binary, OutputFile.Content content, Runnable toText) {
        Path out = global().out;
        try {
            if (out != null && !out.toString().equals("-")) {
                Path target = ctx().cwd().resolve(out);
                Path dir = target.toAbsolutePath().getParent();
                if (dir != null && !Files.isDirectory(dir)) throw new UsageException("--out " + out + ": no directory " + dir.getFileName() + " to write into");
                if (Files.isDirectory(target)) throw new UsageException("--out " + out + " is a directory; name a file");
                OutputFile.write(target, content);
            } else if (binary) {
                OutputStream stdout = ctx().binaryOut();
                if (stdout == null || ctx().stdoutTerminal()) {
                    throw new UsageException("--format " + global().format.name().toLowerCase(Locale.ROOT)
                            + " writes a binary file: pass --out FILE, or redirect stdout (> FILE)");
                }
                ctx().out().flush();
                content.writeTo(stdout);
                stdout.flush();
            } else {
                toText.run();
                ctx().out().flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a ledger scan, drawing progress on stderr when it is a terminal and --quiet is off. */
    protected <A extends LedgerAggregate<A>> LedgerResult<A> scan(LedgerScan scan, Supplier<A> aggregate) {
        // In the shell, the same scan on unchanged files is answered from the last run.
        return SessionCache.scan(scan, aggregate, () -> runScan(scan, aggregate));
    }

    private <A extends LedgerAggregate<A>> LedgerResult<A> runScan(LedgerScan scan, Supplier<A> aggregate) {
        // the one seam where a command gets its ledger result: vbp-spark swaps in a scanner that runs on a cluster
        LedgerScanner scanner = ((VbpCommand) spec.root().userObject()).ledgerScanner;
        if (!ctx().progress() || global().quiet) return scanner.run(scan, aggregate, ProgressListener.NONE);
        ProgressPrinter printer = new ProgressPrinter(ctx().err(), global().lang());
        try {
            return scanner.run(scan, aggregate, printer);
        } finally {
            printer.finish();
        }
    }

    /** A note for people (not for scripts) on stderr, in the language of --lang; silent with --quiet. */
    protected void note(String text) {
        if (!global().quiet) {
            ctx().err().println(dev.vbp.output.Texts.sentence(text, global().lang()));
            ctx().err().flush();
        }
    }
}
