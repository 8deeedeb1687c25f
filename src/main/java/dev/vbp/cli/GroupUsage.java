package dev.vbp.cli;

import dev.vbp.output.Lang;
import dev.vbp.output.Texts;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command group ({@code vbp}, {@code vbp policy}, {@code vbp sample}, {@code vbp dual-channel}) does
 * when no subcommand is given: its usage on stderr, one line naming the subcommands, exit 2. One behaviour
 * for every group, so a script that forgot the subcommand fails the same way everywhere.
 */
public final class GroupUsage {
    private GroupUsage() {}

    public static int missingSubcommand(CommandLine group) {
        PrintWriter err = group.getErr();
        group.usage(err);
        List<String> names = new ArrayList<>();
        for (var e : group.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")) names.add(e.getKey());
        }
        CommandLine root = group;
        while (root.getParent() != null) root = root.getParent();
        Lang lang = root.getCommand() instanceof VbpCommand vbp ? vbp.global.lang() : Lang.EN;
        String list = lang == Lang.ZH ? Suggestions.either(names) : names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        err.println();
        err.println(VbpCli.prefix(lang) + Texts.sentence(group.getParent() == null ? "missing a command: " + list
                : "missing a subcommand of '" + group.getCommandSpec().qualifiedName() + "': " + list, lang));
        err.flush();
        return ExitCodes.USAGE;
    }
}
