package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import dev.vbp.read.PolicyFile;
import dev.vbp.domain.retention.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "policy",
        description = "Retained-savings policy files: print the default, or check one.",
        subcommands = {PolicyCommand.Show.class, PolicyCommand.Check.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vbp policy show > my-policy.yaml", "  vbp policy check sample-data/policy.yaml"})
public class PolicyCommand extends BaseCommand {
    @Override
    protected int execute() {
        spec.commandLine().usage(ctx().out());
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Print the default policy with a comment on every key (valid input for 'check').",
            footerHeading = "%nExample:%n", footer = "  vbp policy show > my-policy.yaml")
    public static class Show extends BaseCommand {
        @Override
        protected int execute() {
            ctx().out().print(PolicyFile.DEFAULT_TEXT);
            ctx().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = {"Check a policy file: unknown keys, wrong types, ratios outside 0–1, score bands",
            "that overlap or leave gaps. Prints 'file:line: ...' and exits 3 on the first error."},
            footerHeading = "%nExample:%n", footer = "  vbp policy check sample-data/policy.yaml")
    public static class Check extends BaseCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
        Path file;

        @Override
        protected int execute() {
            RetentionPolicy p = PolicyFile.load(file);
            note(file + ": ok");
            p.settings().forEach((k, v) -> note("  " + k + ": " + v));
            return ExitCodes.OK;
        }
    }
}
