package dev.vbp.cli;

import dev.vbp.output.Lang;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text of the command model has a Chinese version: each command's description, each option and each
 * positional parameter. A failure lists the keys to add to {@code Messages_zh.properties} with their
 * English text, and keys the model no longer uses.
 */
class HelpBundleTest {
    private final ResourceBundle zh = HelpTexts.bundle(Lang.ZH);
    private final Set<String> used = new HashSet<>();
    /** The English texts each shared (unqualified) key stands for: one Chinese text can only translate one. */
    private final Map<String, Set<String>> sharedTexts = new java.util.TreeMap<>();

    @Test
    void everyHelpTextHasAChineseVersion() {
        StringWriter sink = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(sink), new PrintWriter(sink), Map.of(), Path.of("."),
                Clock.systemUTC(), false, false);
        List<String> missing = new ArrayList<>();
        walk(VbpCli.create(ctx), missing);
        assertTrue(missing.isEmpty(), "add to src/main/resources/dev/vbp/cli/Messages_zh.properties:\n" + String.join("\n", missing));
    }

    @Test
    void aSharedKeyTranslatesOneEnglishText() {
        everyHelpTextHasAChineseVersion();
        List<String> clashes = new ArrayList<>();
        sharedTexts.forEach((key, texts) -> {
            if (texts.size() > 1) clashes.add(key + " stands for " + texts.size() + " texts (give each command its own vbp.<command>." + key + "): " + texts);
        });
        assertEquals(List.of(), clashes);
    }

    @Test
    void theBundleHasNoKeysTheModelDoesNotUse() {
        everyHelpTextHasAChineseVersion();
        List<String> stale = new ArrayList<>();
        for (String key : zh.keySet()) {
            if (!used.contains(key) && !key.startsWith("usage.") && !key.endsWith(".usage.footerHeading")) stale.add(key);
        }
        assertEquals(List.of(), stale, "keys in Messages_zh.properties that no command uses");
    }

    @Test
    void chineseHelpReadsAsChinese() {
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(out), Map.of(), Path.of("."),
                Clock.systemUTC(), false, false);
        assertEquals(0, VbpCli.run(ctx, "--lang", "zh", "price-drop", "--help"));
        String help = out.toString();
        assertTrue(help.startsWith("用法："), help);
        assertTrue(help.contains("各中选产品相对基准的价格降幅"), help);
        assertTrue(help.contains("退出码："), help);
        assertTrue(help.contains("输出格式：table、csv、json、markdown 或 xlsx"), help);
    }

    @Test
    void theEnvironmentChoosesTheLanguageWhenNoOptionDoes() {
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(out), Map.of("LANG", "zh_CN.UTF-8"),
                Path.of("."), Clock.systemUTC(), false, false);
        assertEquals(0, VbpCli.run(ctx, "status", "--help"));
        assertTrue(out.toString().startsWith("用法："), out.toString());
        assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"), java.util.Locale.US));
        assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"), java.util.Locale.CHINA));
        assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("VBP_LANG", "en", "LANG", "zh_CN.UTF-8"), java.util.Locale.US));
        assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("VBP_LANG", "zh"), java.util.Locale.US));
        assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of(), java.util.Locale.CHINA));
    }

    private void walk(CommandLine cli, List<String> missing) {
        CommandSpec spec = cli.getCommandSpec();
        String q = spec.qualifiedName(".");
        String[] header = spec.usageMessage().header(); // picocli's help command has one
        for (int i = 0; i < header.length; i++) need(q + ".usage.header." + i, null, header[i], missing);
        String[] description = spec.usageMessage().description();
        for (int i = 0; i < description.length; i++) {
            String key = q + ".usage.description." + i;
            if (description[i].isBlank()) { used.add(key); continue; }
            need(key, null, description[i], missing);
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (o.inherited())) continue;
            String name = o.descriptionKey().isEmpty() ? o.longestName().replaceFirst("^-+", "") : o.descriptionKey();
            if (o.usageHelp() || o.versionHelp()) { need(name, null, String.join(" ", o.description()), missing); continue; }
            need(q + "." + name, name, String.join(" ", o.description()), missing);
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) continue;
            if (p.descriptionKey().isEmpty()) missing.add("(give " + q + " " + p.paramLabel() + " a descriptionKey)");
            else need(p.descriptionKey(), null, String.join(" ", p.description()), missing);
        }
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getParent() == cli && sub.getCommandName().equals(sub.getCommandSpec().name())) walk(sub, missing);
        }
    }

    /** The qualified key, or the shared one picocli falls back to. */
    private void need(String key, String shared, String english, List<String> missing) {
        if (zh.containsKey(key)) { used.add(key); return; }
        if (shared != null && zh.containsKey(shared)) {
            used.add(shared);
            sharedTexts.computeIfAbsent(shared, k -> new java.util.TreeSet<>()).add(english);
            return;
        }
        missing.add(key + " = <Chinese for: " + english + ">");
    }
}
