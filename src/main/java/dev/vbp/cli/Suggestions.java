package dev.vbp.cli;

import dev.vbp.errors.EditDistance;
import dev.vbp.output.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to say after an unknown command or option: the names within a small edit distance of what was typed
 * ({@code pricedrop} → {@code price-drop}, {@code --fromat} → {@code --format}), or, when none is close, the
 * list of commands; never a far-fetched guess (picocli's own suggests {@code dual-channel} for {@code nosuch}).
 */
final class Suggestions {
    private Suggestions() {}

    /** The lines to print after {@code e}'s message; empty when there is nothing useful to add. */
    static List<String> of(CommandLine.UnmatchedArgumentException e) {
        return of(e, Lang.EN);
    }

    /**
     * The same, the names of a list joined as {@code lang} writes a list: "a or b or c" in English, "a、b 或 c" in
     * Chinese (the rest of each line is translated by the caller, through the patterns of the Texts bundle).
     */
    static List<String> of(CommandLine.UnmatchedArgumentException e, Lang lang) {
        List<String> lines = new ArrayList<>();
        List<String> unmatched = e.getUnmatched();
        if (unmatched.isEmpty()) return lines;
        String typed = unmatched.get(0);
        CommandLine cmd = e.getCommandLine();
        CommandSpec spec = cmd.getCommandSpec();
        List<String> candidates = new ArrayList<>();
        boolean option = typed.startsWith("-");
        if (option) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            for (OptionSpec o : spec.options()) for (String n : o.names()) if (close(name, n)) candidates.add(n);
        } else {
            for (String n : cmd.getSubcommands().keySet()) if (!n.equals("help") && close(typed, n)) candidates.add(n);
        }
        String prefix = spec.qualifiedName() + " ";
        if (!candidates.isEmpty()) {
            List<String> names = candidates.stream().map(c -> option ? c : prefix + c).toList();
            lines.add("Did you mean: " + (lang == Lang.ZH ? either(names) : String.join(" or ", names)) + "?");
        } else if (!option && !cmd.getSubcommands().isEmpty() && !spec.subcommandsRepeatable()) {
            List<String> names = cmd.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
            lines.add("The commands of '" + spec.qualifiedName() + "' are: " + String.join(lang.pick(", ", "、"), names) + ".");
        }
        return lines;
    }

    /** "a、b 或 c": a Chinese list of alternatives ("a 或 b" for two). */
    static String either(List<String> names) {
        if (names.size() <= 1) return String.join("", names);
        return String.join("、", names.subList(0, names.size() - 1)) + " 或 " + names.get(names.size() - 1);
    }

    /** Within an edit distance of about a third of the name (at least 1), or one a prefix of the other. */
    static boolean close(String typed, String name) {
        String a = typed.toLowerCase(Locale.ROOT), b = name.toLowerCase(Locale.ROOT);
        String bareA = a.replaceFirst("^-+", ""), bareB = b.replaceFirst("^-+", "");
        if (bareA.length() >= 3 && bareB.startsWith(bareA)) return true;
        return EditDistance.between(a, b) <= Math.max(1, Math.min(a.length(), b.length()) / 3);
    }

}
