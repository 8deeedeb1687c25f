package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-importing a corrected file: a bid the workspace holds with another price is a conflict, refused with
 * the user's own file and line and the way out (--replace); the same bids in another file or encoding are not.
 */
class ReimportConflictTest {
    @TempDir
    Path dir;

    @Test
    void aCorrectedPriceIsAConflictUntilTheFileReplacesTheOld() throws IOException {
        Path ws = dir.resolve(".vbp");
        String bids = Files.readString(Path.of("sample-data/bids.csv"), StandardCharsets.UTF_8);
        assertTrue(bids.contains(",浙江华海药业股份有限公司,10.02,y,259800,"));
        Path corrected = dir.resolve("bids-corrected.csv");
        Files.writeString(corrected, bids.replaceFirst(",浙江华海药业股份有限公司,10.02,y,259800,", ",浙江华海药业股份有限公司,9.99,y,259800,"));

        Cli.run("--workspace", ws.toString(), "import", "bids", "sample-data/bids.csv").ok();
        byte[] manifest = Files.readAllBytes(ws.resolve("manifest.yaml"));

        Cli.Result r = Cli.run("--workspace", ws.toString(), "import", "bids", corrected.toString()).expect(ExitCodes.BAD_INPUT);
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(corrected + ":2: the batch and product of this row is already in the workspace"
                + " (imported from "), err);
        assertTrue(err.contains("bids.csv) with other values: bid_price 10.02 there, 9.99 here"), err);
        assertTrue(err.contains("--replace"), err);
        assertTrue(!err.contains("rows conflict"), "one row differs: " + err);
        assertTrue(java.util.Arrays.equals(manifest, Files.readAllBytes(ws.resolve("manifest.yaml"))), "nothing imported");

        // the same bids again, in another file and encoding: no conflict
        Path gbk = dir.resolve("bids-gbk.csv");
        Files.write(gbk, bids.getBytes(Charset.forName("GB18030")));
        Cli.run("--workspace", ws.toString(), "import", "bids", gbk.toString()).ok();

        Cli.run("--workspace", ws.toString(), "import", "bids", "--replace", corrected.toString()).ok();
        String csv = Cli.run("--workspace", ws.toString(), "price-drop", "--by", "product", "--format", "csv").ok().out();
        assertTrue(csv.lines().anyMatch(l -> l.contains("XN05AXE212A010992374602") && l.contains(",9.99")), csv);
    }
}
