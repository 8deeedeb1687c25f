import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The reference side of bench/online-rate.sh: DuckDB (through its JDBC driver, never a dependency of vbp)
 * computes per institution what {@code vbp online-rate --all-categories --format csv} reports, in the same
 * columns: institution_code, institution_name (empty without an institutions file), online_amount,
 * offline_amount, online_lines, offline_lines, online_rate, note. Every column is read as text and amounts
 * are cast to DECIMAL(18,4), so the sums are exact; the sums are then rounded to the fen, half away from
 * zero, by DuckDB ({@code ROUND(sum, 2)} on the DECIMAL), which is what vbp prints (half-up on the
 * magnitude). The rate is DuckDB's own division of the unrounded sums (online / (online + offline), by
 * amount, a DOUBLE). Sums are written as plain decimals without trailing zeros.
 *
 * <p>With {@code --institutions FILE} (institution_code,name,... as vbp reads it, all public) the names come
 * from that file, joined in the query, and institutions missing from it get vbp's note.
 * Compile with the driver on the class path; run:
 * java -cp duckdb_jdbc.jar:classes DuckDbOnlineRate [--threads N] [--institutions F] [--out F] FILE
 */
public class DuckDbOnlineRate {
    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        String out = null;
        String file = null;
        String institutions = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--out" -> out = args[++i];
                case "--institutions" -> institutions = args[++i];
                default -> file = args[i];
            }
        }
        long t0 = System.nanoTime();
        String sums = """
                SELECT institution_code,
                       SUM(CASE WHEN channel = '线上' THEN CAST(amount AS DECIMAL(18,4)) ELSE 0 END) AS online_amount,
                       SUM(CASE WHEN channel = '线下' THEN CAST(amount AS DECIMAL(18,4)) ELSE 0 END) AS offline_amount,
                       COUNT(*) FILTER (WHERE channel = '线上') AS online_lines,
                       COUNT(*) FILTER (WHERE channel = '线下') AS offline_lines
                FROM read_csv('%s', header = true, all_varchar = true, delim = ',', quote = '"')
                GROUP BY institution_code
                """.formatted(file.replace("'", "''"));
        String rated = "SELECT institution_code, ROUND(online_amount, 2) AS online_amount, ROUND(offline_amount, 2) AS offline_amount,"
                + " online_lines, offline_lines,"
                + " CASE WHEN online_amount + offline_amount > 0 THEN online_amount / (online_amount + offline_amount) END AS online_rate"
                + " FROM (" + sums + ")";
        String sql = institutions == null
                ? "SELECT *, NULL AS institution_name, TRUE AS known FROM (" + rated + ") ORDER BY institution_code"
                : "SELECT r.*, i.name AS institution_name, i.institution_code IS NOT NULL AS known FROM (" + rated + ") r"
                        + " LEFT JOIN read_csv('" + institutions.replace("'", "''") + "', header = true, all_varchar = true) i"
                        + " USING (institution_code) ORDER BY institution_code";
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            long q0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql);
                 Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                         : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                w.write("institution_code,institution_name,online_amount,offline_amount,online_lines,offline_lines,online_rate,note\n");
                while (rs.next()) {
                    BigDecimal online = rs.getBigDecimal("online_amount");
                    BigDecimal offline = rs.getBigDecimal("offline_amount");
                    long onlineLines = rs.getLong("online_lines");
                    long offlineLines = rs.getLong("offline_lines");
                    double r = rs.getDouble("online_rate");
                    boolean noRate = rs.wasNull();
                    // vbp's notes, in its (alphabetical) order
                    TreeSet<String> notes = new TreeSet<>();
                    if (onlineLines == 0) notes.add("no online purchases");
                    if (offlineLines == 0) notes.add("no offline purchases");
                    if (noRate) notes.add("no net purchases: no rate");
                    if (!noRate && (r < 0 || r > 1)) notes.add("rate outside 0–100%: returns exceed purchases in one channel");
                    if (!rs.getBoolean("known")) notes.add("not in the institutions file");
                    String name = rs.getString("institution_name");
                    w.write(rs.getString("institution_code") + "," + (name == null ? "" : name) + "," + plain(online) + "," + plain(offline) + ","
                            + onlineLines + "," + offlineLines + "," + (noRate ? "" : String.format(Locale.ROOT, "%.12f", r))
                            + "," + String.join("; ", notes) + "\n");
                    rows++;
                }
            }
            long q1 = System.nanoTime();
            System.err.printf("duckdb: institutions=%d query_ms=%d total_ms=%d threads=%d%n", rows, (q1 - q0) / 1_000_000,
                    (q1 - t0) / 1_000_000, threads);
        }
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
