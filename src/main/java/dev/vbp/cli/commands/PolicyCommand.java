package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import dev.vbp.domain.instruments.InstrumentRules;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.PolicyRule;
import dev.vbp.domain.instruments.TargetSet;
import dev.vbp.read.InstrumentsPolicyFile;
import dev.vbp.read.PolicyFile;
import dev.vbp.domain.retention.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "policy",
        description = {"Policy files: print the default, or check one. Two kinds: retention (retained savings, 结余留用) and",
                "instruments (payment standard, prepayment, use monitoring, price watch and landing targets)."},
        subcommands = {PolicyCommand.Show.class, PolicyCommand.Check.class},
        footerHeading = "%nExamples:%n",
        footer = {"  vbp policy show > my-policy.yaml", "  vbp policy check sample-data/policy.yaml",
                "  vbp policy show --for instruments > my-instruments.yaml", "  vbp policy check --for instruments sample-data/instruments.yaml"})
public class PolicyCommand extends BaseCommand {
    /** Which kind of policy file a subcommand handles. */
    public enum Kind { RETENTION, INSTRUMENTS }

    @Override
    protected int execute() {
        spec.commandLine().usage(ctx().out());
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Print the default policy with a comment on every key (valid input for 'check').",
            footerHeading = "%nExamples:%n", footer = {"  vbp policy show > my-policy.yaml", "  vbp policy show --for instruments"})
    public static class Show extends BaseCommand {
        @Option(names = "--for", paramLabel = "KIND", defaultValue = "retention",
                description = "retention (retained-savings) or instruments (payment-standard, prepayment, use-monitor, price-watch, targets) (default: ${DEFAULT-VALUE}).")
        Kind kind = Kind.RETENTION;

        @Override
        protected int execute() {
            ctx().out().print(kind == Kind.RETENTION ? PolicyFile.DEFAULT_TEXT : InstrumentsPolicyFile.defaultText());
            ctx().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = {"Check a policy file: unknown keys, wrong types, values out of range (ratios outside 0–1,",
            "score bands that overlap or leave gaps). Prints 'file:line: ...' and exits 3 on the first error; else each rule and its source."},
            footerHeading = "%nExamples:%n", footer = {"  vbp policy check sample-data/policy.yaml",
            "  vbp policy check --for instruments sample-data/instruments.yaml"})
    public static class Check extends BaseCommand {
        @Option(names = "--for", paramLabel = "KIND", defaultValue = "retention",
                description = "retention or instruments (default: ${DEFAULT-VALUE}).")
        Kind kind = Kind.RETENTION;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "policy.check.file", description = "The policy file (YAML).")
        Path file;

        @Override
        protected int execute() {
            if (kind == Kind.RETENTION) {
                RetentionPolicy p = PolicyFile.load(file);
                note(file + ": ok");
                p.settings().forEach((k, v) -> note("  " + k + ": " + v));
                return ExitCodes.OK;
            }
            InstrumentsPolicy p = InstrumentsPolicyFile.load(file);
            note(file + ": ok");
            for (PolicyRule r : InstrumentRules.ALL) {
                var v = p.get(r.id());
                note("  " + r.id() + ": " + (v.value() instanceof java.math.BigDecimal d ? d.toPlainString() : v.value()) + " (" + v.source() + ")");
            }
            for (TargetSet t : p.targets()) {
                note("  targets." + t.name() + ": " + t.region() + " " + t.date() + ", drugs " + t.drugs() + ", consumable classes "
                        + t.consumableClasses() + " (" + t.source() + ")");
            }
            return ExitCodes.OK;
        }
    }
}
