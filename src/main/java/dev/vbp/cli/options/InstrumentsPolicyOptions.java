package dev.vbp.cli.options;

import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.read.InstrumentsPolicyFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The companion-measures policy file shared by payment-standard, prepayment, use-monitor, price-watch and targets. */
public class InstrumentsPolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE.yaml", descriptionKey = "instruments-policy",
            description = "Companion-measures policy file (default: the built-in rules, 'vbp policy show --for instruments').")
    public Path file;

    public InstrumentsPolicy load() {
        return file == null ? InstrumentsPolicy.defaults() : InstrumentsPolicyFile.load(file);
    }
}
