package dev.vbp.cli;

import dev.vbp.output.Lang;
import picocli.CommandLine;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of help. English help is written in the annotations of each command (checked by the compiler
 * and picocli's annotation processor); every other language comes from {@code Messages_<lang>.properties}
 * beside this class, whose keys are picocli's: {@code <option name without dashes>} for an option whose text
 * is the same in every command, {@code vbp.<command path>.<option name>} where it differs,
 * {@code vbp.<command path>.usage.description.N} for descriptions, and the {@code descriptionKey} of each
 * positional parameter. {@code HelpBundleTest} fails when the model has a text the bundle lacks.
 */
public final class HelpTexts {
    static final String BUNDLE = "dev.vbp.cli.Messages";

    private HelpTexts() {}

    /** The bundle of {@code lang}, or null for English (the annotations' own text). */
    public static ResourceBundle bundle(Lang lang) {
        if (lang == Lang.EN) return null;
        try {
            return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang.name().toLowerCase(Locale.ROOT)),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (java.util.MissingResourceException e) {
            return null; // help falls back to English rather than failing
        }
    }

    /** {@code --lang X} or {@code --lang=X} among the arguments (before the parser runs), else {@code fallback}. */
    static Lang langOf(String[] args, Lang fallback) {
        for (int i = 0; i < args.length; i++) {
            String value = null;
            if (args[i].equals("--lang") && i + 1 < args.length) value = args[i + 1];
            else if (args[i].startsWith("--lang=")) value = args[i].substring("--lang=".length());
            if (value != null) {
                for (Lang l : Lang.values()) if (l.name().equalsIgnoreCase(value.trim())) return l;
            }
            if (args[i].equals("--")) break;
        }
        return fallback;
    }

    /** Sets the help bundle and the sections every command shares (the exit-code list) in {@code lang}. */
    static void apply(CommandLine cli, Lang lang) {
        ResourceBundle bundle = bundle(lang);
        if (bundle != null) cli.setResourceBundle(bundle);
        exitCodes(cli, lang);
    }

    private static void exitCodes(CommandLine cli, Lang lang) {
        cli.getCommandSpec().usageMessage()
                .exitCodeListHeading(lang.pick("%nExit codes:%n", "%n退出码：%n"))
                .exitCodeList(ExitCodes.helpList(lang));
        for (CommandLine sub : cli.getSubcommands().values()) exitCodes(sub, lang);
    }
}
