package dev.vbp.cli;

import dev.vbp.output.DisplayWidth;
import picocli.CommandLine;
import picocli.CommandLine.Help;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out three help sections picocli would break in the wrong places, at the help's width (the terminal's,
 * or 80): the synopsis breaks only between options, never inside {@code [--map=FILE.yaml]...}; the
 * description is one paragraph refilled to the width (its lines in the source are where a sentence was cut
 * to fit the source file, not breaks for the reader); the examples of the footer break between arguments
 * with a {@code \} at the end of the line, so an example copied from an 80-column terminal still runs, and
 * never inside a file name.
 */
final class HelpLayout {
    /** Continuation lines of an example are indented this much more than the example. */
    static final String CONTINUATION = "    ";

    private HelpLayout() {}

    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
        for (CommandLine sub : cli.getSubcommands().values()) install(sub);
    }

    private static String synopsis(Help help) {
        var usage = help.commandSpec().usageMessage();
        int width = usage.width();
        int heading = help.synopsisHeadingLength();
        String oneLine;
        usage.width(4000); // one line (picocli pads to the width, so not more)
        try {
            oneLine = help.synopsis(heading).stripTrailing();
        } finally {
            usage.width(width);
        }
        if (oneLine.contains("\n")) return oneLine + "\n"; // a custom synopsis: as written
        int indent = heading + DisplayWidth.of(strip(help.commandSpec().qualifiedName())) + 1;
        return String.join("\n", wrap(tokens(oneLine), width - heading, width, " ".repeat(indent), "")) + "\n";
    }

    /**
     * The description's lines joined into paragraphs and filled to the width. An empty line ends a paragraph;
     * a line that starts with a space or {@code - } starts a new line of its own (a list). Chinese text may
     * break between any two characters, never before closing punctuation (，。、：；）) or after an opening one.
     */
    private static String description(Help help) {
        var usage = help.commandSpec().usageMessage();
        String[] lines = usage.description();
        if (lines == null || lines.length == 0) return "";
        List<String> paragraphs = new ArrayList<>();
        StringBuilder cur = null;
        for (String raw : lines) {
            for (String line : String.format(raw).split("\n", -1)) {
                boolean own = line.startsWith(" ") || line.startsWith("- ");
                if (line.isBlank()) {
                    if (cur != null) paragraphs.add(cur.toString());
                    paragraphs.add("");
                    cur = null;
                } else if (cur == null || own) {
                    if (cur != null) paragraphs.add(cur.toString());
                    cur = new StringBuilder(line.stripTrailing());
                } else {
                    join(cur, line.strip());
                }
            }
        }
        if (cur != null) paragraphs.add(cur.toString());
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            String indent = p.substring(0, p.length() - p.stripLeading().length());
            String hanging = p.stripLeading().startsWith("- ") ? indent + "  " : indent;
            sb.append(indent).append(String.join("\n", fill(p.strip(), usage.width() - indent.length(), usage.width(), hanging)))
                    .append('\n');
        }
        return help.colorScheme().ansi().new Text(sb.toString(), help.colorScheme()).toString();
    }

    /**
     * The list of subcommands, each with the first sentence of its description. picocli shows a description's
     * first source line, which is where the sentence was cut to fit the source file ("… 17 counties and cities
     * of 凉山州 (or of --institutions),"). A command's own header, when it has one, is left as it is.
     */
    private static String commandList(Help help) {
        Map<String, Help> subcommands = help.subcommands();
        List<Runnable> restore = new ArrayList<>();
        try {
            for (Help sub : subcommands.values()) {
                var usage = sub.commandSpec().usageMessage();
                if (usage.header() != null && usage.header().length > 0) continue;
                String[] lines = usage.description();
                if (lines == null || lines.length == 0) continue;
                String[] header = usage.header();
                usage.header(firstSentence(lines).replace("%", "%%")); // picocli formats a header
                restore.add(() -> usage.header(header));
            }
            return help.commandList(subcommands);
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /**
     * The first sentence of a description given as source lines: up to the first {@code .} followed by a space
     * (not in {@code e.g.} or {@code i.e.}), a {@code 。}, or the end of the first paragraph.
     */
    static String firstSentence(String[] lines) {
        StringBuilder paragraph = null;
        for (String raw : lines) {
            for (String line : String.format(raw).split("\n", -1)) {
                if (line.isBlank()) {
                    if (paragraph != null) return sentence(paragraph.toString());
                    continue;
                }
                if (paragraph == null) paragraph = new StringBuilder(line.strip());
                else join(paragraph, line.strip());
            }
        }
        return paragraph == null ? "" : sentence(paragraph.toString());
    }

    private static String sentence(String paragraph) {
        String first = upToFullStop(paragraph);
        if (DisplayWidth.of(first) <= LONG_SUMMARY) return first;
        int colon = first.indexOf(": "), wideColon = first.indexOf('：'); // a long sentence: what comes before its colon
        int at = colon < 0 ? wideColon : wideColon < 0 ? colon : Math.min(colon, wideColon);
        return at > 0 ? first.substring(0, at) : first;
    }

    /** A summary wider than this (three lines of the list at 80 columns) is cut at its colon. */
    private static final int LONG_SUMMARY = 180;

    private static String upToFullStop(String paragraph) {
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (c == '。') return paragraph.substring(0, i + 1);
            if (c == '.' && (i + 1 == paragraph.length() || paragraph.charAt(i + 1) == ' ')) {
                String before = paragraph.substring(0, i + 1);
                if (!before.endsWith("e.g.") && !before.endsWith("i.e.")) return before;
            }
        }
        return paragraph;
    }

    /** Appends a source line to a paragraph: a space between words, none where Chinese meets Chinese or after full-width punctuation. */
    private static void join(StringBuilder paragraph, String next) {
        char last = paragraph.charAt(paragraph.length() - 1), first = next.charAt(0);
        boolean fullWidthPunctuation = "，。、：；！？）》」』】（《「『【".indexOf(last) >= 0; // carries its own space
        if (!(wide(last) && wide(first)) && !fullWidthPunctuation) paragraph.append(' ');
        paragraph.append(next);
    }

    static boolean wide(char c) {
        return DisplayWidth.of(String.valueOf(c)) == 2;
    }

    private static final String NO_BREAK_BEFORE = "，。、：；！？）》」』】,.;:!?)";
    private static final String NO_BREAK_AFTER = "（《「『【(";

    /** A paragraph filled into lines at spaces and between Chinese characters. */
    static List<String> fill(String text, int first, int width, String indent) {
        List<String> pieces = new ArrayList<>(); // each ends where a line may break; a leading space is dropped at a break
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (!cur.isEmpty()) pieces.add(cur.toString());
                cur.setLength(0);
                cur.append(' ');
                continue;
            }
            boolean boundary = !cur.isEmpty() && !cur.toString().equals(" ") && i > 0
                    && (wide(c) || wide(text.charAt(i - 1)))
                    && NO_BREAK_BEFORE.indexOf(c) < 0 && NO_BREAK_AFTER.indexOf(text.charAt(i - 1)) < 0;
            if (boundary) {
                pieces.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(c);
        }
        if (!cur.isEmpty()) pieces.add(cur.toString());
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0, budget = first;
        for (String piece : pieces) {
            String bare = piece.startsWith(" ") ? piece.substring(1) : piece;
            int w = DisplayWidth.of(strip(piece));
            if (used > 0 && used + w > budget) {
                out.add(line.toString());
                line.setLength(0);
                line.append(indent);
                used = indent.length();
                budget = width;
                line.append(bare);
                used += DisplayWidth.of(strip(bare));
                continue;
            }
            line.append(used == 0 ? bare : piece);
            used += used == 0 ? DisplayWidth.of(strip(bare)) : w;
        }
        out.add(line.toString());
        return out;
    }

    private static String footer(Help help) {
        var usage = help.commandSpec().usageMessage();
        int width = usage.width();
        StringBuilder sb = new StringBuilder();
        for (String raw : usage.footer()) {
            String text = String.format(raw);
            for (String line : text.split("\n", -1)) {
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                boolean example = line.stripLeading().startsWith("vbp ");
                List<String> words = example ? pairs(tokens(line.strip())) : List.of(line.strip().split(" +"));
                if (line.isBlank()) {
                    sb.append(line).append('\n');
                    continue;
                }
                List<String> lines = wrap(words, width - indent.length(), width, indent + (example ? CONTINUATION : ""),
                        example ? " \\" : "");
                sb.append(indent).append(String.join("\n", lines)).append('\n');
            }
        }
        return help.colorScheme().ansi().new Text(sb.toString(), help.colorScheme()).toString();
    }

    /**
     * Words of a synopsis or an example: split at spaces outside brackets and quotes, so {@code [--by=LEVEL[,
     * LEVEL...]]...} and {@code 'county=西昌市 and ...'} stay whole.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B') { // an escape sequence: copied whole, its [ is no bracket
                int end = i + 1;
                while (end < text.length() && !Character.isLetter(text.charAt(end))) end++;
                cur.append(text, i, Math.min(text.length(), end + 1));
                i = end;
                continue;
            }
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if ((c == ']' || c == ')') && depth > 0) {
                depth--;
            } else if (c == ' ' && depth == 0) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    /** An option and its value stay on one line ({@code --ledger sample-data/ledger.csv}). */
    static List<String> pairs(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && !w.contains("=") && i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                out.add(w + " " + words.get(++i));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Words filled into lines: the first {@code first} cells wide, the rest {@code width} wide after
     * {@code indent}; each full line but the last ends with {@code mark}. A word longer than a line gets a
     * line of its own, whole.
     */
    static List<String> wrap(List<String> words, int first, int width, String indent, String mark) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0, budget = first;
        boolean fresh = true;
        for (String w : words) {
            int ww = DisplayWidth.of(strip(w));
            if (!fresh && used + 1 + ww + mark.length() > budget) {
                lines.add(line + mark);
                line.setLength(0);
                line.append(indent);
                used = indent.length();
                budget = width;
                fresh = true;
            }
            if (!fresh) {
                line.append(' ');
                used++;
            }
            line.append(w);
            used += ww;
            fresh = false;
        }
        lines.add(line.toString());
        return lines;
    }

    /** Text without ANSI escape sequences, for measuring. */
    static String strip(String text) {
        return text.indexOf('\u001B') < 0 ? text : text.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }
}
