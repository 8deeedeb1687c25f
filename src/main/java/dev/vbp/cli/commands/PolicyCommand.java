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

import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.nio.file.Path;
import java.util.List;

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
        return dev.vbp.cli.GroupUsage.missingSubcommand(spec.commandLine());
    }

    @Command(name = "show", description = "Print the default policy with a comment on every key (valid input for 'check').",
            footerHeading = "%nExamples:%n", footer = {"  vbp policy show > my-policy.yaml", "  vbp policy show --for instruments"})
    public static class Show extends BaseCommand {
        @Option(names = "--for", paramLabel = "KIND", defaultValue = "retention",
                description = "retention (retained-savings) or instruments (payment-standard, prepayment, use-monitor, price-watch, targets) (default: ${DEFAULT-VALUE}).")
        Kind kind = Kind.RETENTION;

        @Override
        protected int execute() {
            boolean chinese = global().lang() == dev.vbp.output.Lang.ZH;
            String commented = kind == Kind.RETENTION ? PolicyFile.defaultText(chinese) : InstrumentsPolicyFile.defaultText(chinese);
            switch (global().format) {
                // JSON is YAML too: the JSON document is valid input for 'check' as the commented file is.
                case JSON -> text(PolicyFile.asJson(commented));
                case TABLE -> text(commented);
                default -> render(kind == Kind.RETENTION ? settings("policy show", RetentionPolicy.defaults())
                        : rules("policy show", InstrumentsPolicyFile.parse(commented, "default")));
            }
            return ExitCodes.OK;
        }

        private void text(String text) {
            emit(false, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), () -> ctx().out().print(text));
        }
    }

    /** An instruments policy's rules as rows (setting, value, source), targets after them. */
    static Report rules(String command, InstrumentsPolicy p) {
        Report report = new Report(command, List.of(
                new Column("setting", "Setting", "设置", ValueKind.CODE),
                new Column("value", "Value", "取值", ValueKind.TEXT),
                new Column("source", "Source", "来源", ValueKind.TEXT)));
        for (PolicyRule r : InstrumentRules.ALL) {
            var v = p.get(r.id());
            report.row(r.id(), v.value() instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v.value()), String.valueOf(v.source()));
        }
        for (TargetSet t : p.targets()) {
            report.row("targets." + t.name(), t.region() + " " + t.date() + ", drugs " + t.drugs() + ", consumable classes "
                    + t.consumableClasses(), String.valueOf(t.source()));
        }
        return report;
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
                note(file + global().lang().pick(": ok", "：通过"));
                Report report = settings("policy check", p);
                report.parameter("file", file.toString());
                render(report);
                return ExitCodes.OK;
            }
            InstrumentsPolicy p = InstrumentsPolicyFile.load(file);
            note(file + global().lang().pick(": ok", "：通过"));
            Report report = rules("policy check", p);
            report.parameter("file", file.toString());
            render(report);
            return ExitCodes.OK;
        }
    }
}
