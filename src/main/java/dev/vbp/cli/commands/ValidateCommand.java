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
import dev.vbp.read.ReadSettings;
import dev.vbp.read.Reject;
import dev.vbp.workspace.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "validate",
        description = {"Check files of a dataset as 'import' would, without writing anything.",
                "Lists every rejected row with file:line:column and the reason; exit 3 when more than --max-rejects rows are rejected."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp validate bids sample-data/bids.csv",
                "  vbp validate baseline sample-data/baseline.csv --format json"})
public class ValidateCommand extends BaseCommand {
    @Mixin ResultTableOptions resultTable;
    @Parameters(index = "0", paramLabel = "DATASET", descriptionKey = "dataset.id", completionCandidates = DatasetIds.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String dataset;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "validate.files", description = "Files to check.")
    List<Path> files;

    @Mixin InputOptions input;

    @Override
    protected int execute() {
        Dataset d = DatasetIds.parse(dataset);
        input.checkMappingsApplyTo(d);
        ReadSettings settings = input.settings();
        Report report = new Report("validate", List.of(
                new Column("source", "File", "文件", ValueKind.TEXT),
                new Column("line", "Line", "行", ValueKind.INTEGER),
                new Column("column", "Column", "列", ValueKind.INTEGER),
                new Column("field", "Field", "字段", ValueKind.TEXT),
                new Column("reason", "Reason", "原因", ValueKind.TEXT)));
        report.parameter("dataset", d.id()).parameter("max_rejects", input.maxRejects());
        long accepted = 0, rejected = 0;
        for (Path f : files) {
            Importer.Checked c = Importer.check(f, d, settings);
            accepted += c.accepted();
            rejected += c.rejected();
            for (Reject rej : c.rejects()) {
                report.row(rej.source(), rej.line(), rej.column() > 0 ? rej.column() : null, rej.field(), rej.reason());
            }
            report.assumption("read_" + f.getFileName(), c.encoding() + ", " + c.delimiter() + ", columns " + c.columns());
            c.warnings().forEach(report::warning);
        }
        report.summary("rows_accepted", "Rows accepted", "接收行数", ValueKind.INTEGER, accepted);
        report.summary("rows_rejected", "Rows rejected", "拒收行数", ValueKind.INTEGER, rejected);
        render(report);
        return input.maxRejects() >= 0 && rejected > input.maxRejects() ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
