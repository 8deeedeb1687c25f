import dev.vbp.engine.ledger.GroupedSums;
import dev.vbp.engine.ledger.GroupedSums.Dimension;
import dev.vbp.engine.ledger.LedgerResult;
import dev.vbp.engine.ledger.LedgerScan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Memory probe for groupings no command offers yet (institution × product × month is the largest we intend):
 * one ledger scan with the given grouping, reporting the number of groups. Used to size the launcher's heap.
 * javac -cp target/vbp.jar -d bench/out/classes bench/LedgerGroupingProbe.java
 * java -XX:+UseSerialGC -Xmx512m -cp target/vbp.jar:bench/out/classes LedgerGroupingProbe
 *     [--threads N] [--group-by institution,product,month] FILE...
 */
public class LedgerGroupingProbe {
    public static void main(String[] args) {
        int threads = Runtime.getRuntime().availableProcessors();
        String groupBy = "institution,product,month";
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--group-by" -> groupBy = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        List<Dimension> dims = new ArrayList<>();
        for (String d : groupBy.split(",")) dims.add(Dimension.valueOf(d.trim().toUpperCase(Locale.ROOT)));
        long t0 = System.nanoTime();
        LedgerResult<GroupedSums> result = LedgerScan.of(files).threads(threads).run(GroupedSums.by(dims.toArray(Dimension[]::new)));
        System.err.printf("probe: lines=%d groups=%d by=%s scan_ms=%d threads=%d%n", result.totalLines(),
                result.aggregate().size(), dims, (System.nanoTime() - t0) / 1_000_000, threads);
    }
}
