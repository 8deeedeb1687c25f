package dev.vbp.cli.shell;

import dev.vbp.cli.CliContext;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.VbpCli;
import dev.vbp.output.Format;
import dev.vbp.output.Lang;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code vbp shell}: one vbp command per line, each parsed and run by the same command model as on the
 * command line ({@link VbpCli}), with the same exit codes; a failure prints its code and the shell goes on.
 * Parsed files and scan results are kept between lines ({@link SessionCache}).
 *
 * <p>On a terminal it reads with JLine: completion ({@link ShellCompleter}), history in the workspace
 * directory, wide characters, Ctrl-C cancelling the running command (a ledger scan stops at its next buffer)
 * and Ctrl-D leaving. Reading a file or a pipe ({@code vbp shell < queries.vbp}) it runs every line with no
 * escape codes and exits with the first failure's code.
 */
public final class Shell {
    /** The exit code a command cancelled with Ctrl-C reports, as shells report SIGINT. */
    public static final int CANCELLED = 130;
    static final String HISTORY_FILE = "shell_history";

    private final CliContext context;
    private final ShellSettings settings;
    private final Parser parser = new DefaultParser();

    /**
     * @param lang      the language given with --lang, or null (then {@code startLang}, until {@code set lang})
     * @param startLang the language the shell starts in: --lang's, else the environment's (VBP_LANG, LANG)
     */
    public Shell(CliContext context, Path workspace, Format format, Lang lang, Lang startLang) {
        this.context = context;
        this.settings = new ShellSettings(workspace, format, lang, startLang, context.cwd());
        SessionCache.enable();
    }

    /** Runs lines from the context's input until its end; returns the exit code of the shell. */
    public int run() throws IOException {
        return context.interactive() ? interactive() : script();
    }

