package dev.vbp.sample;

import dev.vbp.domain.Category;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a realistic, reproducible purchase ledger (dataset {@code ledger}) for demos, tests and
 * benchmarks: the same settings always give the same bytes.
 *
 * <p>The default world is province-sized: about 2,000 institutions (code {@code H} + county code + 5-digit
 * serial) over the 17 counties of 凉山州, 150 drugs (23-character {@code X…} codes) and 20 consumables
 * ({@code C…} + 19 digits). Each institution buys mostly online (about 90% of all amount, varying by
 * institution), dates run through one year with a time of day, about 1% of lines are returns (negative
 * quantity and amount), and {@code amount = quantity × unit price} exactly except on lines deliberately
 * put off on request. Headers are the canonical English names of {@code Dataset.LEDGER} plus three
 * columns real exports carry (order_no, spec, manufacturer); channels are written 线上/线下 and categories
 * 药品/耗材. Lines average about 170 bytes in UTF-8, so 10 million lines make about 1.7 GB.
 */
public final class LedgerGenerator {

    /**
     * A product on sale: its code, generic name, spec (规格) and manufacturer as the ledger should show them,
     * price per pack (at most 4 decimals) and category. A null or blank spec or manufacturer means "not known":
     * the generator then makes a plausible one up from the product's position in the list.
     */
    public record Product(String code, String genericName, String spec, String manufacturer, BigDecimal packPrice,
                          Category category) {
        public Product {
            Objects.requireNonNull(code);
            Objects.requireNonNull(genericName);
            if (spec != null && spec.isBlank()) spec = null;
            if (manufacturer != null && manufacturer.isBlank()) manufacturer = null;
            if (packPrice.scale() > 4 || packPrice.signum() <= 0) {
                throw new IllegalArgumentException("pack price must be positive with at most 4 decimals: " + packPrice);
            }
            Objects.requireNonNull(category);
        }

        /** A product whose spec and manufacturer the generator makes up. */
        public Product(String code, String genericName, BigDecimal packPrice, Category category) {
            this(code, genericName, null, null, packPrice, category);
        }
    }

    /**
     * @param rows         data lines to write (bad lines included)
     * @param badLines     lines made malformed on purpose (bad number, bad date, unknown channel, missing field,
     *                     five decimals), at seeded random positions
     * @param gb18030      write GB18030 instead of UTF-8
     * @param mismatches   valid lines whose amount is 1 yuan off quantity × unit price
     * @param year         the calendar year the dates fall in
     */
    public record Settings(long rows, long seed, long badLines, boolean gb18030, List<String> institutions,
                           List<Product> products, long mismatches, int year) {
        public Settings {
            if (rows < 0 || badLines < 0 || mismatches < 0) throw new IllegalArgumentException("counts must not be negative");
            if (badLines + mismatches > rows) throw new IllegalArgumentException("more bad and mismatched lines than rows");
            institutions = List.copyOf(institutions);
            products = List.copyOf(products);
            if (institutions.isEmpty() || products.isEmpty()) throw new IllegalArgumentException("no institutions or products");
        }

        public Settings(long rows, long seed, long badLines, boolean gb18030) {
            this(rows, seed, badLines, gb18030, defaultInstitutions(), defaultProducts(), 0, 2024);
        }

        public Settings withInstitutions(List<String> codes) {
            return new Settings(rows, seed, badLines, gb18030, codes, products, mismatches, year);
        }

        public Settings withProducts(List<Product> list) {
            return new Settings(rows, seed, badLines, gb18030, institutions, list, mismatches, year);
        }

        public Settings withMismatches(long n) {
            return new Settings(rows, seed, badLines, gb18030, institutions, products, n, year);
        }

        public Settings withYear(int y) {
            return new Settings(rows, seed, badLines, gb18030, institutions, products, mismatches, y);
        }
    }

    /**
     * What was written, worked out while writing (independently of any reader), over the valid lines.
     * Money and quantities are scaled by 10^4.
     */
    public record Summary(long rows, long bytes, long validLines, long badLines, long mismatches, long returns,
                          long onlineAmount, long offlineAmount, long quantity) {}

