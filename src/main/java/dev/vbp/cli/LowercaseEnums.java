package dev.vbp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Enum-valued options and parameters speak lowercase, as the docs write them: completion offers
 * {@code table csv json}, not {@code TABLE CSV JSON}, and a bad value is answered with
 * "expected one of: table, csv, json" — while any case (and {@code -} for {@code _}) is still accepted.
 * Applied once to the whole model, so a new enum option needs nothing.
 */
public final class LowercaseEnums {
    private LowercaseEnums() {}

    /** Every enum type of the model gets a converter that accepts any case and answers in lowercase. */
    static void apply(CommandLine cli) {
        Set<Class<?>> types = new LinkedHashSet<>();
        collect(cli, types);
        for (Class<?> type : types) register(cli, type);
    }

    /**
     * Rewrites the model's enum options to complete in lowercase. Only for a model that generates completion
     * scripts and is not run: a replaced option no longer reaches the mixin field an inherited copy writes to.
     */
    public static CommandLine forCompletion(CommandLine cli) {
        walk(cli, new LinkedHashSet<>());
        return cli;
    }

    private static void collect(CommandLine cli, Set<Class<?>> types) {
        CommandSpec spec = cli.getCommandSpec();
        for (OptionSpec o : spec.options()) add(enumType(o.type(), o.auxiliaryTypes()), types);
        for (PositionalParamSpec p : spec.positionalParameters()) add(enumType(p.type(), p.auxiliaryTypes()), types);
        for (CommandLine sub : cli.getSubcommands().values()) if (sub.getParent() == cli) collect(sub, types);
    }

    private static void walk(CommandLine cli, Set<Class<?>> types) {
        CommandSpec spec = cli.getCommandSpec();
        for (OptionSpec o : new ArrayList<>(spec.options())) {
            Class<?> type = enumType(o.type(), o.auxiliaryTypes());
            if (type == null || o.inherited() || !constants(o.completionCandidates(), type)) continue;
            add(type, types);
            // An inherited option was copied into every subcommand; those copies go, and adding the new one
            // copies it again.
            if (o.scopeType() == CommandLine.ScopeType.INHERIT) removeInheritedCopies(cli, o.longestName());
            spec.remove(o);
            spec.addOption(OptionSpec.builder(o).completionCandidates(names(type)).build());
        }
        for (PositionalParamSpec p : new ArrayList<>(spec.positionalParameters())) {
            Class<?> type = enumType(p.type(), p.auxiliaryTypes());
            if (type == null || p.inherited() || !constants(p.completionCandidates(), type)) continue;
            add(type, types);
            spec.remove(p);
            spec.addPositional(PositionalParamSpec.builder(p).completionCandidates(names(type)).build());
        }
        for (CommandLine sub : cli.getSubcommands().values()) if (sub.getParent() == cli) walk(sub, types);
    }

    private static void removeInheritedCopies(CommandLine cli, String name) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getParent() != cli) continue;
            OptionSpec copy = sub.getCommandSpec().findOption(name);
            if (copy != null && copy.inherited()) sub.getCommandSpec().remove(copy);
            removeInheritedCopies(sub, name);
        }
    }

    /** Candidates picocli derived from the constants (a command that chose its own keeps them). */
    private static boolean constants(Iterable<String> candidates, Class<?> type) {
        if (candidates == null) return true;
        List<String> given = new ArrayList<>();
        candidates.forEach(given::add);
        List<String> constants = new ArrayList<>();
        for (Object c : type.getEnumConstants()) constants.add(c.toString());
        return given.equals(constants);
    }

    private static void add(Class<?> type, Set<Class<?>> types) {
        if (type != null) types.add(type);
    }

    private static Class<?> enumType(Class<?> type, Class<?>[] aux) {
        if (type.isEnum()) return type;
        if (aux != null && aux.length == 1 && aux[0].isEnum()) return aux[0];
        return null;
    }

    static List<String> names(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) names.add(spelling((Enum<?>) c));
        return names;
    }

    /** {@code HERBAL_PIECES} → {@code herbal-pieces}. */
    static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(CommandLine cli, Class<?> type) {
        Class<Object> target = (Class<Object>) type;
        CommandLine.ITypeConverter<Object> converter = text -> {
            String wanted = text.trim().replace('-', '_');
            for (Object constant : type.getEnumConstants()) {
                if (((Enum) constant).name().equalsIgnoreCase(wanted)) return constant;
            }
            throw new CommandLine.TypeConversionException(
                    "expected one of: " + String.join(", ", names(type)) + "; found '" + text + "'");
        };
        cli.registerConverter(target, converter);
    }
}
