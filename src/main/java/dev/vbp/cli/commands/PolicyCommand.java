package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import dev.vbp.read.PolicyFile;
import dev.vbp.domain.retention.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.nio.file.Path;
import java.util.List;

@Command(name = "policy",
        description = "Retained-savings policy files: print the default, or check one.",
        subcommands = {PolicyCommand.Show.class, PolicyCommand.Check.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vbp policy show > my-policy.yaml", "  vbp policy check sample-data/policy.yaml"})
public class PolicyCommand extends BaseCommand {
    @Override
    protected int execute() {
        return dev.vbp.cli.GroupUsage.missingSubcommand(spec.commandLine());
    }

    @Command(name = "show", description = "Print the default policy with a comment on every key (valid input for 'check').",
            footerHeading = "%nExample:%n", footer = "  vbp policy show > my-policy.yaml")
    public static class Show extends BaseCommand {
        @Override
        protected int execute() throws java.io.IOException {
            switch (global().format) {
                // JSON is YAML too: the JSON document is valid input for 'check' as the commented file is.
                case JSON -> text(PolicyFile.defaultAsJson());
                case TABLE -> text(PolicyFile.DEFAULT_TEXT);
                default -> render(settings("policy show", RetentionPolicy.defaults()));
            }
            return ExitCodes.OK;
        }

        private void text(String text) {
            emit(false, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), () -> ctx().out().print(text));
        }
    }

    /** A policy's settings as rows (setting, value), for the formats that hold rows. */
    static Report settings(String command, RetentionPolicy p) {
        Report report = new Report(command, List.of(
                new Column("setting", "Setting", "设置", ValueKind.CODE),
                new Column("value", "Value", "取值", ValueKind.TEXT)));
        p.settings().forEach((k, v) -> report.row(k, v instanceof List<?> l
                ? String.join("; ", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        return report;
    }

    @Command(name = "check", description = {"Check a policy file: unknown keys, wrong types, ratios outside 0–1, score bands",
            "that overlap or leave gaps. Prints 'file:line: ...' and exits 3 on the first error."},
            footerHeading = "%nExample:%n", footer = "  vbp policy check sample-data/policy.yaml")
    public static class Check extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "policy.check.file", description = "The policy file (YAML).")
        Path file;

        @Override
        protected int execute() {
            RetentionPolicy p = PolicyFile.load(file);
            note(file + ": ok");
            Report report = settings("policy check", p);
            report.parameter("file", file.toString());
            render(report);
            return ExitCodes.OK;
        }
    }
}
