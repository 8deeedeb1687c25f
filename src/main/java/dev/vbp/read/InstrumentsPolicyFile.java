package dev.vbp.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vbp.domain.instruments.InstrumentRules;
import dev.vbp.domain.instruments.InstrumentsPolicy;
import dev.vbp.domain.instruments.PolicyRule;
import dev.vbp.domain.instruments.RuleValue;
import dev.vbp.domain.instruments.TargetSet;
import dev.vbp.errors.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a companion-measures policy file (payment standard, prepayment, use monitoring, price watch, targets)
 * with the YAML streaming parser, so every error names its line: an unknown section or key, a value of the
 * wrong type or out of range become one {@code file:line: ...} message (exit 3). A value given in the file
 * takes the file's line as its source. {@link #defaultText()} is the default policy, commented.
 */
public final class InstrumentsPolicyFile {
    private InstrumentsPolicyFile() {}

    /** The default policy as a commented file: what {@code vbp policy show --for instruments} prints. */
    public static String defaultText() {
        return defaultText(false);
    }

    /**
     * The default policy, commented in Chinese when {@code chinese} (from {@code InstrumentRules_zh.properties};
     * the keys, values and sources stay as they are, so both texts are the same policy).
     */
    public static String defaultText(boolean chinese) {
        java.util.Properties zh = chinese ? chineseComments() : null;
        StringBuilder b = new StringBuilder();
        if (zh != null) {
            b.append(zh.getProperty("header")).append('\n');
        } else {
            b.append("# vbp policy for the companion measures of VBP (配套政策): payment standard, fund prepayment,\n")
                    .append("# use monitoring, price watch and landing targets. Every rule says where its default comes from;\n")
                    .append("# \"setting; not confirmed\" means no document we could read fixes it (docs/rules.md).\n");
        }
        String section = null;
        for (PolicyRule r : InstrumentRules.ALL) {
            if (!r.section().equals(section)) {
                section = r.section();
                b.append(section).append(":\n");
            }
            String help = zh == null ? r.help() : zh.getProperty(r.section() + "." + r.key(), r.help());
            b.append("  # ").append(help);
            if (!r.choices().isEmpty()) {
                b.append(zh == null ? " One of: " : zh.getProperty("one_of")).append(String.join(", ", r.choices())).append(zh == null ? "." : "。");
            }
            b.append("\n  # ").append(zh == null ? "Source: " : zh.getProperty("source"))
                    .append(zh == null ? r.source() : chineseSource(r, zh)).append('\n');
            b.append("  ").append(r.key()).append(": ").append(text(r.defaultValue())).append('\n');
        }
        b.append("  # ").append(zh == null ? "Landing targets (options pick one with --target NAME); date: the day they are checked on."
                : zh.getProperty("targets")).append('\n');
        b.append("  sets:\n");
        for (TargetSet t : InstrumentRules.DEFAULT_TARGETS) {
            b.append("    - {name: ").append(t.name()).append(", region: ").append(t.region()).append(", date: ")
                    .append(t.date()).append(", drugs: ").append(t.drugs()).append(", consumable_classes: ")
                    .append(t.consumableClasses()).append(",\n       source: \"").append(t.source()).append("\"}\n");
        }
        return b.toString();
    }

    /** A rule's source in Chinese: its own text where it says more than "setting; not confirmed", else that phrase's. */
    private static String chineseSource(PolicyRule r, java.util.Properties zh) {
        String own = zh.getProperty(r.section() + "." + r.key() + ".source");
        if (own != null) return own;
        return r.source().equals(PolicyRule.NOT_CONFIRMED) ? zh.getProperty("not_confirmed") : r.source();
    }

