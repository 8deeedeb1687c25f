import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the "wide" ledger of the online-rate benchmark, and its institutions file: a purchase ledger with
 * unit prices and generic names, about 93 bytes a line (10 M lines: 932 MB),
 *
 *   date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel
 *   2024-03-15,H51340102917,XA07BCE420A030301234567,阿托伐他汀钙片,120,12.3456,1481.47,线上
 *
 * 3,000 institutions (all public, all in the institutions file), 2,000 products (national 23-character drug
 * codes, each with one generic name of 3–8 characters), one year of dates, unit prices with 2–4 decimals,
 * amounts to the fen (quantity × unit price rounded half-up, so amount and price agree within 0.01), about
 * 1% returns (negative quantity and amount) and about 9% offline lines. Everything comes from one seeded
 * Random: the same arguments give the same bytes.
 *
 *   java bench/WideLedgerGenerator.java ROWS SEED LEDGER INSTITUTIONS
 */
public class WideLedgerGenerator {
    static final int INSTITUTIONS = 3_000;
    static final int PRODUCTS = 2_000;

    // pieces of generic names (syllables as written in Chinese drug names); joined 1–3 and given a dosage form
    private static final String[] STEMS = {"阿托伐", "他汀", "氨氯", "地平", "恩替", "卡韦", "替诺", "福韦", "奥美", "拉唑",
            "二甲", "双胍", "氯吡", "格雷", "头孢", "呋辛", "克拉", "霉素", "左氧", "氟沙星", "瑞舒", "缬沙", "坦",
            "厄贝", "蒙脱", "石", "奥氮", "平", "利培", "酮", "艾司", "唑仑", "布洛", "芬", "对乙", "酰氨基酚",
            "吉非", "替尼", "伊马", "培美", "曲塞", "多西", "他赛", "来曲", "唑", "孟鲁", "司特", "钠", "钙", "盐酸"};
    private static final String[] FORMS = {"片", "胶囊", "注射液", "缓释片", "分散片", "颗粒", "肠溶片", "散"};
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        Path ledger = Path.of(args[2]);
        Path institutionsFile = Path.of(args[3]);

        String[] institutions = new String[INSTITUTIONS];
        try (Writer w = Files.newBufferedWriter(institutionsFile, StandardCharsets.UTF_8)) {
            w.write("institution_code,name,county,level,ownership\n");
            String[] levels = {"三级", "二级", "一级", "基层"};
            for (int i = 0; i < INSTITUTIONS; i++) {
                int county = i / 60;
                institutions[i] = String.format("H5134%02d1%05d", county, i + 1);
                w.write(institutions[i] + ",第" + (i + 1) + "人民医院,县" + (county + 1) + "," + levels[random.nextInt(4)] + ",public\n");
            }
        }
        String[] products = new String[PRODUCTS];
        String[] generics = new String[PRODUCTS];
        long[] basePrice = new long[PRODUCTS]; // ×10^4
        int[] priceDecimals = new int[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            products[p] = String.format("XA%02dBCE%03dA%012d", random.nextInt(100), random.nextInt(1000), random.nextLong(1_000_000_000_000L));
            StringBuilder g = new StringBuilder();
            int parts = 1 + random.nextInt(3);
            for (int k = 0; k < parts; k++) g.append(STEMS[random.nextInt(STEMS.length)]);
            g.append(FORMS[random.nextInt(FORMS.length)]);
            generics[p] = g.toString();
            priceDecimals[p] = 2 + random.nextInt(3);
            long unit = priceDecimals[p] == 2 ? 100 : priceDecimals[p] == 3 ? 10 : 1;
            basePrice[p] = (50 + random.nextInt(200_000)) / unit * unit + unit; // 0.0051–20 yuan and up
            if (random.nextInt(10) == 0) basePrice[p] *= 20; // a few dear ones
        }

        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(ledger), 1 << 20);
             Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write("date,institution_code,product_code,generic_name,quantity,unit_price,amount,channel\n");
            StringBuilder b = new StringBuilder(128);
            for (long i = 0; i < rows; i++) {
                int month = (int) (i * 12 / Math.max(1, rows)); // dates run forward through the year
                int day = 1 + random.nextInt(DAYS[month]);
                int p = random.nextInt(PRODUCTS);
                int inst = random.nextInt(INSTITUTIONS);
                long qty = 1 + random.nextInt(random.nextInt(8) == 0 ? 2000 : 200);
                boolean ret = random.nextInt(100) == 0;
                if (ret) qty = -qty;
                long price = basePrice[p];
                // amount = qty × price to the fen, half-up on the magnitude
                long exact = qty * price; // ×10^4
                long fen = (Math.abs(exact) + 50) / 100;
                long amountFen = exact < 0 ? -fen : fen;
                b.setLength(0);
                b.append("2024-").append(month < 9 ? "0" : "").append(month + 1).append(day < 10 ? "-0" : "-").append(day)
                        .append(',').append(institutions[inst])
                        .append(',').append(products[p])
                        .append(',').append(generics[p])
                        .append(',').append(qty)
                        .append(',');
                decimal(b, price, 4, priceDecimals[p]);
                b.append(',');
                decimal(b, amountFen, 2, 2);
                b.append(',').append(random.nextInt(100) < 9 ? "线下" : "线上").append('\n');
                w.append(b);
            }
        }
    }

    /** {@code unscaled} / 10^scale written with exactly {@code shown} decimals (shown ≤ scale, the rest zeros). */
    private static void decimal(StringBuilder b, long unscaled, int scale, int shown) {
        if (unscaled < 0) {
            b.append('-');
            unscaled = -unscaled;
        }
        long pow = 1;
        for (int k = 0; k < scale; k++) pow *= 10;
        b.append(unscaled / pow).append('.');
        String frac = Long.toString(unscaled % pow + pow).substring(1);
        b.append(frac, 0, shown);
    }
}
