package dev.vbp.engine.ledger;

import dev.vbp.engine.ledger.GroupedSums.Dimension;
import dev.vbp.engine.ledger.GroupedSums.Group;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Helpers for ledger tests: writing files and reading results as plain text. */
final class Ledgers {
    private Ledgers() {}

    static Path write(Path dir, String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(cs));
        return p;
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static Path gzip(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
            o.write(bytes);
        }
        return p;
    }

    /** "key → amount qty lines mismatches" per group, amounts as plain decimals, in key order. */
    static Map<String, String> table(GroupedSums sums) {
        Map<String, String> out = new TreeMap<>();
        for (Group g : sums.groups()) {
            GroupedSums.Key k = g.key();
            String key = String.join("|", List.of(s(k.institution()), s(k.product()), s(k.generic()), s(k.month()),
                    s(k.channel() == null ? null : k.channel().code()), s(k.category() == null ? null : k.category().code())));
            out.put(key, g.amountDecimal().toPlainString() + " " + g.quantityDecimal().toPlainString() + " " + g.lines() + " "
                    + g.mismatches());
        }
        return out;
    }

    private static String s(Object o) {
        return o == null ? "-" : o.toString();
    }

    static final Dimension[] ALL_DIMENSIONS = Dimension.values();
}