    /** The 17 county-level divisions of 凉山彝族自治州. */
    public static final List<String> LIANGSHAN_COUNTIES = List.of("513401", "513402", "513422", "513423", "513424",
            "513426", "513427", "513428", "513429", "513430", "513431", "513432", "513433", "513434", "513435",
            "513436", "513437");

    private static final String HEADER =
            "date,order_no,institution_code,product_code,generic_name,spec,manufacturer,quantity,unit_price,amount,channel,category\n";

    private LedgerGenerator() {}

    /** About 2,000 institution codes, H + county + 5-digit serial, more in the populous counties. */
    public static List<String> defaultInstitutions() {
        int[] perCounty = {260, 90, 110, 70, 130, 150, 60, 100, 150, 120, 140, 110, 90, 120, 110, 80, 110};
        List<String> codes = new ArrayList<>();
        for (int c = 0; c < LIANGSHAN_COUNTIES.size(); c++) {
            for (int s = 1; s <= perCounty[c]; s++) codes.add(String.format("H%s%05d", LIANGSHAN_COUNTIES.get(c), s));
        }
        return List.copyOf(codes);
    }

    private static final String[] DRUGS = {
        "盐酸二甲双胍缓释片", "阿托伐他汀钙片", "苯磺酸氨氯地平片", "厄贝沙坦片", "恩替卡韦分散片", "头孢呋辛酯片",
        "蒙脱石散", "阿莫西林胶囊", "瑞舒伐他汀钙片", "硫酸氢氯吡格雷片", "氯沙坦钾片", "缬沙坦胶囊", "奥美拉唑肠溶胶囊",
        "盐酸左西替利嗪片", "阿卡波糖片", "格列美脲片", "富马酸替诺福韦二吡呋酯片", "孟鲁司特钠片", "注射用头孢曲松钠",
        "盐酸莫西沙星片", "左氧氟沙星片", "布洛芬缓释胶囊", "对乙酰氨基酚片", "甲硝唑片", "阿奇霉素片",
        "注射用奥美拉唑钠", "氯化钠注射液", "葡萄糖注射液", "甲钴胺片", "艾司奥美拉唑镁肠溶片"};
    private static final String[] DRUG_ATC = {
        "A10BA", "C10AA", "C08CA", "C09CA", "J05AF", "J01DC", "A07BC", "J01CA", "C10AA", "B01AC", "C09CA", "C09CA",
        "A02BC", "R06AE", "A10BF", "A10BB", "J05AF", "R03DC", "J01DD", "J01MA", "J01MA", "M01AE", "N02BE", "P01AB",
        "J01FA", "A02BC", "B05XA", "B05BA", "B03BA", "A02BC"};
    private static final String[][] DRUG_SPECS = {
        {"0.5g*30片", "0.5g*60片", "0.85g*20片"}, {"10mg*7片", "20mg*14片", "40mg*7片"}, {"5mg*7片", "5mg*28片", "2.5mg*14片"},
        {"75mg*12片", "150mg*7片", "0.15g*28片"}, {"0.5mg*7片", "1mg*28片", "0.5mg*28片"}, {"0.25g*12片", "0.125g*24片", "0.5g*6片"},
        {"3g*10袋", "3g*15袋", "3g*20袋"}, {"0.25g*24粒", "0.5g*20粒", "0.25g*36粒"}, {"10mg*7片", "5mg*28片", "20mg*7片"},
        {"75mg*7片", "25mg*20片", "75mg*28片"}, {"50mg*7片", "100mg*7片", "50mg*14片"}, {"80mg*7粒", "160mg*7粒", "80mg*28粒"},
        {"20mg*14粒", "20mg*28粒", "10mg*14粒"}, {"5mg*6片", "5mg*12片", "5mg*24片"}, {"50mg*30片", "100mg*30片", "50mg*60片"},
        {"1mg*30片", "2mg*30片", "2mg*60片"}, {"300mg*30片", "300mg*90片", "300mg*60片"}, {"10mg*5片", "10mg*30片", "4mg*30片"},
        {"0.5g*1瓶", "1.0g*1瓶", "2.0g*1瓶"}, {"0.4g*3片", "0.4g*6片", "0.4g*5片"}, {"0.5g*4片", "0.5g*10片", "0.25g*10片"},
        {"0.3g*20粒", "0.3g*24粒", "0.4g*20粒"}, {"0.5g*10片", "0.5g*20片", "0.3g*24片"}, {"0.2g*21片", "0.2g*100片", "0.2g*24片"},
        {"0.25g*6片", "0.5g*3片", "0.25g*12片"}, {"40mg*1瓶", "40mg*10瓶", "20mg*1瓶"}, {"250ml:2.25g", "100ml:0.9g", "500ml:4.5g"},
        {"250ml:12.5g", "500ml:25g", "100ml:5g"}, {"0.5mg*20片", "0.5mg*50片", "0.5mg*30片"}, {"20mg*7片", "40mg*7片", "20mg*14片"}};
    private static final String[] CONSUMABLES = {
        "冠状动脉药物洗脱支架系统", "人工髋关节假体", "人工膝关节假体", "一次性使用吻合器", "一次性使用静脉留置针",
        "一次性使用输液器", "一次性使用导尿管", "人工晶状体", "冠状动脉球囊扩张导管", "骨科创伤类接骨板",
        "一次性使用无菌注射器", "医用外科口罩", "一次性使用真空采血管", "中心静脉导管", "胰岛素注射笔用针头",
        "可吸收缝合线", "一次性使用麻醉穿刺包", "超声刀头", "腔静脉滤器", "一次性使用气管插管"};
    /** Specs of the consumables above, in the same order. */
    private static final String[] CONSUMABLE_SPECS = {
        "3.0mm*18mm", "股骨柄12#", "胫骨平台3#", "25mm", "22G", "0.7mm", "双腔16Fr", "+20.0D", "2.5mm*15mm", "6孔",
        "5ml", "17.5cm*9.5cm*10只", "5ml", "双腔7Fr", "0.25mm*5mm", "2-0", "AS-E", "36cm", "永久型", "7.5#"};
    /** Makers for products that come without one (from a bids file with no manufacturer, or the 4-argument Product). */
    private static final String[] MAKERS = {
        "石药集团欧意药业有限公司", "齐鲁制药有限公司", "扬子江药业集团有限公司", "正大天晴药业集团股份有限公司",
        "浙江华海药业股份有限公司", "四川科伦药业股份有限公司", "华润双鹤药业股份有限公司", "上海信谊天平药业有限公司",
        "北京诺华制药有限公司", "辉瑞制药有限公司", "乐普(北京)医疗器械股份有限公司", "微创医疗器械(上海)有限公司",
        "威高集团有限公司", "强生(上海)医疗器材有限公司", "成都倍特药业股份有限公司"};
    /** Drug makers and device makers apart, so the default list never has a stent made by a pharmaceutical firm. */
    private static final String[] DRUG_MAKERS = {
        "石药集团欧意药业有限公司", "齐鲁制药有限公司", "扬子江药业集团有限公司", "正大天晴药业集团股份有限公司",
        "浙江华海药业股份有限公司", "四川科伦药业股份有限公司", "华润双鹤药业股份有限公司", "上海信谊天平药业有限公司",
        "北京诺华制药有限公司", "辉瑞制药有限公司", "成都倍特药业股份有限公司"};
    private static final String[] DEVICE_MAKERS = {
        "乐普(北京)医疗器械股份有限公司", "微创医疗器械(上海)有限公司", "威高集团有限公司", "强生(上海)医疗器材有限公司",
        "上海康德莱企业发展集团股份有限公司", "北京市春立正达医疗器械股份有限公司"};

