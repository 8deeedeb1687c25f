package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutants of every sample file (fixed seeds, so a failure reproduces) go through validate, import into a
 * workspace holding every dataset, and the analyses that read them. Whatever the bytes, the outcome is exit
 * 0 or 3, at most a few lines on stderr, no stack trace, and a failed import leaves the workspace as it
 * was. {@code -Dvbp.fuzz.mutants=N} runs N mutants per file instead of the few CI runs.
 */
class FuzzTest {
    static final int MUTANTS = Integer.getInteger("vbp.fuzz.mutants", 2);
    static final Path DATA = Path.of("sample-data");

    /** Dataset → the analyses that read it (run after its mutant is imported). */
    static final Map<String, List<String[]>> ANALYSES = new LinkedHashMap<>();

    static {
        String[] priceDrop = {"price-drop", "--batch", "4+7", "--base-period", "2017"};
        String[] savings = {"savings", "--by", "batch", "--base-period", "2017"};
        String[] onlineRate = {"online-rate", "--by", "county"};
        String[] volume = {"volume", "--as-of", "2019-12-31", "--batch", "4+7"};
        String[] retained = {"retained-savings", "--by", "institution", "--policy", "sample-data/policy.yaml", "--as-of", "2019-12-31"};
        String[] coverage = {"dual-channel", "coverage", "--as-of", "2026-06-30"};
        String[] prescriptions = {"dual-channel", "prescriptions", "--by", "month"};
        ANALYSES.put("bids", List.<String[]>of(priceDrop, savings, volume));
        ANALYSES.put("baseline", List.<String[]>of(priceDrop, savings));
        ANALYSES.put("ledger", List.<String[]>of(onlineRate, volume, retained));
        ANALYSES.put("institutions", List.<String[]>of(onlineRate));
        ANALYSES.put("allocations", List.<String[]>of(volume, retained));
        ANALYSES.put("scores", List.<String[]>of(retained));
        ANALYSES.put("catalog", List.<String[]>of(coverage));
        ANALYSES.put("outlets", List.<String[]>of(coverage));
        ANALYSES.put("stock", List.<String[]>of(coverage));
        ANALYSES.put("prescriptions", List.<String[]>of(prescriptions));
    }

    @TempDir static Path dir;
    static Path base;

    @BeforeAll
    static void workspaceWithEverything() {
        base = dir.resolve("base");
        for (String ds : ANALYSES.keySet()) {
            Cli.run("--workspace", base.toString(), "import", ds, DATA.resolve(ds + ".csv").toString()).ok();
        }
    }

    @Test
    void mutantsOfEveryDataFile() throws IOException {
        int n = 0;
        for (String ds : ANALYSES.keySet()) {
            byte[] original = Files.readAllBytes(DATA.resolve(ds + ".csv"));
            for (int m = 0; m < MUTANTS; m++) {
                long seed = ds.hashCode() * 1_000L + m;
                Path mutant = dir.resolve(ds + "-" + m + ".csv");
                Files.write(mutant, Mutations.mutate(original, new Random(seed)));
                String what = ds + " mutant, seed " + seed;
                check(what, Cli.run("validate", ds, mutant.toString()));
                Path ws = copyOf(base, dir.resolve("ws-" + ds + "-" + m));
                Map<String, String> before = BadInputImportTest.snapshot(ws);
                Cli.Result imported = Cli.run("--workspace", ws.toString(), "import", ds, mutant.toString(), "--replace", "--max-rejects", "-1");
                check(what + ": import", imported);
                if (imported.exit() != ExitCodes.OK) {
                    assertEquals(before, BadInputImportTest.snapshot(ws), what + ": a failed import changed the workspace");
                } else {
                    for (String[] analysis : ANALYSES.get(ds)) {
                        List<String> args = new ArrayList<>(List.of("--workspace", ws.toString()));
                        args.addAll(List.of(analysis));
                        check(what + ": " + String.join(" ", analysis), Cli.run(args.toArray(String[]::new)));
                    }
                }
                delete(ws);
                n++;
            }
        }
        assertEquals(ANALYSES.size() * MUTANTS, n);
    }

