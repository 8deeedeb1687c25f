package dev.vbp.output;

import static dev.vbp.output.RenderTesting.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void englishMarkdown() {
        String expected = """
                | Code | Generic name | Bid price | Unit price | Drop | Agreed qty | Pack | Cycle start | Selected |
                | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |
                | X0001 | 恩替卡韦分散片 | 1,234,567.89 | 141.1334 | 52.15% | 28,404 | 14 | 2024-01-31 | y |
                | 0042 | =SUM(A1) | -12.50 | - | -5.25% | - | 1,000 | - | n |
                | X0003 | 阿托伐他汀钙片 "20mg, 7片"\\| | 0.01 | 0.0001 | 100.00% | 7 | 0.50 | 2023-12-01 | - |

                **Summary**

                - Products: 3
                - Mean drop: 43.21%
                - Saved: 11,240,000,000.01

                **Warnings**

                - 1 row left out: no baseline price for X0004
                - 产品 0042 没有约定采购量
                """;
        assertEquals(expected, render(Format.MARKDOWN, Lang.EN, true, false, SampleReports.drugs()));
    }

    @Test
    void chineseMarkdown() {
        String expected = """
                | 编码 | 通用名 | 中选价 | 单位价格 | 降幅 | 约定采购量 | 转换比 | 周期开始 | 中选 |
                | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |
                | X0001 | 恩替卡韦分散片 | 1,234,567.89 | 141.1334 | 52.15% | 28,404 | 14 | 2024-01-31 | 是 |
                | 0042 | =SUM(A1) | -12.50 | - | -5.25% | - | 1,000 | - | 否 |
                | X0003 | 阿托伐他汀钙片 "20mg, 7片"\\| | 0.01 | 0.0001 | 100.00% | 7 | 0.50 | 2023-12-01 | - |

                **汇总**

                - 品种数：3
                - 平均降幅：43.21%
                - 节约金额：11,240,000,000.01

                **警告**

                - 1 row left out: no baseline price for X0004
                - 产品 0042 没有约定采购量
                """;
        assertEquals(expected, render(Format.MARKDOWN, Lang.ZH, false, false, SampleReports.drugs()));
    }

    @Test
    void emptyReportKeepsTheHeader() {
        assertEquals("""
                | Code | Generic name | Bid price | Unit price | Drop | Agreed qty | Pack | Cycle start | Selected |
                | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |

                (no rows)

                **Summary**

                - Products: 0
                """, render(Format.MARKDOWN, Lang.EN, false, false, SampleReports.empty()));
    }

    @Test
    void withoutSummaryOrWarningsThereAreNoLists() {
        Report report = new Report("x", List.of(new Column("name", "Na|me", "名称", ValueKind.TEXT)))
                .row("two\nlines | pipe");
        assertEquals("| Na\\|me |\n| --- |\n| two lines \\| pipe |\n", render(new MarkdownRenderer(Lang.EN), report));
    }
}
