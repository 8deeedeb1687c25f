package dev.vbp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Set;

/**
 * Which subcommands the model of a command line needs. Building a subcommand's model reads all its
 * annotations, options and mixins by reflection, which is most of vbp's start-up; a command line that names
 * one subcommand ({@code vbp price-drop --help}) gets only that one, {@code vbp --version} gets none, and
 * everything else (no subcommand, an unknown word or option, or a command that looks at the whole tree)
 * gets all of them, so that help, errors and suggestions read exactly as with the whole tree.
 */
final class SubcommandChoice {
    /** Commands that read the whole tree: help of another command, completion scripts, report's steps, the shell. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion", "report", "shell", "demo");

    private SubcommandChoice() {}

    /** The subcommands to add to {@code root} for {@code args}, in help order. */
    static List<Class<?>> of(CommandSpec root, String[] args) {
        List<Class<?>> all = VbpCommand.SUBCOMMANDS;
        if (args == null) return all;
        if (args.length > 0 && java.util.Arrays.stream(args).allMatch(a -> a.equals("-V") || a.equals("--version"))) {
            return List.of();
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--") || a.isEmpty()) return all;
            if (a.startsWith("-")) {
                String name = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                OptionSpec option = root.findOption(name);
                if (option == null) return all; // unknown (or clustered) option: picocli's own message, whole tree
                if (option.arity().min() > 0 && name.equals(a)) i++; // skip its value
                continue;
            }
            for (Class<?> c : all) {
                Command command = c.getAnnotation(Command.class);
                if (command == null) continue;
                if (command.name().equals(a) || List.of(command.aliases()).contains(a)) {
                    return NEED_ALL.contains(command.name()) ? all : List.of(c);
                }
            }
            return all; // not a subcommand: the error lists them
        }
        return all;
    }

    static void add(CommandLine cli, List<Class<?>> subcommands) {
        for (Class<?> c : subcommands) cli.addSubcommand(c);
    }
}
