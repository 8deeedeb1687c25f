package dev.vbp.cli;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.FieldParseException;
import dev.vbp.read.FieldParsers;
import dev.vbp.read.FieldType;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.time.LocalDate;

/**
 * The one place that builds the {@link CommandLine}: streams, exit codes, the exception handlers and the
 * help sections every command shares. {@link Main} and the tests both go through {@link #run}.
 */
public final class VbpCli {
    private VbpCli() {}

    public static CommandLine create(CliContext context) {
        VbpCommand root = new VbpCommand();
        root.context = context;
        CommandLine cli = new CommandLine(root);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Dates on the command line take the same spellings as in files (2024-01-31, 2024/1/31, 2024年1月31日).
        cli.registerConverter(LocalDate.class, VbpCli::date);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(context.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cli.setParameterExceptionHandler(parameterHandler());
        cli.setExecutionExceptionHandler(executionHandler(root));
        cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        addExitCodeHelp(cli);
        return cli;
    }

    /** Parses and runs {@code args}; returns the exit code. Never calls System.exit. */
    public static int run(CliContext context, String... args) {
        int code = create(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    private static LocalDate date(String text) {
        try {
            LocalDate d = (LocalDate) FieldParsers.parse(FieldType.DATE, text);
            if (d == null) throw new CommandLine.TypeConversionException("expected a date such as 2024-01-31, found nothing");
            return d;
        } catch (FieldParseException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    private static void addExitCodeHelp(CommandLine cli) {
        cli.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.helpList());
        for (CommandLine sub : cli.getSubcommands().values()) addExitCodeHelp(sub);
    }

    private static IParameterExceptionHandler parameterHandler() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("vbp: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitCodes.USAGE;
        };
    }

    private static IExecutionExceptionHandler executionHandler(VbpCommand root) {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            Throwable cause = rootCause(e);
            int code;
            String message;
            if (cause instanceof BadInputException) {
                code = ExitCodes.BAD_INPUT;
                message = "vbp: error: " + cause.getMessage();
            } else if (cause instanceof UsageException) {
                code = ExitCodes.USAGE;
                message = "vbp: " + cause.getMessage();
            } else if (cause instanceof java.nio.file.NoSuchFileException) {
                code = ExitCodes.BAD_INPUT;
                message = "vbp: error: " + cause.getMessage() + ": file not found";
            } else if (cause instanceof OutOfMemoryError) {
                code = ExitCodes.INTERNAL;
                message = "vbp: out of memory; raise the heap with JAVA_OPTS=-Xmx2g";
            } else {
                code = ExitCodes.INTERNAL;
                message = "vbp: internal error: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                        + (root.global.stacktrace ? "" : " (run with --stacktrace for details)");
            }
            err.println(message);
            if (root.global.stacktrace) e.printStackTrace(err);
            err.flush();
            return code;
        };
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
