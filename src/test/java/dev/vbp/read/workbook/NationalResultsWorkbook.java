package dev.vbp.read.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A national VBP result workbook in the layout the results are published in: one sheet per round, a title
 * and a note row (merged across the table) above the header, header cells with line breaks and their units
 * in brackets, prices per pack and per minimum unit, the generic name (and spec) written once for its group
 * of rows as a merged cell, and {@code -} where a figure is missing.
 *
 * <p>Real rows: generic name, spec, units per pack, firm, pack price and supply regions are those of the
 * national selected rows in the public research panel JoryaZhang/NVBP_research ({@code cleaned_data.csv},
 * commit 2f7da2ac8cdcd59b9bf47b8c5f2b1e03672a1a30), the 2018 rows as the 4+7 pilot and the 2019 rows as its
 * expansion; unit prices are the panel's Price ÷ Count rounded to 4 decimals, as results print them.
 * Synthetic: the ceiling prices (最高有效申报价, per minimum unit; chosen for round hand-worked drops), the
 * {@code -} in place of one pack price and one ceiling, and the title and note texts. Supply regions are
 * shortened to their first entries.
 */
public final class NationalResultsWorkbook {
    private NationalResultsWorkbook() {}

    static final String[] HEADER = {"序号", "药品通用名", "规格", "转换比", "中选企业", "中选价格\n（元/盒）",
            "中选价格\n（最小制剂单位）（元）", "最高有效申报价\n（最小制剂单位）（元）", "供应地区"};

    /** Sheet 1: the 4+7 pilot (2018), one firm per generic. Cells: generic, spec, count, firm, pack, unit, ceiling, regions. */
    static final Object[][] PILOT = {
            {"利培酮片", "1mg", 60, "浙江华海药业股份有限公司", 10.02, 0.167, 0.334, "上海市、北京市、厦门市"},
            {"恩替卡韦分散片", "0.5mg", 28, "正大天晴药业集团股份有限公司", 17.36, 0.62, 2.48, "上海市、北京市、厦门市"},
            {"硫酸氢氯吡格雷片", "75mg", 7, "深圳信立泰药业股份有限公司", 22.26, 3.18, 6.36, "上海市、北京市、厦门市"},
            {"苯磺酸氨氯地平片", "5mg", 28, "浙江京新药业股份有限公司", 4.16, 0.1486, 0.5, "上海市、北京市、厦门市"},
            {"阿托伐他汀钙片", "20mg", 7, "北京嘉林药业股份有限公司", 6.6, 0.9429, 1.2, "上海市、北京市、厦门市"}};

    /** Sheet 2: the expansion (2019), several firms per generic; null: the cell reads {@code -}. */
    static final Object[][] EXPANSION = {
            {"利培酮片", "1mg", 30, "常州四药制药有限公司", 3.6, 0.12, 0.24, "云南省、山西省、广东省"},
            {"利培酮片", "1mg", 60, "浙江华海药业股份有限公司", 7.2, 0.12, 0.24, "吉林省、四川省、宁夏回族自治区"},
            {"利培酮片", "1mg", 30, "齐鲁制药有限公司", 1.47, 0.049, 0.24, "内蒙古自治区、安徽省、山东省"},
            {"苯磺酸氨氯地平片", "5mg", 7, "重庆药友制药有限责任公司", 0.49, 0.07, 0.14, "四川省、山东省、山西省"},
            {"苯磺酸氨氯地平片", "5mg", 14, "国药集团容生制药有限公司", 0.84, 0.06, 0.14, "云南省、内蒙古自治区、吉林省"},
            {"苯磺酸氨氯地平片", "5mg", 21, "苏州东瑞制药有限公司", null, 0.0567, 0.14, "安徽省、广西壮族自治区"},
            {"硫酸氢氯吡格雷片", "75mg", 7, "乐普药业股份有限公司", 20.85, 2.9786, 3.18, "云南省、广西壮族自治区"},
            {"硫酸氢氯吡格雷片", "75mg", 7, "SanofiClirSNC（SanofiWinthropIndustrie）（赛诺菲（杭州）制药有限公司分包装）",
                    17.81, 2.5443, null, "内蒙古自治区、宁夏回族自治区"}};

    public static final String PILOT_SHEET = "第一批（4+7）";
    public static final String EXPANSION_SHEET = "第一批扩围";

    public static Path write(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            sheet(wb.createSheet(PILOT_SHEET), "国家组织药品集中采购和使用试点（4+7城市）中选结果", PILOT, wrap);
            sheet(wb.createSheet(EXPANSION_SHEET), "联盟地区药品集中采购中选结果", EXPANSION, wrap);
            wb.write(out);
        }
        return file;
    }

    private static void sheet(Sheet sheet, String title, Object[][] rows, CellStyle wrap) {
        int last = HEADER.length - 1;
        sheet.createRow(0).createCell(0).setCellValue(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        sheet.createRow(1).createCell(0).setCellValue("（摘录；价格单位：元；“-”为未公布）");
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
        Row header = sheet.createRow(2);
        for (int c = 0; c < HEADER.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(HEADER[c]);
            cell.setCellStyle(wrap);
        }
        int first = 3;
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(first + i);
            row.createCell(0).setCellValue(i + 1);
            boolean groupStart = i == 0 || !rows[i][0].equals(rows[i - 1][0]);
            for (int c = 0; c < rows[i].length; c++) {
                // A merged generic name and spec are written in the group's first row only, as Excel keeps them.
                if (c <= 1 && !groupStart) continue;
                Object v = rows[i][c];
                Cell cell = row.createCell(c + 1);
                if (v == null) cell.setCellValue("-");
                else if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                else cell.setCellValue((String) v);
            }
        }
        for (int i = 0; i < rows.length; ) {
            int j = i;
            while (j + 1 < rows.length && rows[j + 1][0].equals(rows[i][0])) j++;
            if (j > i) {
                sheet.addMergedRegion(new CellRangeAddress(first + i, first + j, 1, 1));
                sheet.addMergedRegion(new CellRangeAddress(first + i, first + j, 2, 2));
            }
            i = j + 1;
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }
}
