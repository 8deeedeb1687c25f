package dev.vbp.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeMapTest {

    private static Codes.CodeMap read(String csv) throws IOException {
        return Codes.CodeMap.read(new StringReader(csv), "map.csv");
    }

    @Test
    void translatesOldCodesAndLeavesOthersAlone() throws IOException {
        Codes.CodeMap map = read("old_code,new_code\nXOLD1,XNEW1\nXOLD2,XNEW2\n");
        assertEquals("XNEW1", map.translate("XOLD1"));
        assertEquals("XNEW2", map.translate(" xold2 "));
        assertEquals("XOTHER", map.translate("XOTHER"));
        assertTrue(map.isOld("XOLD1"));
        assertFalse(map.isOld("XNEW1"));
        assertEquals(2, map.size());
    }

    @Test
    void chineseHeadersColumnsInAnyOrderBomQuotesAndTabs() throws IOException {
        Codes.CodeMap map = read("\uFEFF新编码,备注,旧编码\r\n\"B\",changed 2023,\"A\"\r\n\r\n");
        assertEquals(Map.of("A", "B"), map.asMap());
        Codes.CodeMap tabbed = read("曾用码\t现编码\nA\tB\n");
        assertEquals("B", tabbed.translate("A"));
        Codes.CodeMap spaced = read("Old Code,NEW-CODE\nA,B\n");
        assertEquals("B", spaced.translate("A"));
    }

    @Test
    void chainsResolveToTheirEnd() throws IOException {
        Codes.CodeMap map = read("old_code,new_code\nB,C\nA,B\nC,D\n");
        assertEquals("D", map.translate("A"));
        assertEquals("D", map.translate("B"));
        assertEquals("D", map.translate("C"));
        assertEquals("D", map.translate("D"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("B", "D");
        expected.put("A", "D");
        expected.put("C", "D");
        assertEquals(expected, map.asMap());
    }

    @Test
    void aCodeMappedToItselfChangesNothing() throws IOException {
        Codes.CodeMap map = read("old_code,new_code\nA,A\nA,B\n");
        assertEquals("B", map.translate("A"));
    }

    @Test
    void cyclesAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("old_code,new_code\nA,B\nB,C\nC,A\n"));
        assertEquals("map.csv: code map has a cycle: A → B → C → A", e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> Codes.CodeMap.of(Map.of("X", "Y", "Y", "X")));
        assertTrue(e2.getMessage().startsWith("code map has a cycle: "), e2.getMessage());
    }

    @Test
    void conflictingAndIncompleteRowsAreErrors() {
        assertEquals("map.csv line 3: old code A already maps to B, found C",
                assertThrows(IllegalArgumentException.class, () -> read("old_code,new_code\nA,B\nA,C\n")).getMessage());
        assertEquals("map.csv line 2: expected both an old and a new code, found 'A,'",
                assertThrows(IllegalArgumentException.class, () -> read("old_code,new_code\nA,\n")).getMessage());
        assertEquals("map.csv line 1: expected a header with old_code and new_code (or 旧编码 and 新编码), found 'a,b'",
                assertThrows(IllegalArgumentException.class, () -> read("a,b\nA,B\n")).getMessage());
        assertEquals("map.csv: empty code map, expected a header old_code,new_code",
                assertThrows(IllegalArgumentException.class, () -> read("")).getMessage());
    }

    @Test
    void ofBuildsTheSameMapAsReading() throws IOException {
        assertEquals(read("old_code,new_code\nA,B\nB,C\n").asMap(), Codes.CodeMap.of(Map.of("A", "B", "B", "C")).asMap());
        assertEquals(0, Codes.CodeMap.EMPTY.size());
        assertEquals("X1", Codes.CodeMap.EMPTY.translate("x1"));
    }
}
