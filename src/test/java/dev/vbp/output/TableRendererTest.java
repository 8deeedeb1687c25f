package dev.vbp.output;

import static dev.vbp.output.RenderTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Help.Ansi;

class TableRendererTest {

    @Test
    void englishTable() {
        // Widths in cells: 恩替卡韦分散片 is 14, 阿托伐他汀钙片 "20mg, 7片"| is 14 + 13 = 27.
        String expected = """
                Code   Generic name                    Bid price  Unit price     Drop  Agreed qty   Pack  Cycle start  Selected
                -----  ---------------------------  ------------  ----------  -------  ----------  -----  -----------  --------
                X0001  恩替卡韦分散片               1,234,567.89    141.1334   52.15%      28,404     14  2024-01-31   y
                0042   =SUM(A1)                           -12.50           -   -5.25%           -  1,000  -            n
                X0003  阿托伐他汀钙片 "20mg, 7片"|          0.01      0.0001  100.00%           7   0.50  2023-12-01   -

                Products:  3
                Mean drop: 43.21%
                Saved:     11,240,000,000.01

                warning: 1 row left out: no baseline price for X0004
                warning: 产品 0042 没有约定采购量
                """;
        assertEquals(expected, render(Format.TABLE, Lang.EN, false, false, SampleReports.drugs()));
    }

    @Test
    void chineseTable() {
        String expected = """
                编码   通用名                             中选价  单位价格     降幅  约定采购量  转换比  周期开始    中选
                -----  ---------------------------  ------------  --------  -------  ----------  ------  ----------  ----
                X0001  恩替卡韦分散片               1,234,567.89  141.1334   52.15%      28,404      14  2024-01-31  是
                0042   =SUM(A1)                           -12.50         -   -5.25%           -   1,000  -           否
                X0003  阿托伐他汀钙片 "20mg, 7片"|          0.01    0.0001  100.00%           7    0.50  2023-12-01  -

                品种数：  3
                平均降幅：43.21%
                节约金额：11,240,000,000.01

                警告：1 row left out: no baseline price for X0004
                警告：产品 0042 没有约定采购量
                """;
        assertEquals(expected, render(Format.TABLE, Lang.ZH, false, false, SampleReports.drugs()));
    }

    @Test
    void emptyReportPrintsHeaderAndNoRows() {
        assertEquals("""
                Code  Generic name  Bid price  Unit price  Drop  Agreed qty  Pack  Cycle start  Selected
                ----  ------------  ---------  ----------  ----  ----------  ----  -----------  --------
                (no rows)

                Products: 0
                """, render(Format.TABLE, Lang.EN, false, false, SampleReports.empty()));
        assertEquals("""
                编码  通用名  中选价  单位价格  降幅  约定采购量  转换比  周期开始  中选
                ----  ------  ------  --------  ----  ----------  ------  --------  ----
                (无数据)

                品种数：0
                """, render(Format.TABLE, Lang.ZH, false, false, SampleReports.empty()));
    }

    @Test
    void noSummaryOrWarningsMeansNoTrailingSections() {
        Report report = new Report("x", List.of(new Column("name", "Name", "名称", ValueKind.TEXT),
                new Column("note", "Note", "备注", ValueKind.TEXT)))
                .row("a", "")
                .row("bb", null);
        // The empty last cell leaves no trailing spaces.
        assertEquals("Name  Note\n----  ----\na\nbb    -\n", render(new TableRenderer(Lang.EN, false), report));
    }

    @Test
    void colorMakesHeadersBoldAndWarningsYellowLikePicocliMarkup() {
        String colored = render(Format.TABLE, Lang.EN, true, false, SampleReports.drugs());
        String plain = render(Format.TABLE, Lang.EN, false, false, SampleReports.drugs());
        String[] lines = colored.split("\n");
        assertTrue(lines[0].startsWith(Ansi.ON.string("@|bold Code|@") + "   " + Ansi.ON.string("@|bold Generic name|@")),
                lines[0]);
        assertTrue(lines[0].endsWith("  " + Ansi.ON.string("@|bold Selected|@")), lines[0]);
        assertEquals(Ansi.ON.string("@|yellow warning: 1 row left out: no baseline price for X0004|@"),
                lines[lines.length - 2]);
        assertEquals(plain, withoutEscapes(colored));
    }

    @Test
    void markupCharactersInDataAreNotInterpreted() {
        Report report = new Report("x", List.of(new Column("name", "Name|@", "名称", ValueKind.TEXT)))
                .warning("odd |@ name @|bold x");
        String colored = render(new TableRenderer(Lang.EN, true), report);
        assertTrue(colored.contains("warning: odd |@ name @|bold x"), colored);
        assertTrue(colored.contains("Name|@"), colored);
    }

    @Test
    void noEscapeCodesWithoutColorEvenFromData() {
        Report report = SampleReports.drugs()
                .row("X9\u001B[31m", "red\u001B[0m\nnext line", BigDecimal.ONE, null, null, null, null, null, null)
                .warning("\u001B[2J cleared");
        for (Lang lang : Lang.values()) {
            String text = render(Format.TABLE, lang, false, false, report);
            assertFalse(text.contains("\u001B"), text);
            assertTrue(text.contains("red [0m next line"), text);
        }
        for (Format format : List.of(Format.MARKDOWN, Format.CSV, Format.JSON)) {
            assertFalse(render(format, Lang.EN, true, false, SampleReports.drugs()).contains("\u001B"), format.name());
        }
    }

    private static String withoutEscapes(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "");
    }
}
