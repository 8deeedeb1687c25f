package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.options.ResultTableOptions;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.options.DatasetIds;
import dev.vbp.cli.options.InputOptions;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;
import dev.vbp.read.Dataset;
import dev.vbp.output.Lang;
import dev.vbp.output.Texts;
import dev.vbp.workspace.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "import",
        description = {"Import files of a dataset into the workspace, in canonical form, atomically.",
                "Importing the same file again changes nothing; --replace swaps the dataset's files for the ones given.",
                "Rejected rows are kept, with their reasons, in the workspace's rejects/ folder.",
                "",
                "Workbooks: .xlsx (read by streaming), .xls and the HTML tables platforms save under a .xls name are told",
                "apart by content, for every dataset, ledgers included. --sheet NAME|N picks the sheet (default: the first;",
                "import sheet by sheet). Cells are taken as the sheet stores them: a code typed as a number keeps its digits",
                "(a number of 16 or more digits, which Excel cannot hold, is refused), dates are dates, text is text; a",
                "value merged down over rows (a generic name written once for its products) belongs to every row. Rejects",
                "and errors name the cell: bids.xlsx!Sheet1!E17. A ledger workbook is kept in the workspace as the CSV of",
                "its sheet."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp import bids sample-data/bids.csv",
                "  vbp import bids sample-data/bids-gb18030.csv --replace",
                "  vbp import bids sample-data/bids-custom-headers.csv --map sample-data/mapping-example.yaml"})
public class ImportCommand extends BaseCommand {
    @Mixin ResultTableOptions resultTable;
    @Parameters(index = "0", paramLabel = "DATASET", descriptionKey = "dataset.id", completionCandidates = DatasetIds.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String dataset;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "import.files", description = "Files to import.")
    List<Path> files;

    @Mixin InputOptions input;

    @Option(names = "--replace", description = "Replace the dataset's files instead of adding to them.")
    boolean replace;

    @Override
    protected int execute() {
        Dataset d = DatasetIds.parse(dataset);
        input.checkMappingsApplyTo(d);
        Importer.Outcome outcome;
        try {
            outcome = new Importer(ctx().clock()).importFiles(workspace(), d, files, input.settings(), replace, input.maxRejects());
        } catch (Importer.TooManyRejectsException e) {
            // One clear line, then the first reasons, so the user can fix the file without another command.
            Lang lang = global().lang();
            ctx().err().println(lang.pick("vbp: error: ", "vbp：错误：") + Texts.sentence(e.getMessage(), lang));
            e.rejects().stream().skip(1).limit(9).forEach(r -> ctx().err().println("  " + Texts.sentence(r.message(), lang)));
            if (e.rejects().size() > 10) {
                ctx().err().println("  " + Texts.sentence("... " + (e.rejects().size() - 10) + " more: vbp validate " + d.id() + " FILE lists them all", lang));
            }
            ctx().err().flush();
            return ExitCodes.BAD_INPUT;
        }
        render(report(outcome));
        return ExitCodes.OK;
    }

    static Report report(Importer.Outcome outcome) {
        Report report = new Report("import", List.of(
                new Column("dataset", "Dataset", "数据集", ValueKind.TEXT),
                new Column("source", "File", "文件", ValueKind.TEXT),
                new Column("status", "Status", "状态", ValueKind.TEXT),
                new Column("encoding", "Encoding", "编码", ValueKind.TEXT),
                new Column("rows_accepted", "Accepted", "接收行数", ValueKind.INTEGER),
                new Column("rows_rejected", "Rejected", "拒收行数", ValueKind.INTEGER),
                new Column("rejects_file", "Rejects file", "拒收明细", ValueKind.TEXT)));
        report.parameter("dataset", outcome.dataset().id()).parameter("replace", outcome.replaced())
                .parameter("workspace", outcome.workspace().toString());
        long accepted = 0, rejected = 0;
        for (Importer.FileOutcome f : outcome.files()) {
            report.row(outcome.dataset().id(), f.source(), f.status().name().toLowerCase(), f.encoding(),
                    f.accepted(), f.rejected(), f.rejectsFile());
            accepted += f.accepted();
            rejected += f.rejected();
            f.rejects().stream().limit(10).forEach(r -> report.warning(r.message()));
            if (f.rejects().size() > 10) report.warning((f.rejects().size() - 10) + " more rejected rows in " + f.rejectsFile());
            f.warnings().stream().limit(10).forEach(report::warning);
        }
        report.summary("rows_accepted", "Rows accepted", "接收行数", ValueKind.INTEGER, accepted);
        report.summary("rows_rejected", "Rows rejected", "拒收行数", ValueKind.INTEGER, rejected);
        report.summary("workspace_changed", "Workspace changed", "工作区已更新", ValueKind.FLAG, outcome.changed());
        return report;
    }
}
