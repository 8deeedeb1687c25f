package dev.vbp.output.view;

import dev.vbp.output.DisplayText;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order people expect report values in: numbers by value (exactly, as BigDecimal), dates by date,
 * hospital levels from the top ({@code 三级, 二级, 一级, 基层}; 甲等 before 乙等 before 丙等), categories in
 * the domain's order (drug, consumable, herbal pieces, hospital preparations), other text with its digit runs
 * compared as numbers ({@code batch-2} before {@code batch-10}). Missing values come last. Code-point order,
 * which puts 一级 before 三级 and 二级, is used only to break ties.
 */
public final class NaturalOrder implements Comparator<Object> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    // 三级甲等, 三级, 三甲, 二级乙等 ...; 特等 is above 甲等 in the grading of hospitals.
    private static final Pattern LEVEL = Pattern.compile("^([三二一])级?(特等|甲等|乙等|丙等|[特甲乙丙])?(医院)?$");
    private static final List<String> GRADES = List.of("特", "甲", "乙", "丙");
    private static final List<List<String>> CATEGORIES = List.of(
            List.of("drug", "drugs", "药品", "药"),
            List.of("西药", "化学药"),
            List.of("中成药"),
            List.of("consumable", "consumables", "耗材", "医用耗材"),
            List.of("herbal_pieces", "herbal-pieces", "中药饮片"),
            List.of("hospital_preparation", "hospital-preparation", "院内制剂", "医疗机构制剂"),
            List.of("unspecified", "未分类"));

    private NaturalOrder() {}

    @Override
    public int compare(Object a, Object b) {
        if (a == b) return 0;
        if (a == null) return 1;
        if (b == null) return -1;
        BigDecimal x = number(a), y = number(b);
        if (x != null && y != null) return x.compareTo(y);
        if (a instanceof Temporal && b instanceof Temporal && a.getClass() == b.getClass()) {
            @SuppressWarnings("unchecked") Comparable<Object> ca = (Comparable<Object>) a;
            return ca.compareTo(b);
        }
        if (a instanceof Boolean p && b instanceof Boolean q) return Boolean.compare(q, p); // y before n
        return compareText(text(a), text(b));
    }

    /** Text comparison with the level, category and digit-run rules. */
    public static int compareText(String a, String b) {
        int ra = levelRank(a), rb = levelRank(b);
        if (ra >= 0 && rb >= 0 && ra != rb) return Integer.compare(ra, rb);
        int ca = categoryRank(a), cb = categoryRank(b);
        if (ca >= 0 && cb >= 0 && ca != cb) return Integer.compare(ca, cb);
        int c = alphanumeric(a, b);
        return c != 0 ? c : a.compareTo(b);
    }

    static String text(Object value) {
        return DisplayText.format(value, dev.vbp.output.ValueKind.TEXT, dev.vbp.output.Lang.EN);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger i) return new BigDecimal(i);
        if (value instanceof Double v && Double.isFinite(v)) return new BigDecimal(Double.toString(v));
        return null;
    }

    /** 0.. for 三级 (ungraded, then 特/甲/乙/丙), then 二级, 一级, 基层, 未定级; -1 for text that is no level. */
    static int levelRank(String s) {
        String t = s.strip();
        if (t.startsWith("基层")) return 3 * 5;
        if (t.equals("未定级")) return 4 * 5;
        Matcher m = LEVEL.matcher(t);
        if (!m.matches()) return -1;
        int level = "三二一".indexOf(m.group(1));
        int grade = m.group(2) == null ? 0 : 1 + GRADES.indexOf(m.group(2).substring(0, 1));
        return level * 5 + grade;
    }

    static int categoryRank(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < CATEGORIES.size(); i++) if (CATEGORIES.get(i).contains(t)) return i;
        return -1;
    }

    /** Compares digit runs by their value, everything else char by char. */
    private static int alphanumeric(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char p = a.charAt(i), q = b.charAt(j);
            if (isDigit(p) && isDigit(q)) {
                int si = i, sj = j;
                while (i < a.length() && isDigit(a.charAt(i))) i++;
                while (j < b.length() && isDigit(b.charAt(j))) j++;
                String da = stripZeros(a.substring(si, i)), db = stripZeros(b.substring(sj, j));
                if (da.length() != db.length()) return Integer.compare(da.length(), db.length());
                int c = da.compareTo(db);
                if (c != 0) return c;
            } else {
                if (p != q) return Character.compare(p, q);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') k++;
        return digits.substring(k);
    }
}