    /**
     * 150 drugs (30 generics × 5 products: 3 specs, 5 different makers each) and 20 consumables with plausible
     * codes, specs, makers and prices.
     */
    public static List<Product> defaultProducts() {
        SplittableRandom r = new SplittableRandom(20_240_101L);
        List<Product> list = new ArrayList<>();
        for (int g = 0; g < DRUGS.length; g++) {
            for (int k = 0; k < 5; k++) {
                String code = "X" + DRUG_ATC[g] + (k % 2 == 0 ? "E" : "X") + String.format("%03d", 1 + r.nextInt(999))
                        + (char) ('A' + r.nextInt(8)) + String.format("%012d", r.nextLong(1_000_000_000_000L));
                list.add(new Product(code, DRUGS[g], DRUG_SPECS[g][k % 3], DRUG_MAKERS[(g * 3 + k) % DRUG_MAKERS.length],
                        price(r, 100, 30_000), Category.DRUG));
            }
        }
        for (int c = 0; c < CONSUMABLES.length; c++) {
            String code = "C" + String.format("%019d", r.nextLong(1_000_000_000_000_000_000L));
            list.add(new Product(code, CONSUMABLES[c], CONSUMABLE_SPECS[c], DEVICE_MAKERS[c % DEVICE_MAKERS.length],
                    price(r, 500, 800_000), Category.CONSUMABLE));
        }
        return List.copyOf(list);
    }

