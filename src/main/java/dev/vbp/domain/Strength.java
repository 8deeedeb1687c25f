package dev.vbp.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A drug's strength or spec (规格) reduced to a comparable value, so that a bid, its baseline and the ledger
 * lines of one product match although each file spells the spec its own way (domain.md §3).
 *
 * <p>Every amount is converted to a base unit and printed without trailing zeros: mass in mg, volume in
 * ml, biological units in IU, concentrations in %. {@link #key()} is the canonical text and
 * {@link #equals} compares keys, so {@code 0.5mg}, {@code 500μg}, {@code 500mcg}, {@code 0.5 毫克} and
 * {@code 0.0005g} are one strength ({@code 0.5mg}).
 *
 * <p>Shape of a spec, and the decisions taken where spellings disagree:
 * <ul>
 *   <li>{@code :} separates parts and {@code /} (also {@code +}, {@code 与}, {@code 和}) separates the
 *       components of a compound; component order is kept as written ({@code 10mg/12.5mg} is not
 *       {@code 12.5mg/10mg}), because the order names which ingredient is which.</li>
 *   <li>Content in a volume is always keyed volume first: {@code 20ml:0.2g}, {@code 0.2g/20ml},
 *       {@code 0.2g:20ml} and {@code 20ml/200mg} are all {@code 20ml:200mg}. A bare unit after {@code /}
 *       means one of it: {@code 5mg/ml} is {@code 1ml:5mg}.</li>
 *   <li>A volume followed by several single amounts is a compound solution:
 *       {@code 100ml:0.2g:0.9g} = {@code 100ml:200mg/900mg} = {@code 100ml:氟康唑0.2g与氯化钠0.9g}
 *       (leading ingredient names in Chinese are dropped).</li>
 *   <li>Packaging is not strength: {@code 10mg*14片}, {@code 75mg×7片}, {@code 75mg x 7} are the strength
 *       {@code 10mg}/{@code 75mg} with {@link #packCountHint()} 14/7; {@code *12片*2板} gives 24. A trailing
 *       "per unit" word ({@code 10mg/片}, {@code 100μg/揿}) is dropped.</li>
 *   <li>Bracketed text ({@code 0.4ml:1.2mg（0.3%）}, {@code 0.25g（25万单位）},
 *       {@code 0.314g(相当于…0.25g)}) restates or explains the spec; it is kept in {@link #notes()} but not
 *       in the key. So is a remark after a comma or semicolon ({@code 0.5ml:20mg,另附1支溶剂1.5ml}); but
 *       if that remark is itself a spec ({@code 10mg;20mg}) the cell lists several specs and is not
 *       understood.</li>
 *   <li>{@code 万} and {@code 亿} multiply ({@code 80万单位} = {@code 800000IU}); {@code U}, {@code 单位}
 *       and {@code IU} are one unit.</li>
 * </ul>
 *
 * <p>Parsing never fails: text that does not fit is kept with {@link #isUnderstood()} false and keyed by
 * {@link Texts#key}, so identical odd spellings (such as the {@code co} that some listings print for
 * compound products) still match each other.
 */
public final class Strength {

    /** Base units. Only mass, volume and units convert; the others are kept as written. */
    public enum Unit {
        MG("mg"), ML("ml"), IU("IU"), PERCENT("%");

        private final String symbol;

        Unit(String symbol) { this.symbol = symbol; }

        public String symbol() { return symbol; }
    }

    /** One amount in a base unit, its value without trailing zeros. */
    public record Amount(BigDecimal value, Unit unit) {
        public Amount {
            value = value.stripTrailingZeros();
            if (value.scale() < 0) value = value.setScale(0); // 3000, not 3E+3
        }

        public String key() {
            return value.toPlainString() + unit.symbol();
        }

        boolean isVolume() {
            return unit == Unit.ML;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private record Conversion(Unit unit, BigDecimal factor) {}

    private static final Map<String, Conversion> UNITS = Map.ofEntries(
            Map.entry("kg", to(Unit.MG, "1000000")), Map.entry("千克", to(Unit.MG, "1000000")),
            Map.entry("g", to(Unit.MG, "1000")), Map.entry("克", to(Unit.MG, "1000")),
            Map.entry("mg", to(Unit.MG, "1")), Map.entry("毫克", to(Unit.MG, "1")),
            Map.entry("μg", to(Unit.MG, "0.001")), Map.entry("ug", to(Unit.MG, "0.001")),
            Map.entry("mcg", to(Unit.MG, "0.001")), Map.entry("微克", to(Unit.MG, "0.001")),
            Map.entry("ng", to(Unit.MG, "0.000001")), Map.entry("纳克", to(Unit.MG, "0.000001")),
            Map.entry("l", to(Unit.ML, "1000")), Map.entry("升", to(Unit.ML, "1000")),
            Map.entry("ml", to(Unit.ML, "1")), Map.entry("毫升", to(Unit.ML, "1")),
            Map.entry("μl", to(Unit.ML, "0.001")), Map.entry("ul", to(Unit.ML, "0.001")),
            Map.entry("微升", to(Unit.ML, "0.001")),
            Map.entry("iu", to(Unit.IU, "1")), Map.entry("u", to(Unit.IU, "1")),
            Map.entry("单位", to(Unit.IU, "1")), Map.entry("国际单位", to(Unit.IU, "1")),
            Map.entry("%", to(Unit.PERCENT, "1")));

    private static Conversion to(Unit unit, String factor) {
        return new Conversion(unit, new BigDecimal(factor));
    }

    /** Words for "one tablet/capsule/vial/puff…": after a count they are packaging, after '/' "per unit". */
    private static final String COUNT_WORD =
            "(?:[片粒支瓶袋丸包贴盒板枚管只揿喷张剂份套条个]|s|pcs?|tabs?|tablets?|caps?|capsules?"
                    + "|bottles?|vials?|bags?|amps?|ampoules?|sachets?|pieces?|doses?|puffs?)";
    private static final Pattern COUNT_WORD_ONLY = Pattern.compile(COUNT_WORD);
    /** {@code *14片}, {@code ×7}, {@code x7s}, {@code *12片*2板/盒} at the end of the spec. */
    private static final Pattern PACK_TAIL = Pattern.compile(
            "(?:[*×x][1-9][0-9]{0,5}" + COUNT_WORD + "?(?:/" + COUNT_WORD + ")?)+$");
    private static final Pattern PACK_NUMBER = Pattern.compile("[1-9][0-9]*");
    private static final Pattern INNERMOST_BRACKET = Pattern.compile("[(\\[【]([^()\\[\\]【】]*)[)\\]】]");
    private static final Pattern ANY_BRACKET = Pattern.compile("[()\\[\\]【】]");
    /** A comma between digits followed by exactly three digits: {@code 1,000,000IU}. */
    private static final Pattern THOUSANDS = Pattern.compile("(?<=[0-9]),(?=[0-9]{3}(?![0-9]))");
    private static final Pattern AMOUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)([万亿]?)(.+)");
    private static final Pattern INGREDIENT_LABEL = Pattern.compile("^[\\u3400-\\u9fff]+(?=[0-9.])");
    private static final Pattern COMPONENT_SEPARATOR = Pattern.compile("[/+与和]");

    private final String text;
    private final List<List<Amount>> parts;
    private final Integer packCountHint;
    private final List<String> notes;
    private final String key;

    private Strength(String text, List<List<Amount>> parts, Integer packCountHint, List<String> notes) {
        this.text = text;
        this.parts = parts;
        this.packCountHint = packCountHint;
        this.notes = notes;
        this.key = parts.isEmpty() ? Texts.key(text) : keyOf(parts);
    }

    /** Reads a spec; never throws. {@code null} reads as an empty, not-understood spec. */
    public static Strength parse(String text) {
        return PARSED.get(text == null ? "" : text);
    }

    /** A spec read once per distinct text (a strength never changes once made). */
    private static final Memo<Strength> PARSED = new Memo<>(16_384, Strength::parseOnce);

    private static Strength parseOnce(String original) {
        Strength understood = understand(original);
        return understood != null ? understood : new Strength(original, List.of(), null, List.of());
    }

    /** The text as it was given. */
    public String text() {
        return text;
    }

    /** False when the text did not fit any known shape; {@link #key()} is then just {@link Texts#key}. */
    public boolean isUnderstood() {
        return !parts.isEmpty();
    }

    /** The canonical form, such as {@code 0.5mg}, {@code 20ml:200mg} or {@code 10mg/12.5mg}. */
    public String key() {
        return key;
    }

    /**
     * Parts separated by {@code :}, each a list of components separated by {@code /}, in key order; empty
     * when not understood. {@code 20ml:0.2g} is {@code [[20ml], [200mg]]}.
     */
    public List<List<Amount>> parts() {
        return parts;
    }

    /** Units per pack written into the spec ({@code 10mg*14片} → 14), a hint to check the pack-count column. */
    public Optional<Integer> packCountHint() {
        return Optional.ofNullable(packCountHint);
    }

    /** Bracketed text and trailing remarks left out of the key, in the order found. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Strength other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }

    // ---- parsing ----------------------------------------------------------------------------------------

    /** The whole spec, or null when it does not fit. */
    private static Strength understand(String original) {
        String s = Texts.normalise(original).toLowerCase(Locale.ROOT).replace(" ", "");
        List<String> notes = new ArrayList<>();

        s = takeBrackets(s, notes);
        if (s == null) return null;
        s = THOUSANDS.matcher(s).replaceAll("");

        int remark = firstIndexOf(s, ',', ';');
        if (remark >= 0) {
            String rest = s.substring(remark + 1);
            if (parseSpec(rest) != null) return null; // several specs in one cell: no single answer
            if (!rest.isEmpty()) notes.add(rest);
            s = s.substring(0, remark);
        }

        Integer packCount = null;
        Matcher tail = PACK_TAIL.matcher(s);
        if (tail.find()) {
            packCount = packCountOf(tail.group());
            s = s.substring(0, tail.start());
        }

        List<List<Amount>> parts = parseSpec(s);
        if (parts == null) return null;
        return new Strength(original, parts, packCount, List.copyOf(notes));
    }

    /** Removes bracketed groups innermost first, collecting their text; null when brackets do not pair. */
    private static String takeBrackets(String s, List<String> notes) {
        Matcher m = INNERMOST_BRACKET.matcher(s);
        while (m.find()) {
            if (!m.group(1).isEmpty()) notes.add(m.group(1));
            s = s.substring(0, m.start()) + s.substring(m.end());
            m = INNERMOST_BRACKET.matcher(s);
        }
        return ANY_BRACKET.matcher(s).find() ? null : s;
    }

    private static int firstIndexOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }

    /** Multiplies every count in the tail ({@code *12片*2板} → 24); null if that would not fit an int. */
    private static Integer packCountOf(String tail) {
        long product = 1;
        Matcher m = PACK_NUMBER.matcher(tail);
        while (m.find()) {
            product *= Long.parseLong(m.group());
            if (product > Integer.MAX_VALUE) return null;
        }
        return (int) product;
    }

    /** {@code a:b/c:d} without packaging or brackets, canonically ordered; null when it does not fit. */
    private static List<List<Amount>> parseSpec(String s) {
        if (s.isEmpty()) return null;
        List<List<Amount>> parts = new ArrayList<>();
        for (String part : s.split(":", -1)) {
            List<Amount> components = parseCompound(part);
            if (components == null) return null;
            parts.add(components);
        }
        return canonical(parts);
    }

    /** {@code 200mg/900mg}, {@code 5mg/ml}, {@code 10mg/片}; null when a component does not fit. */
    private static List<Amount> parseCompound(String part) {
        String[] tokens = COMPONENT_SEPARATOR.split(part, -1);
        List<Amount> amounts = new ArrayList<>();
        boolean perUnitSeen = false;
        for (String token : tokens) {
            if (!amounts.isEmpty() && COUNT_WORD_ONLY.matcher(token).matches()) {
                perUnitSeen = true; // "per tablet": says nothing about the amount
                continue;
            }
            if (perUnitSeen) return null; // an amount after "per tablet" is not a shape we know
            Amount a = parseAmount(token);
            if (a == null) return null;
            amounts.add(a);
        }
        return amounts;
    }

    private static Amount parseAmount(String token) {
        String t = INGREDIENT_LABEL.matcher(token).replaceFirst("");
        Conversion bare = UNITS.get(t);
        if (bare != null && bare.unit() == Unit.ML) {
            return new Amount(bare.factor(), Unit.ML); // "/ml" in 5mg/ml: per one ml
        }
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) return null;
        Conversion c = UNITS.get(m.group(3));
        if (c == null) return null;
        BigDecimal value = new BigDecimal(m.group(1)).multiply(c.factor());
        if (m.group(2).equals("万")) value = value.scaleByPowerOfTen(4);
        if (m.group(2).equals("亿")) value = value.scaleByPowerOfTen(8);
        return new Amount(value, c.unit());
    }

    /** Puts content-in-volume specs volume first, whichever way round they were written (see class doc). */
    private static List<List<Amount>> canonical(List<List<Amount>> parts) {
        if (parts.size() == 1 && parts.get(0).size() == 2) {
            Amount a = parts.get(0).get(0);
            Amount b = parts.get(0).get(1);
            if (a.isVolume() != b.isVolume()) { // 0.2g/20ml, 5mg/ml, 20ml/200mg
                return a.isVolume() ? List.of(List.of(a), List.of(b)) : List.of(List.of(b), List.of(a));
            }
        }
        if (parts.size() == 2 && isSingle(parts.get(0), false) && isSingle(parts.get(1), true)) {
            return List.of(parts.get(1), parts.get(0)); // 0.2g:20ml
        }
        if (parts.size() >= 3 && isSingle(parts.get(0), true)
                && parts.stream().skip(1).allMatch(p -> isSingle(p, false))) {
            List<Amount> contents = parts.stream().skip(1).map(p -> p.get(0)).toList();
            return List.of(parts.get(0), contents); // 100ml:0.2g:0.9g
        }
        return parts.stream().map(List::copyOf).toList();
    }

    private static boolean isSingle(List<Amount> part, boolean volume) {
        return part.size() == 1 && part.get(0).isVolume() == volume;
    }

    private static String keyOf(List<List<Amount>> parts) {
        StringBuilder b = new StringBuilder();
        for (List<Amount> part : parts) {
            if (b.length() > 0) b.append(':');
            for (int i = 0; i < part.size(); i++) {
                if (i > 0) b.append('/');
                b.append(part.get(i).key());
            }
        }
        return b.toString();
    }
}
