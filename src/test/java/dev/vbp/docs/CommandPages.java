package dev.vbp.docs;

import dev.vbp.cli.CliContext;
import dev.vbp.cli.VbpCli;
import dev.vbp.cli.commands.CompletionCommand;
import dev.vbp.output.Lang;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates commands/*.md and completions/* from the command model: each page has the command's purpose,
 * its full help, and every example of its help footer run on sample-data/ with the real output. The tests
 * compare these with the committed files; {@code -Dvbp.regen=true} rewrites them.
 */
public final class CommandPages {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private CommandPages() {}

    /** File name (under commands/) → content, for every subcommand but {@code help}. */
    public static Map<String, String> pages() throws IOException {
        return pages(Lang.EN);
    }

    /** The pages in {@code lang}: help and example output as a person with that language sees them (commands/zh/). */
    public static Map<String, String> pages(Lang lang) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        Map<String, String> env = env(lang);
        CommandLine root = VbpCli.create(context(new StringWriter(), new StringWriter(), env));
        pages.put("vbp.md", page(root, "vbp", lang));
        for (var e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            pages.put(e.getKey() + ".md", page(e.getValue(), e.getKey(), lang));
            for (var sub : e.getValue().getSubcommands().entrySet()) {
                pages.put(e.getKey() + "-" + sub.getKey() + ".md", page(sub.getValue(), e.getKey() + " " + sub.getKey(), lang));
            }
        }
        return pages;
    }

    private static Map<String, String> env(Lang lang) {
        return lang == Lang.EN ? Map.of() : Map.of("VBP_LANG", lang.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static Map<String, String> completions() {
        CommandLine root = VbpCli.create(context(new StringWriter(), new StringWriter()));
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("vbp.bash", CompletionCommand.script(root, CompletionCommand.Shell.BASH));
        scripts.put("_vbp.zsh", CompletionCommand.script(root, CompletionCommand.Shell.ZSH));
        return scripts;
    }

    private static String page(CommandLine cmd, String name, Lang lang) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# vbp ").append(name.equals("vbp") ? "" : name).append("\n\n");
        md.append("<!-- Generated from the command model and run on sample-data/ by CommandDocsTest; do not edit by hand. -->\n\n");
        if (lang != Lang.EN) {
            String english = "../" + (name.equals("vbp") ? "vbp" : name.replace(' ', '-')) + ".md";
            md.append(lang.pick("", "[English](" + english + ")")).append("\n\n");
        }
        for (String line : cmd.getCommandSpec().usageMessage().description()) md.append(line).append('\n');
        md.append(lang.pick("\n## Usage\n\n```text\n", "\n## 用法\n\n```text\n"));
        cmd.getCommandSpec().usageMessage().width(100);
        md.append(cmd.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
        List<String[]> examples = examples(cmd);
        if (!examples.isEmpty()) {
            md.append(lang.pick("\n## Examples\n\nRun from the repository root on `sample-data/`, in a fresh workspace.\n",
                    "\n## 示例\n\n在仓库根目录下、在新的工作区中对 `sample-data/` 运行。\n"));
            // in the checkout, as a project's .vbp/ would be: imported files are then named sample-data/…
            Path ws = Files.createTempDirectory(Path.of("").toAbsolutePath(), ".vbp-docs-");
            try {
                for (String[] args : examples) {
                    md.append("\n```console\n$ vbp ").append(String.join(" ", args)).append('\n');
                    md.append(run(ws, args, env(lang))).append("```\n");
                }
            } finally {
                try (Stream<Path> s = Files.walk(ws)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }
        if (name.equals("import") && lang == Lang.EN) md.append(MAPPING_SECTION);
        return md.toString();
    }

    /** Example lines of the help footer ("  vbp ..."); lines that redirect output are shown, not run. */
    private static List<String[]> examples(CommandLine cmd) {
        List<String[]> out = new ArrayList<>();
        for (String line : cmd.getCommandSpec().usageMessage().footer()) {
            String t = line.trim().replace("%%", "%"); // footers are format strings
            if (t.startsWith("vbp ") && !t.contains(">") && !t.contains("<(")) {
                out.add(t.substring(4).trim().split("\\s+"));
            }
        }
        return out;
    }

    static String run(Path ws, String[] args) {
        return run(ws, args, Map.of());
    }

    static String run(Path ws, String[] args, Map<String, String> env) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--workspace", ws.toString()));
        all.addAll(List.of(args));
        int code = VbpCli.run(context(out, err, env), all.toArray(String[]::new));
        // Paths of this checkout (a workspace outside it keeps where files came from as absolute paths) are
        // shown as the repository root's own relative paths, so pages read the same on every machine.
        String root = Path.of("").toAbsolutePath() + java.io.File.separator;
        String text = out.toString().replace(ws.toString(), "<workspace>").replace(root, "");
        String errText = err.toString().replace(ws.toString(), "<workspace>").replace(root, "");
        if (!errText.isEmpty()) text += errText;
        if (code != 0) text += "[exit " + code + "]\n";
        return text;
    }

    private static CliContext context(StringWriter out, StringWriter err) {
        return context(out, err, Map.of());
    }

    private static CliContext context(StringWriter out, StringWriter err, Map<String, String> env) {
        return new CliContext(new PrintWriter(out), new PrintWriter(err), env, Path.of("").toAbsolutePath(), CLOCK, false, false);
    }

    static final String MAPPING_SECTION = """

            ## Header mapping files (`--map`)

            Every dataset knows the usual Chinese and English headers (通用名/药品通用名, 规格/规格包装, 转换比/转化系数,
            中选价格/中选价, Name/Firm/Price/Strength/Count, …; see `src/main/java/dev/vbp/read/Dataset.java`). For any
            other header, write a mapping file and pass it with `--map FILE.yaml`:

            ```yaml
            # vbp header mapping: source header -> canonical column
            dataset: bids          # optional: without it the mapping applies to any dataset
            columns:
              药品名: generic_name
              包装规格: spec
              单包装片数: pack_count
              本次中选单价: bid_price
            set:                   # optional: fixed values for columns the file lacks (as --set; --set wins)
              batch_id: round-3
            ```

            Headers are compared ignoring case, spaces, underscores and full-width forms. A mapping entry wins over
            the built-in aliases. An unknown key, an unknown dataset or a column the dataset does not have is reported
            with the mapping file's line number (exit 3). `sample-data/mapping-example.yaml` is a complete example.
            """;
}
