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

/**
 * The reference side of bench/online-rate.sh: DuckDB (through its JDBC driver, never a dependency of vbp)
 * computes per institution the online amount, offline amount and online rate from the same ledger file,
 * with every column read as text and amounts cast to DECIMAL(18,4), so sums are exact.
 * Run as a single-file program: java -cp duckdb_jdbc.jar bench/DuckDbOnlineRate.java [--threads N] [--out F] FILE
 */
public class DuckDbOnlineRate {
    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        String out = null;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--out" -> out = args[++i];
                default -> file = args[i];
            }
        }
        long t0 = System.nanoTime();
        String sql = """
                SELECT institution_code,
                       SUM(CASE WHEN channel = '线上' THEN CAST(amount AS DECIMAL(18,4)) ELSE 0 END) AS online_amount,
                       SUM(CASE WHEN channel = '线下' THEN CAST(amount AS DECIMAL(18,4)) ELSE 0 END) AS offline_amount
                FROM read_csv('%s', header = true, all_varchar = true, delim = ',', quote = '"')
                GROUP BY institution_code
                """.formatted(file.replace("'", "''"));
        sql = "SELECT institution_code, online_amount, offline_amount, "
                + "online_amount / NULLIF(online_amount + offline_amount, 0) AS online_rate FROM (" + sql + ") ORDER BY institution_code";
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            long q0 = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql);
                 Writer w = out == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                         : Files.newBufferedWriter(Path.of(out), StandardCharsets.UTF_8)) {
                w.write("institution_code,online_amount,offline_amount,online_rate\n");
                while (rs.next()) {
                    BigDecimal online = rs.getBigDecimal(2).setScale(4);
                    BigDecimal offline = rs.getBigDecimal(3).setScale(4);
                    double r = rs.getDouble(4); // DuckDB's own division (DOUBLE), compared within 1e-6
                    String rate = rs.wasNull() ? "" : String.format(java.util.Locale.ROOT, "%.6f", r);
                    w.write(rs.getString(1) + "," + online.toPlainString() + "," + offline.toPlainString() + "," + rate + "\n");
                    rows++;
                }
            }
            long q1 = System.nanoTime();
            System.err.printf("duckdb: institutions=%d query_ms=%d total_ms=%d threads=%d%n", rows, (q1 - q0) / 1_000_000,
                    (q1 - t0) / 1_000_000, threads);
        }
    }
}
