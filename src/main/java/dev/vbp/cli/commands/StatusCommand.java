package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.options.ResultTableOptions;
import dev.vbp.cli.ExitCodes;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;
import dev.vbp.workspace.Manifest;
import dev.vbp.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "status",
        description = "Show what the workspace holds: each dataset's imported files, rows accepted and rejected, and when.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp import bids sample-data/bids.csv",
                "  vbp status",
                "  vbp status --format json"})
public class StatusCommand extends BaseCommand {
    @Mixin ResultTableOptions resultTable;
    @Override
    protected int execute() {
        Workspace ws = workspace();
        Report report = new Report("status", List.of(
                new Column("dataset", "Dataset", "数据集", ValueKind.TEXT),
                new Column("source", "Imported from", "来源文件", ValueKind.TEXT),
                new Column("rows_accepted", "Rows", "行数", ValueKind.INTEGER),
                new Column("rows_rejected", "Rejected", "拒收", ValueKind.INTEGER),
                new Column("encoding", "Encoding", "编码", ValueKind.TEXT),
                new Column("imported_at", "Imported at", "导入时间", ValueKind.TEXT),
                new Column("sha256", "SHA-256", "SHA-256", ValueKind.CODE)));
        report.parameter("workspace", ws.root().toString());
        Manifest m = ws.manifest();
        long files = 0;
        for (var entry : m.datasets().entrySet()) {
            for (Manifest.Entry e : entry.getValue()) {
                report.row(entry.getKey(), e.source(), e.rowsAccepted(), e.rowsRejected(), e.encoding(), e.importedAt(),
                        e.sha256().substring(0, 12));
                files++;
            }
        }
        report.summary("datasets", "Datasets", "数据集数", ValueKind.INTEGER, m.datasets().size());
        report.summary("files", "Files", "文件数", ValueKind.INTEGER, files);
        if (!ws.exists()) report.warning("no workspace at " + ws.root() + " yet; 'vbp import DATASET FILE' creates it");
        render(report);
        return ExitCodes.OK;
    }
}
