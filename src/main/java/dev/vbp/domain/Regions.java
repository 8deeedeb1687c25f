package dev.vbp.domain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Province-level region names as a comparable key: {@code 上海}, {@code 上海市} and {@code Shanghai} are one
 * region. Real price lists mix all three. Names that are not provinces (cities, lists of supply regions)
 * keep their own normalised text as key.
 */
public final class Regions {
    private static final Map<String, String> PINYIN = new HashMap<>();

    static {
        String[][] table = {
                {"北京", "beijing"}, {"天津", "tianjin"}, {"河北", "hebei"}, {"山西", "shanxi"}, {"内蒙古", "neimenggu", "innermongolia"},
                {"辽宁", "liaoning"}, {"吉林", "jilin"}, {"黑龙江", "heilongjiang"}, {"上海", "shanghai"}, {"江苏", "jiangsu"},
                {"浙江", "zhejiang"}, {"安徽", "anhui"}, {"福建", "fujian"}, {"江西", "jiangxi"}, {"山东", "shandong"},
                {"河南", "henan"}, {"湖北", "hubei"}, {"湖南", "hunan"}, {"广东", "guangdong"}, {"广西", "guangxi"},
                {"海南", "hainan"}, {"重庆", "chongqing"}, {"四川", "sichuan"}, {"贵州", "guizhou"}, {"云南", "yunnan"},
                {"西藏", "xizang", "tibet"}, {"陕西", "shaanxi"}, {"甘肃", "gansu"}, {"青海", "qinghai"}, {"宁夏", "ningxia"},
                {"新疆", "xinjiang"}, {"新疆生产建设兵团", "xinjiangbingtuan"}, {"香港", "hongkong"}, {"澳门", "macau", "macao"},
                {"台湾", "taiwan"},
        };
        for (String[] row : table) {
            for (int i = 1; i < row.length; i++) PINYIN.put(row[i], row[0]);
        }
    }

    private Regions() {}

    /** The comparable key of a region name, e.g. {@code 上海} for "上海市", "Shanghai" and " shanghai ". */
    public static String key(String name) {
        if (name == null) return "";
        String s = Texts.normalise(name);
        String latin = s.toLowerCase(Locale.ROOT).replace(" ", "").replace("province", "").replace("city", "")
                .replace("municipality", "");
        if (PINYIN.containsKey(latin)) return PINYIN.get(latin);
        for (String suffix : new String[]{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"}) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                String stem = s.substring(0, s.length() - suffix.length());
                if (PINYIN.containsValue(stem)) return stem;
            }
        }
        return s;
    }

    /** True when {@code region} names {@code wanted}, or is a list (separated by 、,;) containing it. */
    public static boolean includes(String region, String wanted) {
        String w = key(wanted);
        if (key(region).equals(w)) return true;
        for (String part : Texts.normalise(region).split("[、,;；，]")) {
            if (key(part).equals(w)) return true;
        }
        return false;
    }
}
