package dev.vbp.workspace;

import dev.vbp.cli.Cli;
import dev.vbp.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input ends in one clear line on stderr, exit 3, no stack trace, and a workspace exactly as it
 * was (it already holds one good import, so "unchanged" is tested on real content).
 */
class BadInputImportTest {
    static final String HEADER = "batch_id,generic_name,spec,pack_count,manufacturer,bid_price\n";
    static final String GOOD = HEADER + "4+7,恩替卡韦分散片,0.5mg,28,正大天晴药业集团股份有限公司,17.36\n";

    @TempDir Path dir;
    Path ws;

    @BeforeEach
    void importGoodFile() throws IOException {
        ws = dir.resolve("ws");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, GOOD);
        Cli.run("--workspace", ws.toString(), "import", "bids", good.toString()).ok();
    }

    private String failImport(byte[] content, String expectedInMessage) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, content);
        Map<String, String> before = snapshot(ws);
        Cli.Result r = Cli.run("--workspace", ws.toString(), "import", "bids", bad.toString()).expect(ExitCodes.BAD_INPUT);
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("vbp: error: " + bad), first);
        assertTrue(first.contains(expectedInMessage), "expected '" + expectedInMessage + "' in: " + first);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(before, snapshot(ws), "the workspace must be unchanged");
        return first;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void missingRequiredColumn() throws IOException {
        String msg = failImport(utf8("batch_id,generic_name,spec,pack_count,manufacturer\n4+7,a,1mg,1,b\n"), ":1: missing required column 'bid_price'");
        assertTrue(msg.contains("中选价格"), "names the accepted headers: " + msg);
    }

    @Test
    void nonNumericPrice() throws IOException {
        failImport(utf8(HEADER + "4+7,恩替卡韦分散片,0.5mg,28,x,17.36\n4+7,恩替卡韦分散片,0.5mg,28,x,abc\n"),
                ":3:6: bid_price: expected");
    }

    @Test
    void negativePrice() throws IOException {
        failImport(utf8(HEADER + "4+7,恩替卡韦分散片,0.5mg,28,x,-17.36\n"), ":2:6: bid_price:");
    }

    @Test
    void emptyFile() throws IOException {
        failImport(new byte[0], "empty");
    }

    @Test
    void headerOnly() throws IOException {
        failImport(utf8(HEADER), "no rows");
    }

    @Test
    void wrongEncoding() throws IOException {
        byte[] bytes = utf8(GOOD);
        bytes[bytes.length - 3] = (byte) 0xFF; // invalid in UTF-8 and in GB18030
        String line = failImport(bytes, "cannot read the file as UTF-8 or GB18030 (invalid byte 0xFF)");
        assertTrue(line.contains("bad.csv:2:"), "names the line of the bad byte: " + line);
    }

    @Test
    void utf16IsNamed() throws IOException {
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        failImport(bytes, "UTF-16");
    }

    @Test
    void duplicateHeader() throws IOException {
        failImport(utf8("batch_id,generic_name,spec,pack_count,manufacturer,bid_price,Bid Price\n4+7,a,1mg,1,b,2,3\n"),
                ":1:7: duplicate header 'Bid Price' (also column 6)");
    }

    @Test
    void raggedRow() throws IOException {
        failImport(utf8(HEADER + "4+7,恩替卡韦分散片,0.5mg,28,x\n"), ":2: expected 6 fields, found 5");
    }

    @Test
    void unclosedQuote() throws IOException {
        failImport(utf8(HEADER + "4+7,\"恩替卡韦分散片,0.5mg,28,x,1\n4+7,a,1mg,1,b,2\n"), ":2: a quoted field is never closed");
    }

    @Test
    void textAfterAClosingQuote() throws IOException {
        failImport(utf8(HEADER + "4+7,\"恩替卡韦分散片\"x,0.5mg,28,x,1\n"), ":2: text after a closing quote");
    }

    @Test
    void quotedFieldWithNewlineIsReadAndLinesStayPhysical() throws IOException {
        // A newline inside quotes is valid CSV: the row is kept, and the bad row after it is reported on its
        // physical line (4), not its record number (3).
        failImport(utf8(HEADER + "4+7,恩替卡韦分散片,0.5mg,28,\"正大天晴\n药业\",17.36\n4+7,a,1mg,1,b,x\n"), ":4:6: bid_price:");
    }

    @Test
    void gbkFileIsNotAnError() throws IOException {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, GOOD.replace("0.5mg", "500μg").getBytes(Charset.forName("GBK")));
        Cli.run("--workspace", ws.toString(), "import", "bids", gbk.toString(), "--replace").ok();
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), sha(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