    /** A price in fen between the bounds; one in five gets four decimals (141.1333), as real lists do. */
    private static BigDecimal price(SplittableRandom r, long minFen, long maxFen) {
        long fen = minFen + (long) (Math.pow(r.nextDouble(), 2) * (maxFen - minFen));
        if (r.nextInt(5) == 0) return BigDecimal.valueOf(fen * 100 + r.nextInt(100), 4);
        return BigDecimal.valueOf(fen, 2);
    }

    /** Writes the header and {@code settings.rows()} lines. The stream is flushed, not closed. */
    public static Summary write(Settings settings, OutputStream out) throws IOException {
        return new Writer(settings, out).run();
    }

    private static final class Writer {
        private final Settings s;
        private final OutputStream out;
        private final Charset charset;
        private final byte[] buf = new byte[1 << 20];
        private int n;
        private long bytes;

        private final byte[][] institutions;
        private final double[] onlineShare;
        private final int[] institutionPick; // weighted: big hospitals buy more
        private final byte[][] codes, names, specs, makers;
        private final long[] packPrice; // scaled by 10^4
        private final boolean[] consumable;
        private final int[] drugIndex, consumableIndex;
        private final byte[][] days; // "yyyy-mm-dd "
        private final byte[] online, offline, drug, consumableText;

        Writer(Settings s, OutputStream out) {
            this.s = s;
            this.out = out;
            this.charset = s.gb18030() ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
            SplittableRandom r = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
            int ni = s.institutions().size();
            institutions = new byte[ni][];
            onlineShare = new double[ni];
            for (int i = 0; i < ni; i++) {
                institutions[i] = bytes(s.institutions().get(i));
                // most institutions buy almost everything online; a fifth lag well behind
                onlineShare[i] = r.nextInt(5) == 0 ? 0.5 + 0.4 * r.nextDouble() : 0.9 + 0.1 * r.nextDouble();
            }
            institutionPick = new int[4096];
            double[] weight = new double[ni];
            double sum = 0;
            for (int i = 0; i < ni; i++) {
                weight[i] = 1.0 / (1 + (i * 7919 % ni) / 40.0);
                sum += weight[i];
            }
            int k = 0;
            double acc = 0;
            for (int i = 0; i < ni; i++) {
                acc += weight[i];
                int upto = (int) Math.round(acc / sum * institutionPick.length);
                while (k < upto && k < institutionPick.length) institutionPick[k++] = i;
            }
            while (k < institutionPick.length) institutionPick[k++] = ni - 1;

            int np = s.products().size();
            codes = new byte[np][];
            names = new byte[np][];
            specs = new byte[np][];
            makers = new byte[np][];
            packPrice = new long[np];
            consumable = new boolean[np];
            for (int p = 0; p < np; p++) {
                Product pr = s.products().get(p);
                codes[p] = field(pr.code());
                names[p] = field(pr.genericName());
                specs[p] = field(pr.spec() != null ? pr.spec() : madeUpSpec(pr, p));
                makers[p] = field(pr.manufacturer() != null ? pr.manufacturer() : MAKERS[(p * 7 + 3) % MAKERS.length]);
                packPrice[p] = pr.packPrice().movePointRight(4).longValueExact();
                consumable[p] = pr.category() == Category.CONSUMABLE;
            }
            drugIndex = java.util.stream.IntStream.range(0, np).filter(p -> !consumable[p]).toArray();
            consumableIndex = java.util.stream.IntStream.range(0, np).filter(p -> consumable[p]).toArray();
            java.time.LocalDate d = java.time.LocalDate.of(s.year(), 1, 1);
            days = new byte[d.lengthOfYear()][];
            for (int i = 0; i < days.length; i++, d = d.plusDays(1)) days[i] = (d + " ").getBytes(StandardCharsets.US_ASCII);
            online = bytes("线上");
            offline = bytes("线下");
            drug = bytes("药品");
            consumableText = bytes("耗材");
        }

