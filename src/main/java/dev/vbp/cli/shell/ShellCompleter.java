package dev.vbp.cli.shell;

import dev.vbp.cli.CliContext;
import dev.vbp.cli.VbpCli;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tab completion in {@code vbp shell}, from the same command model the commands run on: command names
 * (and the shell's own set, use, exit), option names, option values as the docs write them (lowercase),
 * file names for FILE and DIR options, and the workspace's own values where an option takes them (batch ids,
 * institution codes and names, counties, generic names). {@code --where}, {@code --sort}, {@code --columns}
 * and {@code --pivot} complete the column keys of the command's last report in this session, and
 * {@code --where county=} the counties.
 */
final class ShellCompleter implements Completer {
    private static final List<String> SHELL_WORDS = List.of("set", "use", "exit", "quit");
    private static final Pattern COMPARISON = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(<=|>=|!=|<>|==|=|<|>|~)\\s*([^\\s]*)$");
    /** Column keys offered before a command has shown a report in this session. */
    private static final List<String> COMMON_COLUMNS = List.of("county", "level", "category", "month", "institution_code",
            "institution_name", "batch_id", "generic_name", "product_code");

    private final ShellSettings settings;
    private final Path cwd;
    private final CommandLine model;
    private final WorkspaceValues workspaceValues = new WorkspaceValues();

    ShellCompleter(ShellSettings settings, Path cwd) {
        this.settings = settings;
        this.cwd = cwd;
        StringWriter sink = new StringWriter();
        this.model = VbpCli.create(new CliContext(new PrintWriter(sink), new PrintWriter(sink), Map.of(), cwd,
                Clock.systemDefaultZone(), false, false));
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = new ArrayList<>(line.words());
        int index = line.wordIndex();
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (!words.isEmpty() && index > 0 && words.get(0).equals("vbp")) {
            words.remove(0);
            index--;
        }
        for (String c : candidates(words.subList(0, Math.min(index, words.size())), word)) {
            boolean done = !c.endsWith("/") && !c.endsWith(",") && !c.endsWith("=");
            candidates.add(new Candidate(c, display(c), null, null, null, null, done));
        }
    }

