package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.shell.Shell;
import picocli.CommandLine.Command;

@Command(name = "shell",
        description = {"An interactive shell on one workspace: every vbp command, one per line, without the leading 'vbp'.",
                "Files stay parsed and ledger scans are kept while the files are unchanged, so the next question",
                "on the same data answers in milliseconds. Tab completes commands, options, values and file names;",
                "history is kept in the workspace directory; Ctrl-C cancels a running command, Ctrl-D leaves.",
                "Shell settings: 'set format json', 'set lang zh', 'set timing on' (each command's time), 'use DIR' (another workspace).",
                "Reading a file (vbp shell < queries.vbp) it runs every line and exits with the first failure's code."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vbp shell",
                "  vbp shell < queries.vbp > answers.txt"})
public class ShellCommand extends BaseCommand {
    @Override
    protected int execute() throws Exception {
        return new Shell(ctx(), workspace().root(), global().format == dev.vbp.output.Format.TABLE ? null : global().format,
                global().lang, global().lang()).run();
    }
}
