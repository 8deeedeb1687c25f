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

    // Malformed ledger lines fall under --max-rejects (InputOptions), the one tolerance of every command.
}