        private byte[] bytes(String text) {
            return text.getBytes(charset);
        }

        /** A CSV field: quoted when it holds a delimiter, quote or line break (specs and names from bids may). */
        private byte[] field(String text) {
            if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                return bytes(text);
            }
            return bytes('"' + text.replace("\"", "\"\"") + '"');
        }

        /** For products that come without a spec: one of the generic's usual specs, else a neutral pack. */
        private static String madeUpSpec(Product pr, int p) {
            int g = Arrays.asList(DRUGS).indexOf(pr.genericName());
            return g >= 0 ? DRUG_SPECS[g][p % 3] : (pr.category() == Category.DRUG ? "1盒" : "1个");
        }

        Summary run() throws IOException {
            SplittableRandom r = new SplittableRandom(s.seed());
            long[] bad = positions(new SplittableRandom(s.seed() * 31 + 1), s.badLines(), s.rows(), new long[0]);
            long[] off = positions(new SplittableRandom(s.seed() * 31 + 2), s.mismatches(), s.rows(), bad);
            int nextBad = 0, nextOff = 0;
            long returns = 0, onlineAmount = 0, offlineAmount = 0, quantity = 0;
            put(HEADER.getBytes(StandardCharsets.US_ASCII));
            for (long row = 0; row < s.rows(); row++) {
                int inst = institutionPick[r.nextInt(institutionPick.length)];
                int prod = pickProduct(r);
                int day = r.nextInt(days.length);
                int seconds = 8 * 3600 + r.nextInt(10 * 3600);
                boolean isOnline = r.nextDouble() < onlineShare[inst];
                long qty = consumable[prod] ? 1 + r.nextInt(20) : 1 + (long) (Math.pow(r.nextDouble(), 3) * 400);
                boolean isReturn = r.nextInt(100) == 0;
                if (isReturn) qty = -Math.max(1, qty / 4);
                long price = packPrice[prod];
                long amount = qty * price; // qty is whole packs, so this is exact at 4 decimals
                boolean isBad = nextBad < bad.length && bad[nextBad] == row;
                boolean isOff = nextOff < off.length && off[nextOff] == row;
                int badKind = isBad ? nextBad % 5 : -1;
                if (isBad) nextBad++;
                if (isOff) {
                    nextOff++;
                    amount += 10_000; // one yuan more than quantity × price
                }

                // date
                if (badKind == 1) putAscii("2024-13-45 ");
                else put(days[day]);
                putTime(seconds);
                put((byte) ',');
                putAscii("PO");
                put(days[day], 0, 4);
                put(days[day], 5, 2);
                put(days[day], 8, 2);
                putPadded(row, 8);
                put((byte) ',');
                put(institutions[inst]);
                put((byte) ',');
                put(codes[prod]);
                put((byte) ',');
                put(names[prod]);
                put((byte) ',');
                put(specs[prod]);
                put((byte) ',');
                put(makers[prod]);
                put((byte) ',');
                putScaled(qty * 10_000);
                put((byte) ',');
                putScaled(price);
                put((byte) ',');
                if (badKind == 0) putAscii("12.3.4");
                else if (badKind == 4) {
                    putScaled(amount);
                    if (amount % 10_000 == 0) put((byte) '.');
                    putAscii("00001");
                } else putScaled(amount);
                put((byte) ',');
                if (badKind == 2) put(bytes("未知"));
                else put(isOnline ? online : offline);
                if (badKind != 3) { // kind 3: the category column is missing
                    put((byte) ',');
                    put(consumable[prod] ? consumableText : drug);
                }
                put((byte) '\n');
                if (!isBad) {
                    if (isReturn) returns++;
                    if (isOnline) onlineAmount += amount;
                    else offlineAmount += amount;
                    quantity += qty * 10_000;
                }
            }
            flush();
            out.flush();
            return new Summary(s.rows(), bytes, s.rows() - s.badLines(), s.badLines(), s.mismatches(), returns,
                    onlineAmount, offlineAmount, quantity);
        }