    @Test
    void mutantsOfPolicyAndMappingFiles() throws IOException {
        byte[] policy = Files.readAllBytes(DATA.resolve("policy.yaml"));
        byte[] mapping = Files.readAllBytes(DATA.resolve("mapping-example.yaml"));
        for (int m = 0; m < MUTANTS * 3; m++) {
            Path p = dir.resolve("policy-" + m + ".yaml");
            Files.write(p, Mutations.mutate(policy, new Random(7_000 + m)));
            check("policy mutant, seed " + (7_000 + m), Cli.run("policy", "check", p.toString()));
            Path map = dir.resolve("mapping-" + m + ".yaml");
            Files.write(map, Mutations.mutate(mapping, new Random(8_000 + m)));
            check("mapping mutant, seed " + (8_000 + m),
                    Cli.run("validate", "bids", "sample-data/bids-custom-headers.csv", "--map", map.toString()));
        }
    }

    static void check(String what, Cli.Result r) {
        assertTrue(r.exit() == ExitCodes.OK || r.exit() == ExitCodes.BAD_INPUT, what + ": exit " + r.exit() + "\n" + r.err() + r.out());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("internal error"), what + ":\n" + r.err());
        // A failure is one line and a few reasons; some successes report on stderr by design (policy check).
        assertTrue(r.exit() == ExitCodes.OK || r.err().lines().count() <= 5, what + ": " + r.err().lines().count() + " lines on stderr:\n" + r.err());
        assertTrue(r.err().lines().allMatch(l -> l.length() <= 1200), what + ": an overlong line on stderr");
    }

    static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The ways real files go wrong, one or two at a time. */
    static final class Mutations {
        private Mutations() {}

        static byte[] mutate(byte[] in, Random r) {
            byte[] b = in;
            int times = 1 + r.nextInt(2);
            for (int t = 0; t < times; t++) b = once(b, r);
            return b;
        }

        private static byte[] once(byte[] b, Random r) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            return switch (r.nextInt(12)) {
                case 0 -> { // flip a byte
                    byte[] c = b.clone();
                    if (c.length > 0) c[at] ^= (byte) (1 + r.nextInt(255));
                    yield c;
                }
                case 1 -> java.util.Arrays.copyOf(b, at); // truncated
                case 2 -> insert(b, at, new byte[]{0, (byte) 0xFF, 0});
                case 3 -> insert(b, at, new byte[]{(byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82}); // invalid UTF-8
                case 4 -> insert(b, at, ("," + "7".repeat(20_000) + ",").getBytes(StandardCharsets.US_ASCII)); // a huge cell
                case 5 -> new String(b, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\n', '\r')
                        .getBytes(StandardCharsets.ISO_8859_1); // CR line ends
                case 6 -> insert(b, at, new byte[]{'"'});
                case 7 -> { // a line doubled or dropped
                    String s = new String(b, StandardCharsets.ISO_8859_1);
                    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    if (r.nextBoolean()) lines.add(i, lines.get(i));
                    else lines.remove(i);
                    yield String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                }
                case 8 -> replaceNumber(b, r, "9".repeat(60));
                case 9 -> replaceNumber(b, r, "99999999999999");
                case 10 -> insert(b, at, "=cmd|' /C calc'!A0,".getBytes(StandardCharsets.US_ASCII));
                default -> replaceNumber(b, r, r.nextBoolean() ? "0" : "-1");
            };
        }

        private static byte[] insert(byte[] b, int at, byte[] what) {
            byte[] c = new byte[b.length + what.length];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(what, 0, c, at, what.length);
            System.arraycopy(b, at, c, at + what.length, b.length - at);
            return c;
        }

        /** Replaces one run of digits (picked at random) with {@code digits}. */
        private static byte[] replaceNumber(byte[] b, Random r, String digits) {
            String s = new String(b, StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\d+(\\.\\d+)?\\b").matcher(s);
            List<int[]> runs = new ArrayList<>();
            while (m.find()) runs.add(new int[]{m.start(), m.end()});
            if (runs.isEmpty()) return b;
            int[] run = runs.get(r.nextInt(runs.size()));
            return (s.substring(0, run[0]) + digits + s.substring(run[1])).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

}
