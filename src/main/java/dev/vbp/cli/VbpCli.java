package dev.vbp.cli;

import dev.vbp.cli.shell.Shell;
import dev.vbp.engine.ledger.ScanCancelledException;
import dev.vbp.errors.BadInputException;
import dev.vbp.errors.Echo;
import dev.vbp.read.FieldParseException;
import dev.vbp.read.FieldParsers;
import dev.vbp.read.FieldType;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import dev.vbp.output.Lang;
import dev.vbp.output.Texts;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one place that builds the {@link CommandLine}: streams, exit codes, the exception handlers and the
 * help sections every command shares. {@link Main} and the tests both go through {@link #run}.
 */
public final class VbpCli {
    private VbpCli() {}

    /** The whole tree, every subcommand (for documentation, completion and the shell). */
    public static CommandLine create(CliContext context) {
        return build(context, new String[0], null);
    }

    /**
     * Builds the command line for {@code args}. The language is decided before parsing, because help and
     * parse errors are written in it: {@code --lang} among the arguments, else the environment.
     */
    public static CommandLine create(CliContext context, String... args) {
        return build(context, args, args);
    }

    /** {@code choose} are the arguments that decide which subcommands are built ({@link SubcommandChoice}); null: all. */
    private static CommandLine build(CliContext context, String[] args, String[] choose) {
        VbpCommand root = new VbpCommand();
        root.context = context;
        root.global.defaultLang = Lang.fromEnvironment(context.env(), Locale.getDefault());
        Lang lang = HelpTexts.langOf(args, root.global.defaultLang);
        CommandLine cli = new CommandLine(root);
        SubcommandChoice.add(cli, SubcommandChoice.of(cli.getCommandSpec(), choose));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Dates on the command line take the same spellings as in files (2024-01-31, 2024/1/31, 2024年1月31日).
        cli.registerConverter(LocalDate.class, VbpCli::date);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(context.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        if (context.width() > 0) cli.setUsageHelpWidth(Math.max(55, context.width()) /* picocli's minimum */);
        cli.setParameterExceptionHandler(parameterHandler(root));
        cli.setExecutionExceptionHandler(executionHandler(root));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        LowercaseEnums.apply(cli);
        HelpTexts.apply(cli, lang);
        HelpLayout.install(cli);
        return cli;
    }

    /** Parses and runs {@code args}; returns the exit code. Never calls System.exit. */
    public static int run(CliContext context, String... args) {
        // --no-color must reach the help text too, which is laid out before the options are parsed.
        if (context.color() && java.util.Arrays.asList(args).contains("--no-color")) {
            context = context.withoutColor();
        }
        int code;
        Lang lang = langOf(context, args); // decided before anything can fill the heap
        try {
            code = create(context, args).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through. What filled the heap is unreachable by now; the reserve makes sure
            // there is room to say so even when something still holds on to most of it.
            reserve = null;
            context.err().println(outOfMemory(lang));
            code = ExitCodes.INTERNAL;
        }
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** Memory given back when the heap runs out, so that the message can still be printed. */
    private static byte[] reserve = new byte[64 << 10];

    /** The one line an out-of-memory ends with, in whatever thread it happened (built before it is needed). */
    static final String OUT_OF_MEMORY = outOfMemoryMessage(Lang.EN);
    static final String OUT_OF_MEMORY_ZH = outOfMemoryMessage(Lang.ZH);

    public static String outOfMemory(Lang lang) {
        return lang == Lang.ZH ? OUT_OF_MEMORY_ZH : OUT_OF_MEMORY;
    }

    private static String outOfMemoryMessage(Lang lang) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String heap = mb < 1024 ? "2g" : (mb >> 9) + "g";
        return lang.pick("vbp: out of memory (heap " + mb + " MB); run again with a bigger heap, e.g. VBP_HEAP=" + heap + " (or JAVA_OPTS=-Xmx...)",
                "vbp：内存不足（堆 " + mb + " MB）；请用更大的堆重新运行，例如 VBP_HEAP=" + heap + "（或 JAVA_OPTS=-Xmx...）");
    }

    /** The language of a run's own lines before its options are parsed: {@code --lang} among {@code args}, else the environment. */
    static Lang langOf(CliContext context, String[] args) {
        return langOf(context.env(), args);
    }

    static Lang langOf(java.util.Map<String, String> env, String[] args) {
        return HelpTexts.langOf(args, Lang.fromEnvironment(env, Locale.getDefault()));
    }

    /** "vbp: " in English, "vbp：" in Chinese: the start of a usage error's line. */
    public static String prefix(Lang lang) {
        return lang.pick("vbp: ", "vbp：");
    }

    /** The line of an error vbp did not expect (exit 4), without or with the hint to run again with --stacktrace. */
    static String internalError(Lang lang, Throwable cause, boolean hint) {
        String message = cause.getMessage() == null ? "" : ": " + Texts.sentence(cause.getMessage(), lang);
        return lang.pick("vbp: internal error: " + cause.getClass().getSimpleName() + message + (hint ? " (run with --stacktrace for details)" : ""),
                "vbp：内部错误：" + cause.getClass().getSimpleName() + message + (hint ? "（加 --stacktrace 运行可查看详情）" : ""));
    }

    /** Longest error message printed; inputs are echoed capped already, this guards every other path. */
    static final int MAX_MESSAGE = 1000;

    private static LocalDate date(String text) {
        try {
            LocalDate d = (LocalDate) FieldParsers.parse(FieldType.DATE, text);
            if (d == null) throw new CommandLine.TypeConversionException("expected a date such as 2024-01-31, found nothing");
            return d;
        } catch (FieldParseException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }


    /** picocli's own messages too are translated, in the language the help would be written in. */
    private static IParameterExceptionHandler parameterHandler(VbpCommand root) {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            Lang lang = HelpTexts.langOf(args, root.global.defaultLang);
            err.println(prefix(lang) + Texts.sentence(unknownCommand(e) ? "unknown command '" + ((CommandLine.UnmatchedArgumentException) e).getUnmatched().get(0) + "'"
                    : listed(e, lang), lang));
            java.util.List<String> hints = e instanceof CommandLine.UnmatchedArgumentException u ? Suggestions.of(u, lang) : java.util.List.of();
            hints.forEach(h -> err.println(Texts.sentence(h, lang)));
            if (hints.isEmpty()) err.println(Texts.sentence("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.", lang));
            return ExitCodes.USAGE;
        };
    }

    /**
     * picocli's message; in Chinese the quoted names of its lists ("Unknown options: '--a', 'b'", "Missing required
     * options: '--x=N', '--y=FILE'") joined with 、 as Chinese lists are.
     */
    private static String listed(ParameterException e, Lang lang) {
        String message = e.getMessage();
        if (lang != Lang.ZH || message == null) return message;
        if (e instanceof CommandLine.UnmatchedArgumentException || e instanceof CommandLine.MissingParameterException) {
            return message.replace("', '", "'、'");
        }
        return message;
    }

    /** A word where a group expects its subcommand ({@code vbp nosuch}, {@code vbp policy shwo}). */
    private static boolean unknownCommand(ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) return false;
        CommandLine cmd = e.getCommandLine();
        return !cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")
                && cmd.getParseResult() != null && cmd.getParseResult().originalArgs().indexOf(u.getUnmatched().get(0)) >= 0;
    }

    private static IExecutionExceptionHandler executionHandler(VbpCommand root) {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            Lang lang = root.global.lang();
            Throwable cause = rootCause(e);
            int code;
            String message;
            if (cause instanceof ScanCancelledException) {
                code = Shell.CANCELLED;
                message = lang.pick("vbp: cancelled", "vbp：已取消");
            } else if (cause instanceof BadInputException) {
                code = ExitCodes.BAD_INPUT;
                message = errorLine(lang, cause.getMessage());
            } else if (cause instanceof UsageException) {
                code = ExitCodes.USAGE;
                message = prefix(lang) + Texts.sentence(cause.getMessage(), lang);
            } else if (cause instanceof java.nio.file.NoSuchFileException) {
                code = ExitCodes.BAD_INPUT;
                message = errorLine(lang, cause.getMessage() + ": file not found");
            } else if (cause instanceof OutOfMemoryError) {
                reserve = null;
                code = ExitCodes.INTERNAL;
                message = outOfMemory(lang);
            } else {
                code = ExitCodes.INTERNAL;
                message = internalError(lang, cause, !root.global.stacktrace);
            }
            err.println(message.length() > MAX_MESSAGE ? Echo.cap(message, MAX_MESSAGE) : message);
            if (root.global.stacktrace) e.printStackTrace(err);
            err.flush();
            return code;
        };
    }

    /** "vbp: error: ..." in English, "vbp：错误：..." in Chinese, the message's known phrases translated. */
    static String errorLine(Lang lang, String message) {
        return lang.pick("vbp: error: ", "vbp：错误：") + Texts.sentence(message, lang);
    }

    /** The innermost cause that carries our own meaning (our exceptions are often wrapped). */
    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof BadInputException) && !(t instanceof UsageException)) {
            t = t.getCause();
        }
        return t;
    }
}
