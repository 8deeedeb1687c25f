package dev.vbp.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vbp.domain.Period;
import dev.vbp.domain.retention.BasePrice;
import dev.vbp.domain.retention.BasePriceScope;
import dev.vbp.domain.retention.Rounding;
import dev.vbp.domain.retention.OverSpend;
import dev.vbp.domain.retention.RetentionPolicy;
import dev.vbp.domain.retention.ScoreBand;
import dev.vbp.errors.BadInputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a retained-savings policy file with the YAML streaming parser, so that every error names the line:
 * an unknown key, a value of the wrong type, an impossible value (a ratio outside 0–1) or score bands that
 * overlap or leave a gap become one {@code file:line: ...} message ({@link BadInputException}, exit 3).
 * Keys left out keep their default. {@link #DEFAULT_TEXT} is the default policy with a comment on every key.
 */
public final class PolicyFile {
    private PolicyFile() {}

    /** The default policy as a commented file: what {@code vbp policy show} prints, and valid input itself. */
    public static final String DEFAULT_TEXT = """
            # vbp retained-savings policy (医保资金结余留用). Defaults: Shenzhen 2024 draft; national basis 医保发〔2019〕26号 (docs/rules.md).
            # Pre-VBP period whose purchases give P_pre[g], the generic's weighted average unit price:
            # all, 2018, 2017..2018, 2018-03 or 2018-01-01..2018-06-30.
            base_period: all
            # How P_pre[g] is formed: weighted (Σ price·qty / Σ qty; base-period rows without quantities give
            # no P_pre) or mean (weighted, falling back to the simple mean of unit prices without quantities).
            base_price: weighted
            # Which base-period rows give P_pre: strength (the allocated product's generic and strength) or
            # generic (every strength of the generic, per minimum unit).
            base_price_scope: strength
            # r_fund: the fund's payment ratio (0–1), applied to budget and spending.
            r_fund: 1
            # s_insured: insured patients' share of the purchases (0–1), applied to budget and spending.
            s_insured: 1
            # Count selected purchases only up to the agreed quantity (true) or all of them (false).
            cap_selected_at_agreed: true
            # Count purchases of the generic's non-selected products as spending (Shenzhen, Guangxi: true).
            count_non_selected: true
            # Completion (selected purchases / agreed quantity, minimum units) needed to retain anything (0–1).
            min_completion: 1.0
            # Assessment score bands: a score in [min, max) keeps ratio (0–1) of the balance. Leave min out
            # for the lowest band and max for the highest; bands must not overlap or leave gaps.
            bands:
              - {name: A, min: 80, ratio: 0.5}
              - {name: B, min: 70, max: 80, ratio: 0.4}
              - {name: C, min: 60, max: 70, ratio: 0.3}
              - {name: D, max: 60, ratio: 0}
            # A generic whose spending exceeds its budget: zero (earns nothing) or offset (the over-spend is
            # set against the balances of the institution's other generics).
            over_spend: zero
            # Decimal places of the retained amount, rounded half-up.
            money_decimals: 2
            # Where it is rounded: total (once, the institution's total) or generic (each generic, then summed).
            rounding: total
            """;

    /** The default policy commented in Chinese when {@code chinese}: the same keys and values as {@link #DEFAULT_TEXT}. */
    public static String defaultText(boolean chinese) {
        if (!chinese) return DEFAULT_TEXT;
        try (java.io.InputStream in = PolicyFile.class.getResourceAsStream("retention-policy_zh.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link #DEFAULT_TEXT} as a JSON document (without the comments, which JSON cannot hold). */
    public static String defaultAsJson() {
        return asJson(DEFAULT_TEXT);
    }

    /** A policy file's YAML text as a JSON document (comments dropped): valid input for the same parser. */
    public static String asJson(String yaml) {
        try {
            var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a built-in policy text does not parse", e);
        }
    }

    public static RetentionPolicy load(Path file) {
        // Decoded as mapping files are (UTF-8 or GB18030, a bad byte named by line), size-bounded before parsing.
        return parse(YamlText.read(file, "policy file"), file.toString());
    }

    /** Parses policy text; {@code name} is used in messages and as the policy's source. */
    public static RetentionPolicy parse(String text, String name) {
        try {
            return parseText(text, name);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw YamlText.invalid(name, e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the policy file (" + dev.vbp.errors.Echo.firstLine(e.getMessage()) + ")");
        }
    }

    private static RetentionPolicy parseText(String text, String name) throws IOException {
        RetentionPolicy d = RetentionPolicy.defaults();
        Period basePeriod = d.basePeriod();
        BasePrice basePrice = d.basePrice();
        BigDecimal rFund = d.rFund(), sInsured = d.sInsured(), minCompletion = d.minCompletion();
        boolean cap = d.capSelected(), nonSelected = d.countNonSelected();
        List<ScoreBand> bands = d.bands();
        OverSpend overSpend = d.overSpend();
        int decimals = d.moneyDecimals();
        BasePriceScope scope = d.basePriceScope();
        Rounding rounding = d.rounding();
        Set<String> seen = new HashSet<>();
        try (JsonParser p = YamlText.parser(text)) {
            Cursor c = new Cursor(p, name);
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL && p.nextToken() == null) return d.withSource(name);
            if (first != JsonToken.START_OBJECT) throw c.bad("expected keys such as 'r_fund:' (see 'vbp policy show')");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = c.line();
                if (!seen.add(key)) throw new BadInputException(name + ":" + keyLine + ": '" + key + "' is given twice");
                p.nextToken();
                switch (key) {
                    case "base_period" -> {
                        String s = c.scalar(key);
                        basePeriod = s.equalsIgnoreCase("all") ? null : c.period(s);
                    }
                    case "base_price" -> basePrice = c.choice(key, BasePrice.class);
                    case "base_price_scope" -> scope = c.choice(key, BasePriceScope.class);
                    case "rounding" -> rounding = c.choice(key, Rounding.class);
                    case "r_fund" -> rFund = c.fraction(key);
                    case "s_insured" -> sInsured = c.fraction(key);
                    case "cap_selected_at_agreed" -> cap = c.bool(key);
                    case "count_non_selected" -> nonSelected = c.bool(key);
                    case "min_completion" -> minCompletion = c.fraction(key);
                    case "bands" -> bands = bands(c, keyLine);
                    case "over_spend" -> overSpend = c.choice(key, OverSpend.class);
                    case "money_decimals" -> {
                        BigDecimal v = c.number(key);
                        if (v.stripTrailingZeros().scale() > 0 || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(4)) > 0) {
                            throw c.bad("money_decimals must be a whole number from 0 to 4, not " + v.toPlainString());
                        }
                        decimals = v.intValueExact();
                    }
                    default -> throw new BadInputException(name + ":" + keyLine + ": unknown key '" + dev.vbp.errors.Echo.cap(key) + "'; expected one of "
                            + "base_period, base_price, base_price_scope, r_fund, s_insured, cap_selected_at_agreed, "
                            + "count_non_selected, min_completion, bands, over_spend, money_decimals, rounding");
                }
            }
            YamlText.expectEnd(p, name);
        }
        return new RetentionPolicy(basePeriod, basePrice, rFund, sInsured, cap, nonSelected, minCompletion, bands,
                overSpend, decimals, name).with(scope, rounding);
    }

    private record LinedBand(ScoreBand band, int line) {}

    private static List<ScoreBand> bands(Cursor c, int keyLine) throws IOException {
        JsonParser p = c.p;
        if (p.currentToken() != JsonToken.START_ARRAY) throw c.bad("'bands' must be a list such as '- {name: A, min: 80, ratio: 0.5}'");
        List<LinedBand> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int line = c.line();
            String bandName = null;
            BigDecimal min = null, max = null, ratio = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "name" -> bandName = c.scalar("band name");
                    case "min" -> min = c.number("min");
                    case "max" -> max = c.number("max");
                    case "ratio" -> ratio = c.fraction("ratio");
                    default -> throw c.bad("unknown band key '" + dev.vbp.errors.Echo.cap(key) + "'; expected name, min, max, ratio");
                }
            }
            if (bandName == null) throw new BadInputException(c.name + ":" + line + ": a band needs a name");
            if (ratio == null) throw new BadInputException(c.name + ":" + line + ": band " + bandName + " needs a ratio");
            if (!names.add(bandName)) throw new BadInputException(c.name + ":" + line + ": band " + bandName + " is given twice");
            if (min != null && max != null && min.compareTo(max) >= 0) {
                throw new BadInputException(c.name + ":" + line + ": band " + bandName + ": min " + min.toPlainString()
                        + " is not below max " + max.toPlainString());
            }
            bands.add(new LinedBand(new ScoreBand(bandName, min, max, ratio), line));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw c.bad("each band must be a mapping such as '{name: A, min: 80, ratio: 0.5}'");
        if (bands.isEmpty()) throw new BadInputException(c.name + ":" + keyLine + ": 'bands' needs at least one band");
        // Sorted from the lowest; each band must start where the one below ends.
        List<LinedBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing((LinedBand b) -> b.band.min(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            ScoreBand lo = sorted.get(i).band, hi = sorted.get(i + 1).band;
            int line = sorted.get(i + 1).line;
            if (lo.max() == null || (hi.min() != null && lo.max().compareTo(hi.min()) > 0)) {
                throw new BadInputException(c.name + ":" + line + ": band " + hi.name() + " overlaps band " + lo.name());
            }
            if (hi.min() == null) {
                throw new BadInputException(c.name + ":" + line + ": bands " + lo.name() + " and " + hi.name() + " both have no min");
            }
            if (lo.max().compareTo(hi.min()) < 0) {
                throw new BadInputException(c.name + ":" + line + ": gap between band " + lo.name() + " (below "
                        + lo.max().toPlainString() + ") and band " + hi.name() + " (from " + hi.min().toPlainString() + ")");
            }
        }
        List<ScoreBand> highestFirst = new ArrayList<>(sorted.stream().map(LinedBand::band).toList());
        java.util.Collections.reverse(highestFirst);
        return List.copyOf(highestFirst);
    }

    /** The parser at a value, with typed reads that fail with the value's line. */
    private static final class Cursor {
        final JsonParser p;
        final String name;

        Cursor(JsonParser p, String name) {
            this.p = p;
            this.name = name;
        }

        int line() {
            return p.currentTokenLocation().getLineNr();
        }

        BadInputException bad(String message) {
            return new BadInputException(name + ":" + line() + ": " + message);
        }

        String scalar(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) throw bad(key + " must be a single value");
            return YamlText.scalar(p, name).trim();
        }

        BigDecimal number(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw bad(key + " must be a number, not " + YamlText.describe(p));
            }
            String text = YamlText.scalar(p, name).trim();
            if (text.length() > 40) throw bad(key + " has " + text.length() + " digits; no setting needs more than 40");
            return new BigDecimal(text);
        }

        BigDecimal fraction(String key) throws IOException {
            BigDecimal v = number(key);
            if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                throw bad(key + " must be from 0 to 1, not " + v.toPlainString());
            }
            return v;
        }

        boolean bool(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_TRUE) return true;
            if (t == JsonToken.VALUE_FALSE) return false;
            throw bad(key + " must be true or false, not " + YamlText.describe(p));
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) throws IOException {
            String s = scalar(key);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) return e;
            }
            throw bad(key + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", not '" + dev.vbp.errors.Echo.cap(s) + "'");
        }

        Period period(String s) {
            try {
                return Period.parse(s);
            } catch (BadInputException e) {
                throw bad(e.getMessage() + ", or all");
            }
        }
    }
}
