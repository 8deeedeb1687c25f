package dev.vbp.output.document;

import dev.vbp.output.Column;
import dev.vbp.output.DisplayText;
import dev.vbp.output.Lang;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a report and its {@link Chart} into an Apache ECharts option (plain JSON, no functions), so the page
 * only calls {@code setOption}. Ratios are drawn as percentages with two decimals, money in yuan with two;
 * a fixed target is a dashed line across, a target column a marker per bar, and bars that miss their target
 * are drawn in the warning colour. Animation is off: the chart is complete as soon as it is set, for print.
 */
public final class ChartOptions {

    static final String GOOD = "#2e7d32";
    static final String BAD = "#c62828";
    static final String PARTIAL = "#f9a825";
    static final String NEUTRAL = "#1f5f99";
    private static final String[] PALETTE = {NEUTRAL, "#e08a1e", "#5b8e3e", "#8e5b9e", "#4aa3c4", "#b5533c", "#7f7f7f"};

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChartOptions() {}

    /** Pixel height a chart of this report needs (heat maps grow with their rows). */
    public static int height(Report report, Chart chart) {
        if (chart.type() == Chart.Type.HEATMAP) return Math.min(1400, 110 + 20 * report.rows().size());
        return 340;
    }

    public static ObjectNode of(Report report, Chart chart, Lang lang) {
        ObjectNode option = JSON.objectNode();
        option.put("animation", false);
        ArrayNode colors = option.putArray("color");
        for (String c : PALETTE) colors.add(c);
        option.putObject("textStyle").put("fontFamily", "'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif");
        return switch (chart.type()) {
            case BAR, LINE -> bars(option, report, chart, lang);
            case GROUPED_BAR -> grouped(option, report, chart, lang);
            case HEATMAP -> heatmap(option, report, chart, lang);
        };
    }

    private static ObjectNode bars(ObjectNode option, Report report, Chart chart, Lang lang) {
        List<Integer> dims = indexes(report, chart.category());
        List<String> categories = new ArrayList<>();
        for (List<Object> row : report.rows()) categories.add(category(row, dims, report, lang));
        categoryAxis(option, categories);
        List<ValueKind> axes = new ArrayList<>();
        ArrayNode series = option.putArray("series");
        ArrayNode legend = JSON.arrayNode();
        for (String key : chart.measures()) {
            int m = index(report, key);
            Column column = report.columns().get(m);
            int axis = axisOf(axes, column.kind());
            ObjectNode s = series.addObject();
            String name = column.header(lang);
            legend.add(name);
            s.put("name", name).put("type", chart.type() == Chart.Type.LINE ? "line" : "bar").put("yAxisIndex", axis);
            if (chart.type() == Chart.Type.BAR) s.put("barMaxWidth", 36);
            ArrayNode data = s.putArray("data");
            Column.Target target = column.target();
            int targetColumn = target != null && target.column() != null ? indexOrMinus(report, target.column()) : -1;
            for (List<Object> row : report.rows()) {
                BigDecimal v = plotted(row.get(m), column.kind());
                if (v == null) {
                    data.addNull();
                    continue;
                }
                Boolean met = target == null ? null : met(row.get(m), target, targetColumn < 0 ? null : row.get(targetColumn));
                if (met == null || met) {
                    data.add(v);
                } else {
                    ObjectNode point = data.addObject();
                    point.put("value", v);
                    point.putObject("itemStyle").put("color", BAD);
                }
            }
            if (target != null && target.value() != null) {
                ObjectNode markLine = s.putObject("markLine");
                markLine.put("symbol", "none").put("silent", true);
                markLine.putObject("lineStyle").put("type", "dashed").put("color", BAD);
                ObjectNode line = markLine.putArray("data").addObject();
                line.put("yAxis", plotted(target.value(), column.kind()));
                line.put("name", lang.pick("target ", "目标 ") + DisplayText.format(target.value(), column.kind(), lang));
                markLine.putObject("label").put("formatter", "{b}").put("position", "insideEndTop");
            } else if (targetColumn >= 0) {
                Column tc = report.columns().get(targetColumn);
                ObjectNode marker = series.addObject();
                String markerName = tc.header(lang);
                legend.add(markerName);
                marker.put("name", markerName).put("type", "scatter").put("symbol", "diamond").put("symbolSize", 11)
                        .put("yAxisIndex", axis);
                marker.putObject("itemStyle").put("color", "#333333");
                ArrayNode md = marker.putArray("data");
                for (List<Object> row : report.rows()) {
                    BigDecimal v = plotted(row.get(targetColumn), tc.kind());
                    if (v == null) md.addNull(); else md.add(v);
                }
            }
        }
        valueAxes(option, axes, lang);
        option.putObject("legend").put("top", 0).set("data", legend);
        option.putObject("tooltip").put("trigger", "axis");
        return option;
    }

