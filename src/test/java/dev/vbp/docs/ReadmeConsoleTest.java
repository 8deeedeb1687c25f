package dev.vbp.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's {@code console} blocks show what vbp really prints: each block runs, command after command, in
 * a fresh workspace from the repository root, and each command's output must equal the lines shown under it.
 * A command shown without output (the next line is another command) runs, unchecked, for the ones after it.
 * After changing an output: {@code ./mvnw test -Dtest=ReadmeConsoleTest -Dvbp.regen=true} rewrites the blocks.
 */
class ReadmeConsoleTest {
    static final Path README = Path.of("README.md");

    @Test
    void consoleBlocksEqualRealOutput() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        String current = regenerate(text);
        if (CommandDocsTest.REGEN) Files.writeString(README, current, StandardCharsets.UTF_8);
        assertEquals(current, Files.readString(README, StandardCharsets.UTF_8),
                "README.md's console blocks differ from what vbp prints; regenerate with -Dvbp.regen=true");
    }

    /** {@code text} with the output under every command of its console blocks replaced by the real one. */
    static String regenerate(String text) throws IOException {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i++);
            out.append(line).append('\n');
            if (!line.equals("```console")) continue;
            List<String> block = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).equals("```")) block.add(lines.get(i++));
            out.append(runBlock(block));
        }
        return out.toString();
    }

    private static String runBlock(List<String> block) throws IOException {
        StringBuilder out = new StringBuilder();
        Path ws = Files.createTempDirectory("vbp-readme-");
        try {
            for (int i = 0; i < block.size(); i++) {
                String line = block.get(i);
                if (!line.startsWith("$ vbp ")) continue; // output lines: replaced by the real output below
                out.append(line).append('\n');
                String[] args = line.substring("$ vbp ".length()).trim().split("\\s+");
                String real = CommandPages.run(ws, args);
                boolean shown = i + 1 < block.size() && !block.get(i + 1).startsWith("$ ");
                if (shown) out.append(real);
            }
        } finally {
            try (Stream<Path> s = Files.walk(ws)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return out.toString();
    }
}
