package dev.vbp.engine.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the paths given to a scan: files as they are, directories into their ledger files (sorted). */
final class InputFiles {
    private InputFiles() {}

    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> found;
                try (Stream<Path> walk = Files.walk(input)) {
                    found = walk.filter(Files::isRegularFile).filter(InputFiles::isLedgerName).sorted().toList();
                } catch (IOException e) {
                    throw new LedgerInputException(input, "cannot list directory: " + e.getMessage(), e);
                }
                if (found.isEmpty()) {
                    throw new LedgerInputException(input, "no ledger files (*.csv, *.tsv, *.txt, *.gz, *.xlsx, *.xls) in this directory");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new LedgerInputException(input, "no such file or directory");
            }
        }
        return files;
    }

    static boolean isLedgerName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) return false;
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".gz")
                || n.endsWith(".xlsx") || n.endsWith(".xls");
    }
}