        /** Drugs are bought far more often than consumables (9 in 10 lines). */
        private int pickProduct(SplittableRandom r) {
            if (drugIndex.length == 0) return consumableIndex[r.nextInt(consumableIndex.length)];
            if (consumableIndex.length == 0 || r.nextInt(10) != 0) return drugIndex[r.nextInt(drugIndex.length)];
            return consumableIndex[r.nextInt(consumableIndex.length)];
        }

        /** {@code count} distinct sorted positions in [0, rows), avoiding {@code taken}. */
        private static long[] positions(SplittableRandom r, long count, long rows, long[] taken) {
            Set<Long> chosen = new HashSet<>();
            Set<Long> avoid = new HashSet<>();
            for (long t : taken) avoid.add(t);
            while (chosen.size() < count) {
                long p = r.nextLong(rows);
                if (!avoid.contains(p)) chosen.add(p);
            }
            return chosen.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private void putTime(int seconds) throws IOException {
            put2(seconds / 3600);
            put((byte) ':');
            put2(seconds / 60 % 60);
            put((byte) ':');
            put2(seconds % 60);
        }

        private void put2(int v) throws IOException {
            put((byte) ('0' + v / 10));
            put((byte) ('0' + v % 10));
        }

        private void putPadded(long v, int width) throws IOException {
            if (n + width > buf.length) flush();
            for (int i = width - 1; i >= 0; i--) {
                buf[n + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += width;
        }

        /** A scaled-by-10^4 value as decimal text: two decimals when they suffice, else four. */
        private void putScaled(long v) throws IOException {
            if (n + 24 > buf.length) flush();
            if (v < 0) {
                buf[n++] = '-';
                v = -v;
            }
            long whole = v / 10_000;
            int frac = (int) (v % 10_000);
            putLong(whole);
            if (frac == 0) return;
            buf[n++] = '.';
            if (frac % 100 == 0) {
                put2(frac / 100);
            } else {
                put2(frac / 100);
                put2(frac % 100);
            }
        }

        private void putLong(long v) {
            if (v == 0) {
                buf[n++] = '0';
                return;
            }
            int digits = 0;
            for (long t = v; t > 0; t /= 10) digits++;
            for (int i = digits - 1; i >= 0; i--) {
                buf[n + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            n += digits;
        }

        private void putAscii(String s) throws IOException {
            put(s.getBytes(StandardCharsets.US_ASCII));
        }

        private void put(byte b) throws IOException {
            if (n == buf.length) flush();
            buf[n++] = b;
        }

        private void put(byte[] b) throws IOException {
            put(b, 0, b.length);
        }

        private void put(byte[] b, int from, int len) throws IOException {
            if (n + len > buf.length) flush();
            System.arraycopy(b, from, buf, n, len);
            n += len;
        }

        private void flush() throws IOException {
            out.write(buf, 0, n);
            bytes += n;
            n = 0;
        }
    }
}
