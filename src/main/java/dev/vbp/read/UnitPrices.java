package dev.vbp.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prices per minimum unit (最小制剂单位价格, 单位价格: per tablet, capsule, vial) in place of, or beside, a pack
 * price and a pack count (docs/rules.md, "Prices per pack and per minimum unit"). National results print the
 * selected price per minimum unit, often beside the pack price; provincial listings may give either.
 *
 * <ul>
 *   <li>Headers: a price header whose bracketed part names a minimum unit reads as the unit price
 *       ({@code 竞标价格（最小规格）（元）}, {@code 中选价格(元/片)}); one naming a pack, or none, as the pack price
 *       ({@code 中选价格(元/盒)}, {@code 中选价格（元）}). "单位：元" is a unit of money, not a minimum unit.</li>
 *   <li>Rows: with a unit price U and a pack count N, a missing pack price is U × N; with no pack count either,
 *       the product is priced per minimum unit (pack count 1, said in a warning); with a pack price P as well
 *       but no count, N = P ÷ U when that is a whole number within rounding. P and U × N that disagree by more
 *       than the rounding of the figures as written (half a unit in the last decimal of P, plus N halves of U's)
 *       reject the row with both figures. The pack price as written is kept when both are given.</li>
 * </ul>
 */
public final class UnitPrices {
    private UnitPrices() {}

    /** What {@code vbp columns} says of a field these rules touch, or "" for the others. */
    public static String note(Dataset dataset, Field field) {
        for (Pair p : pairs(dataset)) {
            if (p.unit().equals(field.name())) {
                return "per minimum unit; a missing " + p.pack() + " is " + p.unit() + " × pack_count; both given must agree within rounding";
            }
        }
        if (field.unlessGiven() != null) return "or give " + field.unlessGiven() + " (per minimum unit) instead";
        return "";
    }

    /** Headers of a price per minimum unit, shared by bids, baselines and listings. */
    static final String[] ALIASES = {"单位价格", "最小规格价格", "最小制剂单位价格", "最小单位价格",
            "最小计价单位价格", "最小规格单价", "最小制剂单价", "最小制剂单位中选价格", "最小规格中选价格", "单位中选价格",
            "中选单位价格"};

    /** A price per pack and the price per minimum unit that may stand in for it. */
    private record Pair(String pack, String unit) {}

    private static List<Pair> pairs(Dataset dataset) {
        return switch (dataset) {
            case BIDS -> List.of(new Pair("bid_price", "unit_price"), new Pair("ceiling_price", "ceiling_unit_price"));
            case BASELINE -> List.of(new Pair("pack_price", "unit_price"));
            case LISTINGS -> List.of(new Pair("listed_price", "unit_price"));
            default -> List.of();
        };
    }

    /** What a price is given per, by the bracketed parts of its header. */
    enum Basis { PACK, UNIT, UNSTATED }

    private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)|\\[([^\\[\\]]*)\\]|【([^【】]*)】");
    private static final Pattern PER_PACK = Pattern.compile("包装|盒|pack|box");
    private static final Pattern PER_UNIT = Pattern.compile(
            "最小(规格|制剂|单位|计价|使用)|[/每](片|粒|支|袋|丸|贴|枚|揿|喷|瓶)|perunit|^unit$|^units?price$");

    /** @param normalised a header after {@link HeaderNames#normalise} */
    static Basis basis(String normalised) {
        var m = BRACKETED.matcher(normalised);
        boolean unit = false;
        while (m.find()) {
            String part = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (PER_PACK.matcher(part).find()) return Basis.PACK; // 最小包装 is a pack
            if (PER_UNIT.matcher(part).find()) unit = true;
        }
        return unit ? Basis.UNIT : Basis.UNSTATED;
    }

    /**
     * The field a header reads as when its name without brackets named {@code field}: the unit price beside a
     * pack price when the brackets name a minimum unit, else {@code field} itself.
     */
    static int byBasis(Dataset dataset, int field, String normalised) {
        if (basis(normalised) != Basis.UNIT) return field;
        String name = dataset.fields().get(field).name();
        for (Pair p : pairs(dataset)) {
            if (p.pack().equals(name)) return dataset.indexOf(p.unit());
        }
        return field;
    }

    /**
     * A row with its pack prices and pack count completed from its unit prices, or the reason it is rejected.
     *
     * @param note     a warning about the file as a whole (give it once), or null
     * @param rowNote  a warning about this row (give it with the row's place), or null
     */
    record Completed(Row row, RowRules.Problem problem, String note, String rowNote) {}

    /** @param countColumn whether the file has a pack count column (or a --set value for it) */
    static Completed complete(Dataset dataset, Row row, boolean countColumn) {
        List<Pair> pairs = pairs(dataset);
        if (pairs.isEmpty() || nothingToDo(dataset, pairs, row)) return new Completed(row, null, null, null);
        Object[] v = new Object[row.size()];
        for (int i = 0; i < v.length; i++) v[i] = row.get(i);
        int countAt = dataset.indexOf("pack_count");
        Pair main = pairs.get(0);
        int packAt = dataset.indexOf(main.pack());
        int unitAt = dataset.indexOf(main.unit());
        BigDecimal pack = (BigDecimal) v[packAt];
        BigDecimal unit = (BigDecimal) v[unitAt];
        Integer count = (Integer) v[countAt];
        String note = null;
        String rowNote = null;
        if (pack == null && unit == null) {
            return problem(row, main.pack(), "no price: " + main.pack() + " and " + main.unit() + " are both empty");
        }
        if (count == null) {
            if (unit == null) {
                return countColumn
                        ? problem(row, "pack_count", "required value is empty; a unit price (" + main.unit() + ") would stand in for it")
                        : problem(row, main.unit(), "no unit price, and the file has no pack count column to price the pack "
                                + pack.toPlainString() + " per unit");
            }
            if (pack == null) {
                count = 1;
                String what = "priced per minimum unit: pack_count 1, " + main.pack() + " = " + main.unit()
                        + " (quantities are read as minimum units)";
                if (countColumn) rowNote = "no pack count; " + what;
                else note = "no pack count column; every row is " + what;
            } else {
                BigDecimal ratio = pack.divide(unit, 0, RoundingMode.HALF_UP);
                if (ratio.signum() <= 0 || ratio.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                        || !agree(pack, unit, ratio.intValue())) {
                    return problem(row, "pack_count", "no pack count, and the pack price " + pack.toPlainString()
                            + " is not a whole number of unit prices " + unit.toPlainString());
                }
                count = ratio.intValue();
                String what = "pack_count = " + main.pack() + " ÷ " + main.unit();
                if (countColumn) rowNote = "no pack count; " + what + " = " + count;
                else note = "no pack count column; " + what + " in every row";
            }
            v[countAt] = count;
        }
        for (Pair p : pairs) {
            int pAt = dataset.indexOf(p.pack());
            int uAt = dataset.indexOf(p.unit());
            BigDecimal pp = (BigDecimal) v[pAt];
            BigDecimal uu = (BigDecimal) v[uAt];
            if (uu == null) continue;
            if (pp == null) {
                v[pAt] = uu.multiply(BigDecimal.valueOf(count));
            } else if (!agree(pp, uu, count)) {
                return problem(row, p.unit(), p.pack() + " " + pp.toPlainString() + " and " + p.unit() + " "
                        + uu.toPlainString() + " disagree: " + uu.toPlainString() + " × " + count + " = "
                        + uu.multiply(BigDecimal.valueOf(count)).toPlainString() + ", beyond the rounding of either");
            }
        }
        return new Completed(new Row(dataset, v, row.source(), row.line()), null, note, rowNote);
    }

    /** A row with its pack count, its pack price and no unit price, as most are: kept as it is, nothing allocated (big baselines). */
    private static boolean nothingToDo(Dataset dataset, List<Pair> pairs, Row row) {
        if (row.get(dataset.indexOf("pack_count")) == null || row.get(dataset.indexOf(pairs.get(0).pack())) == null) return false;
        for (Pair p : pairs) if (row.get(dataset.indexOf(p.unit())) != null) return false;
        return true;
    }

    /**
     * Whether a pack price and a unit price agree within the rounding of the figures as written:
     * |P − U × N| ≤ ½·10^−scale(P) + N · ½·10^−scale(U). 6.60 and 0.943 × 7 (6.601) agree; 6.60 and 0.95 × 7 do not.
     */
    static boolean agree(BigDecimal pack, BigDecimal unit, int count) {
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal tolerance = half.scaleByPowerOfTen(-Math.max(pack.scale(), 0))
                .add(n.multiply(half.scaleByPowerOfTen(-Math.max(unit.scale(), 0))));
        return pack.subtract(unit.multiply(n)).abs().compareTo(tolerance) <= 0;
    }

    private static Completed problem(Row row, String field, String reason) {
        return new Completed(row, new RowRules.Problem(field, reason), null, null);
    }
}
