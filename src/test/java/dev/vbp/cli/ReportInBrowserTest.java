package dev.vbp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample report in headless Chromium, offline, and checks what the page itself records: no
 * script error ({@code data-error} on the body), every chart set ({@code data-ready}), and in every section
 * a chart whose SVG holds drawn shapes ({@code data-drawn="true"}, the svg in the DOM). A screenshot of the
 * first page goes to {@code target/report-first-page.png}.
 *
 * <p>CI installs Chromium ({@code .ci/run}); on a machine without it the test is skipped, unless
 * {@code CI} is set, where a missing browser is a failure.
 */
class ReportInBrowserTest {

    private static final Pattern CHART = Pattern.compile("<div class=\"chart\" id=\"(chart-\\d+)\"[^>]*>");

    @Test
    void everySectionsChartDrawsWithoutScriptErrors(@TempDir Path dir) throws Exception {
        Optional<String> chromium = chromium();
        if (System.getenv("CI") == null) assumeTrue(chromium.isPresent(), "no chromium on this machine");
        assertTrue(chromium.isPresent(), "CI must have chromium (.ci/run installs it)");

        Path html = Path.of("target", "report-sample.html").toAbsolutePath();
        Files.createDirectories(html.getParent());
        ReportCommandTest.writeSample(html, "zh");

        String dom = run(chromium.get(), dir.resolve("profile-dom"), "--dump-dom", html.toUri().toString());
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertTrue(body.find(), "no body in\n" + head(dom));
        String attributes = body.group(1);
        assertFalse(attributes.contains("data-error"), "script error: " + attributes);
        assertTrue(attributes.contains("data-ready=\"true\""), "charts not set: " + attributes);

        for (String id : ReportCommandTest.SECTIONS) {
            String section = ReportCommandTest.section(dom, id);
            Matcher chart = Pattern.compile("<div class=\"chart\" id=\"chart-\\d+\"[^>]*data-drawn=\"true\"[^>]*>\\s*<div[^>]*>\\s*<svg")
                    .matcher(section);
            assertTrue(chart.find(), id + ": no drawn chart in\n" + head(section));
            Matcher any = CHART.matcher(section);
            while (any.find()) assertTrue(any.group().contains("data-drawn=\"true\""), id + ": " + any.group());
        }
        Matcher svgShapes = Pattern.compile("<(path|rect)\\b").matcher(dom);
        int shapes = 0;
        while (svgShapes.find()) shapes++;
        assertTrue(shapes > 100, "charts hold " + shapes + " shapes");

        Path png = Path.of("target", "report-first-page.png").toAbsolutePath();
        Files.deleteIfExists(png);
        // An A4 page at 96 dpi with the report's margins: 210 mm wide → about 900 px of content.
        run(chromium.get(), dir.resolve("profile-shot"), "--hide-scrollbars", "--window-size=900,1273",
                "--screenshot=" + png, html.toUri().toString());
        assertTrue(Files.size(png) > 20_000, "screenshot of " + Files.size(png) + " bytes");
        byte[] magic = Files.readAllBytes(png);
        assertEquals((byte) 0x89, magic[0]);
        assertEquals('P', magic[1]);
    }

    /** Runs Chromium headless, offline, with a fresh profile, and returns its stdout. */
    private static String run(String chromium, Path profile, String... args) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
        cmd.addAll(List.of(args));
        Path out = profile.resolveSibling(profile.getFileName() + ".out");
        Path err = profile.resolveSibling(profile.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit " + p.exitValue() + "\n" + Files.readString(err));
        return stdout;
    }

    private static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String head(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
