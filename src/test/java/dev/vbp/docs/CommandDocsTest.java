package dev.vbp.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * commands/ and completions/ must equal what the command model generates now, so help, examples and
 * completion never go stale. After changing a command: {@code ./mvnw test -Dtest=CommandDocsTest -Dvbp.regen=true}.
 */
class CommandDocsTest {
    static final boolean REGEN = Boolean.getBoolean("vbp.regen");

    @Test
    void commandPagesAreCurrent() throws IOException {
        check(Path.of("commands"), CommandPages.pages(), ".md");
    }

    /** commands/zh/: the same pages as a person with a Chinese environment sees them. */
    @Test
    void chineseCommandPagesAreCurrent() throws IOException {
        check(Path.of("commands/zh"), CommandPages.pages(dev.vbp.output.Lang.ZH), ".md");
    }

    @Test
    void completionScriptsAreCurrent() throws IOException {
        check(Path.of("completions"), CommandPages.completions(), "");
    }

    private static void check(Path dir, Map<String, String> expected, String suffix) throws IOException {
        if (REGEN) {
            Files.createDirectories(dir);
            for (var e : expected.entrySet()) Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        Set<String> present;
        try (Stream<Path> files = Files.list(dir)) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(expected.keySet()), present, "files in " + dir + " (regenerate with -Dvbp.regen=true)");
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8),
                    dir.resolve(e.getKey()) + " is stale; regenerate with -Dvbp.regen=true");
        }
    }
}