    /** What may follow {@code before} (the words left of the cursor) when the current word starts with {@code word}. */
    List<String> candidates(List<String> before, String word) {
        if (before.isEmpty()) {
            List<String> out = new ArrayList<>(model.getSubcommands().keySet());
            out.remove("shell");
            out.addAll(SHELL_WORDS);
            return starting(out, word);
        }
        String first = before.get(0);
        if (first.equals("set")) {
            if (before.size() == 1) return starting(List.of("format", "lang", "timing"), word);
            if (before.size() == 2 && before.get(1).equals("timing")) return starting(List.of("on", "off"), word);
            if (before.size() == 2 && before.get(1).equals("format")) return starting(List.of("table", "csv", "json", "markdown"), word);
            if (before.size() == 2 && before.get(1).equals("lang")) return starting(List.of("en", "zh"), word);
            return List.of();
        }
        if (first.equals("use")) return before.size() == 1 ? files(word, true) : List.of();

        CommandLine cmd = model;
        int consumed = 0;
        for (String w : before) {
            CommandLine sub = cmd.getSubcommands().get(w);
            if (sub == null) break;
            cmd = sub;
            consumed++;
        }
        CommandSpec spec = cmd.getCommandSpec();
        String command = spec.qualifiedName(" ").replaceFirst("^vbp ?", "");

        // --option=value in one word
        if (word.startsWith("-") && word.contains("=")) {
            String name = word.substring(0, word.indexOf('='));
            OptionSpec option = spec.findOption(name);
            if (option != null && option.arity().max() > 0) {
                String prefix = name + "=";
                return values(option, command, word.substring(prefix.length())).stream().map(v -> prefix + v).toList();
            }
        }
        if (before.size() > consumed) {
            OptionSpec option = spec.findOption(before.get(before.size() - 1));
            if (option != null && option.arity().max() > 0 && !option.type().equals(boolean.class) && !option.type().equals(Boolean.class)) {
                return values(option, command, word);
            }
        }
        if (word.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String n : o.names()) if (n.startsWith("--") || word.length() <= 1) names.add(n);
            }
            return starting(names, word);
        }
        if (!cmd.getSubcommands().isEmpty()) {
            List<String> subs = new ArrayList<>(cmd.getSubcommands().keySet());
            return starting(subs, word);
        }
        int position = positionalIndex(spec, before.subList(consumed, before.size()));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(position)) {
                if (p.completionCandidates() != null) return starting(lower(p.completionCandidates()), word);
                return files(word, false);
            }
        }
        return files(word, false);
    }

    /** Values an option takes: its candidates in lowercase, files, the workspace's values or report columns. */
    private List<String> values(OptionSpec option, String command, String word) {
        String name = option.longestName();
        String label = option.paramLabel() == null ? "" : option.paramLabel();
        // a list option (--by county,month) completes its last item
        String split = option.splitRegex();
        String head = "", last = word;
        if (split != null && !split.isEmpty() && word.contains(",")) {
            head = word.substring(0, word.lastIndexOf(',') + 1);
            last = word.substring(head.length());
        }
        List<String> items;
        switch (name) {
            case "--where" -> {
                return where(command, word);
            }
            case "--sort", "--columns", "--pivot" -> {
                String prefix = word.substring(0, word.lastIndexOf(',') + 1);
                String item = word.substring(prefix.length());
                String sign = name.equals("--sort") && item.startsWith("-") ? "-" : "";
                return starting(columns(command), item.substring(sign.length())).stream().map(c -> prefix + sign + c).toList();
            }
            case "--batch" -> items = new ArrayList<>(values("batch_id"));
            case "--explain", "--institution" -> {
                items = new ArrayList<>(values("institution_code"));
                items.addAll(values("institution_name"));
            }
            case "--county" -> items = new ArrayList<>(values("county"));
            case "--generic" -> items = new ArrayList<>(values("generic_name"));
            case "--workspace" -> {
                return files(word, true);
            }
            default -> {
                if (option.completionCandidates() != null) {
                    items = lower(option.completionCandidates());
                } else if (label.contains("FILE") || label.contains("DIR") || option.type() == Path.class) {
                    return files(word, label.equals("DIR"));
                } else {
                    return List.of();
                }
            }
        }
        String h = head;
        return starting(items, last).stream().map(v -> h + v).toList();
    }

    /** --where: a column key, then after an operator the column's values from the workspace. */
    private List<String> where(String command, String word) {
        Matcher m = COMPARISON.matcher(word);
        if (m.find()) {
            String before = word.substring(0, m.start(3));
            List<String> known = new ArrayList<>(values(m.group(1)));
            return starting(known, m.group(3)).stream().map(v -> before + v).toList();
        }
        int cut = Math.max(word.lastIndexOf(' '), -1) + 1;
        String before = word.substring(0, cut);
        return starting(columns(command), word.substring(cut)).stream().map(c -> before + c).toList();
    }

    private List<String> columns(String command) {
        List<String> keys = SessionCache.columns(command);
        return keys.isEmpty() ? COMMON_COLUMNS : keys;
    }

    private Collection<String> values(String kind) {
        return WorkspaceValues.get(workspaceValues.of(settings.workspace), kind);
    }

    /** File and directory names under the working directory that start with {@code word}; directories end in /. */
    private List<String> files(String word, boolean directoriesOnly) {
        String w = word.startsWith("~/") ? System.getProperty("user.home") + word.substring(1) : word;
        int slash = w.lastIndexOf('/');
        String dirPart = slash >= 0 ? w.substring(0, slash + 1) : "";
        String namePart = slash >= 0 ? w.substring(slash + 1) : w;
        Path dir = dirPart.isEmpty() ? cwd : cwd.resolve(dirPart);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (!n.startsWith(namePart) || (n.startsWith(".") && !namePart.startsWith(".") && !n.equals(".vbp"))) continue;
                boolean isDir = Files.isDirectory(p);
                if (directoriesOnly && !isDir) continue;
                out.add(dirPart + n + (isDir ? "/" : ""));
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private static int positionalIndex(CommandSpec spec, List<String> words) {
        int n = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                OptionSpec o = spec.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (o != null && o.arity().max() > 0 && !w.contains("=") && !o.type().equals(boolean.class)) i++;
                continue;
            }
            n++;
        }
        return n;
    }

    private static List<String> lower(Iterable<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) out.add(v.toLowerCase(Locale.ROOT));
        return new ArrayList<>(out);
    }

    private static List<String> starting(Collection<String> values, String prefix) {
        return values.stream().filter(v -> v.startsWith(prefix)).distinct().toList();
    }

    private static String display(String candidate) {
        int slash = candidate.lastIndexOf('/', candidate.length() - 2);
        return slash >= 0 ? candidate.substring(slash + 1) : candidate;
    }
}