    private static ObjectNode grouped(ObjectNode option, Report report, Chart chart, Lang lang) {
        List<Integer> dims = indexes(report, chart.category());
        List<Integer> seriesColumns = indexes(report, chart.series());
        int m = index(report, chart.measures().get(0));
        Column column = report.columns().get(m);
        LinkedHashSet<String> categories = new LinkedHashSet<>();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        Map<String, Map<String, List<Object>>> cells = new LinkedHashMap<>();
        for (List<Object> row : report.rows()) {
            String c = category(row, dims, report, lang);
            String n = category(row, seriesColumns, report, lang);
            categories.add(c);
            names.add(n);
            cells.computeIfAbsent(n, k -> new LinkedHashMap<>()).put(c, row);
        }
        categoryAxis(option, new ArrayList<>(categories));
        List<ValueKind> axes = new ArrayList<>();
        axisOf(axes, column.kind());
        ArrayNode series = option.putArray("series");
        Column.Target target = column.target();
        int targetColumn = target != null && target.column() != null ? indexOrMinus(report, target.column()) : -1;
        boolean first = true;
        for (String n : names) {
            ObjectNode s = series.addObject();
            s.put("name", n).put("type", "bar").put("barMaxWidth", 24);
            ArrayNode data = s.putArray("data");
            for (String c : categories) {
                List<Object> row = cells.get(n).get(c);
                BigDecimal v = row == null ? null : plotted(row.get(m), column.kind());
                if (v == null) {
                    data.addNull();
                    continue;
                }
                Boolean met = target == null ? null : met(row.get(m), target, targetColumn < 0 ? null : row.get(targetColumn));
                if (met == null || met) {
                    data.add(v);
                } else {
                    // The series colour stays; a red border marks the bar that misses the target.
                    ObjectNode point = data.addObject();
                    point.put("value", v);
                    point.putObject("itemStyle").put("borderColor", BAD).put("borderWidth", 2);
                }
            }
            if (first && target != null && target.value() != null) {
                ObjectNode markLine = s.putObject("markLine");
                markLine.put("symbol", "none").put("silent", true);
                markLine.putObject("lineStyle").put("type", "dashed").put("color", BAD);
                ObjectNode line = markLine.putArray("data").addObject();
                line.put("yAxis", plotted(target.value(), column.kind()));
                line.put("name", lang.pick("target ", "目标 ") + DisplayText.format(target.value(), column.kind(), lang));
                markLine.putObject("label").put("formatter", "{b}").put("position", "insideEndTop");
            }
            first = false;
        }
        valueAxes(option, axes, lang);
        ArrayNode legend = JSON.arrayNode();
        names.forEach(legend::add);
        option.putObject("legend").put("top", 0).set("data", legend);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("title").put("text", column.header(lang)).put("left", "right").put("top", 0)
                .putObject("textStyle").put("fontSize", 12).put("fontWeight", "normal");
        return option;
    }