    /** Lines from a file or a pipe: every line runs; the first failure's code is the shell's. */
    int script() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8));
        int first = ExitCodes.OK;
        String line;
        while ((line = in.readLine()) != null) {
            Outcome o = execute(line, context.out(), context.err(), false, 0);
            if (o == Outcome.EXIT) break;
            if (o.code != ExitCodes.OK && first == ExitCodes.OK) first = o.code;
        }
        return first;
    }

    private int interactive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("vbp").system(true).nativeSignals(true).build()) {
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                    || "dumb".equals(context.env().get("TERM"));
            boolean color = context.color() && !dumb;
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("vbp").parser(parser)
                    .completer(new ShellCompleter(settings, context.cwd()))
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // a ! in a --where must stay a !
                    .option(LineReader.Option.AUTO_FRESH_LINE, true)
                    .build();
            useHistory(reader);
            PrintWriter out = terminal.writer();
            Thread me = Thread.currentThread();
            boolean[] running = {false};
            // Ctrl-C while a command runs interrupts it; at the prompt the line reader handles it (clears the line).
            terminal.handle(Terminal.Signal.INT, signal -> {
                if (running[0]) me.interrupt();
            });
            out.println(banner());
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine(settings.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                running[0] = true;
                Outcome o;
                try {
                    o = execute(line, out, out, color, terminal.getWidth());
                } finally {
                    running[0] = false;
                    Thread.interrupted(); // an interrupt that came after the command ended must not hit the next one
                }
                if (o == Outcome.EXIT) break;
                if (o.code != ExitCodes.OK) {
                    String text = status(o.code);
                    out.println(color ? "\u001B[31m" + text + "\u001B[0m" : text);
                }
                out.flush();
                useHistory(reader);
            }
            reader.getHistory().save();
            return ExitCodes.OK;
        }
    }

    /** The line a terminal session starts with. */
    String banner() {
        return settings.lang().pick("vbp shell: one vbp command per line (tab completes; 'help', 'set', 'use DIR'; Ctrl-D leaves)",
                "vbp shell：每行一条 vbp 命令（Tab 补全；'help'、'set'、'use DIR'；Ctrl-D 退出）");
    }

    /** The line after a command that failed or was cancelled: {@code [exit 2]}, {@code [cancelled]}. */
    String status(int code) {
        return code == CANCELLED ? settings.lang().pick("[cancelled]", "[已取消]")
                : settings.lang().pick("[exit " + code + "]", "[退出码 " + code + "]");
    }

    /** History lives in the workspace directory once it exists (an import may create it mid-session). */
    private void useHistory(LineReader reader) throws IOException {
        Path file = Files.isDirectory(settings.workspace) ? settings.workspace.resolve(HISTORY_FILE) : null;
        Object current = reader.getVariable(LineReader.HISTORY_FILE);
        if (file == null ? current == null : file.equals(current)) return;
        if (current != null) reader.getHistory().save();
        reader.setVariable(LineReader.HISTORY_FILE, file);
        if (file != null) reader.getHistory().load();
    }

    /** What a line did: its exit code, or leave the shell. */
    record Outcome(int code) {
        static final Outcome OK = new Outcome(ExitCodes.OK);
        static final Outcome EXIT = new Outcome(-1);
    }

    /** Runs one line: a shell setting, or a vbp command with the shell's settings in front. */
    Outcome execute(String line, PrintWriter out, PrintWriter err, boolean color, int width) {
        List<String> words;
        try {
            words = new ArrayList<>(parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words());
        } catch (RuntimeException e) {
            err.println(settings.lang().pick("vbp: ", "vbp：") + dev.vbp.output.Texts.sentence(e.getMessage(), settings.lang()));
            err.flush();
            return new Outcome(ExitCodes.USAGE);
        }
        words.removeIf(String::isEmpty);
        if (words.isEmpty() || words.get(0).startsWith("#")) return Outcome.OK;
        if (words.get(0).equals("vbp")) words.remove(0);
        if (words.isEmpty()) return Outcome.OK;
        String first = words.get(0);
        switch (first) {
            case "exit", "quit" -> {
                return Outcome.EXIT;
            }
            case "set" -> {
                return set(words.subList(1, words.size()), out, err);
            }
            case "use" -> {
                if (words.size() != 2) return usage(err, "use DIR: the workspace directory (or a directory with a .vbp/ in it)");
                settings.workspace = settings.resolveWorkspace(words.get(1));
                boolean exists = Files.isDirectory(settings.workspace);
                out.println(settings.lang().pick("workspace: " + settings.workspace + (exists ? "" : " (not created yet)"),
                        "工作区：" + settings.workspace + (exists ? "" : "（尚未创建）")));
                out.flush();
                return Outcome.OK;
            }
            case "shell" -> {
                return usage(err, "already in the shell");
            }
            case "help" -> {
                if (words.size() == 1) {
                    Lang lang = settings.lang();
                    out.println(lang.pick("Shell: set format table|csv|json|markdown, set lang en|zh, set timing on|off, use DIR, exit (or Ctrl-D).",
                            "Shell：set format table|csv|json|markdown、set lang en|zh、set timing on|off、use DIR、exit（或 Ctrl-D）。"));
                    out.println(lang.pick("Every vbp command runs as on the command line, without the leading 'vbp'.",
                            "每条 vbp 命令都与在命令行上一样运行，只是不写开头的 'vbp'。"));
                    out.println();
                }
            }
            default -> { }
        }
        List<String> args = new ArrayList<>(settings.arguments());
        args.addAll(words);
        CliContext ctx = new CliContext(out, err, context.env(), context.cwd(), context.clock(), color,
                width > 0 && context.progress(), NO_STDIN, false, width);
        long started = System.nanoTime();
        int code = VbpCli.run(ctx, args.toArray(String[]::new));
        if (settings.timing) {
            double ms = (System.nanoTime() - started) / 1e6;
            err.println(String.format(Locale.ROOT, settings.lang().pick("time: %.1f ms", "用时：%.1f 毫秒"), ms));
            err.flush();
        }
        return new Outcome(code);
    }

    /**
     * Standard input of a command in the shell: the shell's own input is the user's next lines (or a script's),
     * so a {@code -} must not swallow them.
     */
    static final InputStream NO_STDIN = new InputStream() {
        @Override
        public int read() {
            throw new UsageException("'-' reads standard input, which in vbp shell is the shell's own: give a file name");
        }
    };

    private Outcome set(List<String> words, PrintWriter out, PrintWriter err) {
        if (words.isEmpty()) {
            out.println(settings.describe());
            out.flush();
            return Outcome.OK;
        }
        if (words.size() != 2) return usage(err, "set format table|csv|json|markdown, set lang en|zh, or set timing on|off");
        String value = words.get(1).toLowerCase(Locale.ROOT);
        switch (words.get(0)) {
            case "format" -> {
                try {
                    settings.format = Format.valueOf(value.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return usage(err, "set format: expected table, csv, json or markdown, found '" + words.get(1) + "'");
                }
            }
            case "timing" -> {
                if (!value.equals("on") && !value.equals("off")) return usage(err, "set timing: expected on or off, found '" + words.get(1) + "'");
                settings.timing = value.equals("on");
            }
            case "lang" -> {
                if (!value.equals("en") && !value.equals("zh")) return usage(err, "set lang: expected en or zh, found '" + words.get(1) + "'");
                settings.lang = value.equals("zh") ? Lang.ZH : Lang.EN;
            }
            default -> {
                return usage(err, "set: expected format, lang or timing, found '" + words.get(0) + "'");
            }
        }
        return Outcome.OK;
    }

    private Outcome usage(PrintWriter err, String message) {
        err.println(settings.lang().pick("vbp: ", "vbp：") + dev.vbp.output.Texts.sentence(message, settings.lang()));
        err.flush();
        return new Outcome(ExitCodes.USAGE);
    }
}
