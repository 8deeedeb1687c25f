package dev.vbp.cli.options;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where purchase ledgers come from and how the streaming scan runs. */
public class LedgerOptions {
    @Option(names = "--ledger", paramLabel = "FILE|DIR",
            description = "Ledger file(s) or directories (*.csv, *.tsv, *.txt, *.gz inside) to read instead of the workspace (repeatable).")
    public List<Path> files = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for the ledger scan (default: one per processor).")
    public Integer threads;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "1000",
            description = "Malformed ledger lines tolerated (each counted and the first listed) before the scan stops with exit 3 (default: ${DEFAULT-VALUE}).")
    public long maxErrors = 1000;
}