    private static ObjectNode heatmap(ObjectNode option, Report report, Chart chart, Lang lang) {
        List<Integer> dims = indexes(report, chart.category());
        List<Integer> cellColumns = new ArrayList<>();
        if (chart.measures().isEmpty()) {
            for (int c = 0; c < report.columns().size(); c++) {
                if (report.columns().get(c).role() == Column.Role.MEASURE) cellColumns.add(c);
            }
        } else {
            cellColumns.addAll(indexes(report, chart.measures()));
        }
        ArrayNode x = JSON.arrayNode();
        for (int c : cellColumns) x.add(report.columns().get(c).header(lang));
        ArrayNode y = JSON.arrayNode();
        ArrayNode data = JSON.arrayNode();
        // Rows top to bottom as in the table: the y axis counts upwards, so it is filled in reverse.
        List<List<Object>> rows = report.rows();
        for (int r = rows.size() - 1, yi = 0; r >= 0; r--, yi++) {
            y.add(category(rows.get(r), dims, report, lang));
            for (int xi = 0; xi < cellColumns.size(); xi++) {
                Object value = rows.get(r).get(cellColumns.get(xi));
                Integer level = value == null ? null : chart.levels().get(DisplayText.format(value, ValueKind.TEXT, lang));
                if (level == null) {
                    BigDecimal d = plotted(value, report.columns().get(cellColumns.get(xi)).kind());
                    if (d == null) continue;
                    data.addArray().add(xi).add(yi).add(d);
                } else {
                    data.addArray().add(xi).add(yi).add(level);
                }
            }
        }
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category").put("position", "top").set("data", x);
        xAxis.putObject("axisLabel").put("interval", 0).put("rotate", 45).put("fontSize", 11);
        xAxis.putObject("splitArea").put("show", true);
        ObjectNode yAxis = option.putObject("yAxis");
        yAxis.put("type", "category").set("data", y);
        yAxis.putObject("axisLabel").put("interval", 0).put("fontSize", 11);
        yAxis.putObject("splitArea").put("show", true);
        option.putObject("grid").put("left", 8).put("right", 16).put("top", 90).put("bottom", 40).put("containLabel", true);
        ObjectNode visual = option.putObject("visualMap");
        visual.put("orient", "horizontal").put("left", "center").put("bottom", 0);
        if (!chart.levels().isEmpty()) {
            visual.put("type", "piecewise");
            ArrayNode pieces = visual.putArray("pieces");
            int max = chart.levels().values().stream().max(Integer::compare).orElse(1);
            chart.levels().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> {
                ObjectNode piece = pieces.addObject();
                piece.put("value", e.getValue()).put("label", levelLabel(report, e.getKey(), lang))
                        .put("color", e.getValue() == max ? GOOD : e.getValue() == 0 ? "#e0e0e0" : PARTIAL);
            });
        } else {
            visual.put("type", "continuous").put("min", 0).put("max", 100).put("calculable", false);
        }
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "heatmap").set("data", data);
        series.putObject("itemStyle").put("borderColor", "#ffffff").put("borderWidth", 1);
        option.putObject("tooltip").put("position", "top");
        return option;
    }

    /** The label of a level word: the report's summary item of that key if it has one, else the word. */
    private static String levelLabel(Report report, String word, Lang lang) {
        for (Report.SummaryItem item : report.summary()) {
            if (item.key().equals(word)) return item.label(lang);
        }
        return word;
    }

    private static void categoryAxis(ObjectNode option, List<String> categories) {
        ObjectNode xAxis = option.putObject("xAxis");
        xAxis.put("type", "category");
        ArrayNode data = xAxis.putArray("data");
        categories.forEach(data::add);
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        ObjectNode label = xAxis.putObject("axisLabel");
        label.put("interval", 0).put("fontSize", 11);
        if (categories.size() > 6 && longest > 3 || categories.size() > 12) label.put("rotate", categories.size() > 20 ? 60 : 35);
        option.putObject("grid").put("left", 8).put("right", 8).put("top", 48).put("bottom", 8).put("containLabel", true);
    }

    private static void valueAxes(ObjectNode option, List<ValueKind> axes, Lang lang) {
        ArrayNode yAxes = option.putArray("yAxis");
        for (ValueKind kind : axes) {
            ObjectNode y = yAxes.addObject();
            y.put("type", "value").put("name", unit(kind, lang));
            if (kind == ValueKind.RATIO) y.putObject("axisLabel").put("formatter", "{value}%");
            if (yAxes.size() > 1) y.putObject("splitLine").put("show", false);
        }
        if (axes.isEmpty()) yAxes.addObject().put("type", "value");
    }

    private static String unit(ValueKind kind, Lang lang) {
        return switch (kind) {
            case RATIO -> "%";
            case MONEY -> lang.pick("yuan", "元");
            case UNIT_PRICE -> lang.pick("yuan/unit", "元/单位");
            default -> "";
        };
    }

    /** The y axis a kind is drawn on: ratios on one, money on another (at most two; more share the last). */
    private static int axisOf(List<ValueKind> axes, ValueKind kind) {
        int i = axes.indexOf(kind);
        if (i >= 0) return i;
        if (axes.size() < 2) {
            axes.add(kind);
            return axes.size() - 1;
        }
        return 1;
    }

    /** The figure drawn for a value: ratios in percent, money to the cent, others as they are; null for none. */
    static BigDecimal plotted(Object value, ValueKind kind) {
        BigDecimal d = value instanceof Boolean ? null : decimal(value);
        if (d == null) return null;
        return switch (kind) {
            case RATIO -> d.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
            case MONEY -> d.setScale(2, RoundingMode.HALF_UP);
            case UNIT_PRICE -> d.setScale(4, RoundingMode.HALF_UP);
            default -> d;
        };
    }

    /** Whether a value meets its target; null when either side is missing. */
    public static Boolean met(Object value, Column.Target target, Object rowTarget) {
        BigDecimal v = decimal(value);
        BigDecimal t = target.value() != null ? target.value() : decimal(rowTarget);
        if (v == null || t == null) return null;
        int c = v.compareTo(t);
        return target.atLeast() ? c >= 0 : c <= 0;
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) return d;
        if (value instanceof Long || value instanceof Integer) return BigDecimal.valueOf(((Number) value).longValue());
        if (value instanceof Double v && Double.isFinite(v)) return new BigDecimal(Double.toString(v));
        return null;
    }

    private static String category(List<Object> row, List<Integer> dims, Report report, Lang lang) {
        List<String> parts = new ArrayList<>();
        for (int d : dims) parts.add(DisplayText.format(row.get(d), report.columns().get(d).kind(), lang));
        return String.join(" · ", parts);
    }

    private static List<Integer> indexes(Report report, List<String> keys) {
        List<Integer> out = new ArrayList<>();
        for (String k : keys) out.add(index(report, k));
        return out;
    }

    static int index(Report report, String key) {
        int i = indexOrMinus(report, Objects.requireNonNull(key));
        if (i < 0) throw new IllegalArgumentException("report " + report.command() + " has no column " + key);
        return i;
    }

    private static int indexOrMinus(Report report, String key) {
        for (int c = 0; c < report.columns().size(); c++) {
            if (report.columns().get(c).key().equals(key)) return c;
        }
        return -1;
    }
}