    /** The Chinese comments, one per rule (a test keeps them complete). */
    public static java.util.Properties chineseComments() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = InstrumentsPolicyFile.class.getResourceAsStream("InstrumentRules_zh.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    private static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    public static InstrumentsPolicy load(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) throw new BadInputException(name + ": policy file not found");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, name);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the policy file (" + e.getMessage() + ")");
        }
    }

    public static InstrumentsPolicy parse(String text, String name) {
        try {
            return parse(new StringReader(text), name);
        } catch (IOException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        }
    }

    private static InstrumentsPolicy parse(Reader reader, String name) throws IOException {
        InstrumentsPolicy d = InstrumentsPolicy.defaults();
        Map<String, RuleValue> values = new LinkedHashMap<>();
        for (PolicyRule r : InstrumentRules.ALL) values.put(r.id(), d.get(r.id()));
        List<TargetSet> targets = d.targets();
        Set<String> sections = new LinkedHashSet<>();
        for (PolicyRule r : InstrumentRules.ALL) sections.add(r.section());
        Set<String> seen = new HashSet<>();
        try (JsonParser p = new YAMLFactory().createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) return InstrumentsPolicy.of(values, targets, name);
            if (first != JsonToken.START_OBJECT) throw bad(p, name, "expected sections such as 'payment_standard:' (see 'vbp policy show --for instruments')");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                int line = line(p);
                if (!sections.contains(section)) {
                    throw new BadInputException(name + ":" + line + ": unknown section '" + section + "'; expected one of "
                            + String.join(", ", sections));
                }
                if (!seen.add(section)) throw new BadInputException(name + ":" + line + ": '" + section + "' is given twice");
                if (p.nextToken() != JsonToken.START_OBJECT) throw bad(p, name, "'" + section + "' must hold keys such as '  key: value'");
                Set<String> keys = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (!keys.add(key)) throw new BadInputException(name + ":" + keyLine + ": '" + section + "." + key + "' is given twice");
                    p.nextToken();
                    if (section.equals("targets") && key.equals("sets")) {
                        targets = targets(p, name);
                        continue;
                    }
                    PolicyRule rule = InstrumentRules.ALL.stream().filter(r -> r.section().equals(section) && r.key().equals(key))
                            .findFirst().orElseThrow(() -> new BadInputException(name + ":" + keyLine + ": unknown key '" + key
                                    + "' in " + section + "; expected one of " + String.join(", ", keysOf(section))));
                    values.put(rule.id(), new RuleValue(value(p, name, rule), name + ":" + keyLine));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new BadInputException(name + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML ("
                    + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg)) + ")");
        }
        int from = (Integer) values.get("use_monitor.class_from").value(), to = (Integer) values.get("use_monitor.class_to").value();
        if (from > to) {
            throw new BadInputException(name + ": use_monitor.class_from (" + from + ") is after class_to (" + to + ")");
        }
        return InstrumentsPolicy.of(values, targets, name);
    }

    private static List<String> keysOf(String section) {
        List<String> keys = new ArrayList<>(InstrumentRules.ALL.stream().filter(r -> r.section().equals(section)).map(PolicyRule::key).toList());
        if (section.equals("targets")) keys.add("sets");
        return keys;
    }

    private static Object value(JsonParser p, String name, PolicyRule rule) throws IOException {
        JsonToken t = p.currentToken();
        String key = rule.id();
        switch (rule.kind()) {
            case CHOICE -> {
                if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) throw bad(p, name, key + " must be one of " + rule.choices());
                String s = p.getText().trim().toLowerCase(java.util.Locale.ROOT);
                if (!rule.choices().contains(s)) throw bad(p, name, key + " must be one of " + rule.choices() + ", not '" + p.getText() + "'");
                return s;
            }
            case FLAG -> {
                if (t == JsonToken.VALUE_TRUE) return true;
                if (t == JsonToken.VALUE_FALSE) return false;
                throw bad(p, name, key + " must be true or false");
            }
            default -> {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw bad(p, name, key + " must be a number, not '" + (t != null && t.isScalarValue() ? p.getText() : t) + "'");
                }
                BigDecimal v = new BigDecimal(p.getText().trim());
                if ((rule.min() != null && v.compareTo(rule.min()) < 0) || (rule.max() != null && v.compareTo(rule.max()) > 0)) {
                    throw bad(p, name, key + " must be " + range(rule) + ", not " + v.toPlainString());
                }
                if (rule.kind() == PolicyRule.Kind.WHOLE) {
                    if (v.stripTrailingZeros().scale() > 0) throw bad(p, name, key + " must be a whole number, not " + v.toPlainString());
                    return v.intValueExact();
                }
                return v;
            }
        }
    }

    private static String range(PolicyRule r) {
        if (r.max() == null) return "at least " + r.min().toPlainString();
        return "from " + r.min().toPlainString() + " to " + r.max().toPlainString();
    }

    private static List<TargetSet> targets(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw bad(p, name, "targets.sets must be a list such as '- {name: x, region: 凉山州, date: 2025-12-31, drugs: 500}'");
        List<TargetSet> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int line = line(p);
            String setName = null, region = null, source = null;
            LocalDate date = null;
            Integer drugs = null, classes = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "name" -> setName = scalar(p, name, "name");
                    case "region" -> region = scalar(p, name, "region");
                    case "source" -> source = scalar(p, name, "source");
                    case "date" -> {
                        String s = scalar(p, name, "date");
                        try {
                            date = LocalDate.parse(s);
                        } catch (DateTimeParseException e) {
                            throw bad(p, name, "date must be written 2025-12-31, not '" + s + "'");
                        }
                    }
                    case "drugs" -> drugs = count(p, name, "drugs");
                    case "consumable_classes" -> classes = count(p, name, "consumable_classes");
                    default -> throw bad(p, name, "unknown target key '" + key + "'; expected name, region, date, drugs, consumable_classes, source");
                }
            }
            if (setName == null) throw new BadInputException(name + ":" + line + ": a target set needs a name");
            if (date == null) throw new BadInputException(name + ":" + line + ": target set " + setName + " needs a date");
            if (drugs == null && classes == null) throw new BadInputException(name + ":" + line + ": target set " + setName + " needs drugs or consumable_classes");
            if (!names.add(setName.toLowerCase(java.util.Locale.ROOT))) throw new BadInputException(name + ":" + line + ": target set " + setName + " is given twice");
            out.add(new TargetSet(setName, region, date, drugs, classes, source == null ? name + ":" + line : source));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw bad(p, name, "each target set must be a mapping such as '{name: x, date: 2025-12-31, drugs: 500}'");
        return out;
    }

    private static String scalar(JsonParser p, String name, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) throw bad(p, name, key + " must be a single value");
        return p.getText().trim();
    }

    private static int count(JsonParser p, String name, String key) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > Integer.MAX_VALUE) {
            throw bad(p, name, key + " must be a whole number of 0 or more, not '" + (t != null && t.isScalarValue() ? p.getText() : t) + "'");
        }
        return p.getIntValue();
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static BadInputException bad(JsonParser p, String name, String message) {
        return new BadInputException(name + ":" + line(p) + ": " + message);
    }
}
