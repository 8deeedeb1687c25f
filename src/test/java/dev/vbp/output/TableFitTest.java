package dev.vbp.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables cut to the terminal's width: text columns shrink with …, numbers and codes never. */
class TableFitTest {
    static Report report() {
        Report r = new Report("x", List.of(
                new Column("institution_code", "Institution", "机构编码", ValueKind.CODE),
                new Column("institution_name", "Name", "机构名称", ValueKind.TEXT),
                new Column("online_amount", "Online amount", "线上金额", ValueKind.MONEY),
                new Column("note", "Note", "说明", ValueKind.TEXT)));
        r.row("H51340100001", "凉山彝族自治州第一人民医院（西昌市）", new BigDecimal("1234567.891"), "not in the institutions file");
        r.row("H51340100002", "会理市人民医院", new BigDecimal("12.5"), null);
        return r;
    }

    static List<String> render(int width) {
        StringWriter out = new StringWriter();
        new TableRenderer(Lang.EN, false, width).render(report(), new PrintWriter(out));
        return out.toString().lines().toList();
    }

    @Test
    void wideTablesAreCutToTheWidthInTextColumnsOnly() {
        List<String> lines = render(60);
        for (String line : lines) assertTrue(DisplayWidth.of(line) <= 60, line + " is " + DisplayWidth.of(line) + " cells");
        String first = lines.get(2);
        assertTrue(first.startsWith("H51340100001  "), first);
        assertTrue(first.contains("1,234,567.89"), first);
        assertTrue(first.contains("…"), first);
        // The short name still fits whole.
        assertTrue(lines.get(3).contains("会理市人民医院"), lines.get(3));
    }

    @Test
    void noLimitOrEnoughRoomLeavesTheTableWhole() {
        List<String> whole = render(0);
        assertTrue(whole.get(2).contains("凉山彝族自治州第一人民医院（西昌市）"));
        assertTrue(whole.get(2).contains("not in the institutions file"));
        assertEquals(whole, render(200));
    }

    @Test
    void numbersAndCodesStayWholeWhenNothingElseCanGive() {
        List<String> lines = render(20);
        assertTrue(lines.get(2).startsWith("H51340100001"), lines.get(2));
        assertTrue(lines.get(2).contains("1,234,567.89"), lines.get(2));
    }

    @Test
    void cutCountsWideCharacters() {
        assertEquals("凉山…", TableRenderer.cut("凉山彝族", 6));
        assertEquals("凉山 …".length() - 1, TableRenderer.cut("凉山彝族", 6).length());
        assertEquals("abcde…", TableRenderer.cut("abcdefghij", 6));
        assertEquals("abc", TableRenderer.cut("abc", 6));
    }
}
