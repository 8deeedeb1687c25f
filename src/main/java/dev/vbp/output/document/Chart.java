package dev.vbp.output.document;

import java.util.List;
import java.util.Map;

/**
 * How a report is drawn: what kind of chart, which dimension gives the categories and which measures the
 * values. The figures, their units (a ratio, money) and their targets come from the report's columns; a
 * chart names columns only.
 *
 * <ul>
 *   <li>{@link Type#BAR}: one bar per row along {@code category} (several keys are joined), a series per
 *       measure. A fixed target of a measure is a line across; a target column a marker per bar.</li>
 *   <li>{@link Type#GROUPED_BAR}: categories from {@code category}, one series per value of the {@code series} columns,
 *       the first measure as bar heights (online rate by county, a bar per level).</li>
 *   <li>{@link Type#LINE}: as BAR, drawn as lines (a month dimension).</li>
 *   <li>{@link Type#HEATMAP}: a wide report, a row per {@code category} value and one column per cell of
 *       {@code measures} (all columns after the dimensions when empty); {@code levels} turns each cell's word
 *       into a level 0..n (covered 2, hospital_only 1, none 0).</li>
 * </ul>
 */
public record Chart(Type type, List<String> category, List<String> series, List<String> measures, Map<String, Integer> levels) {

    public enum Type { BAR, GROUPED_BAR, LINE, HEATMAP }

    public Chart {
        category = List.copyOf(category);
        series = series == null ? List.of() : List.copyOf(series);
        measures = List.copyOf(measures);
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    public static Chart bar(String category, String... measures) {
        return new Chart(Type.BAR, List.of(category), null, List.of(measures), null);
    }

    public static Chart bar(List<String> category, String... measures) {
        return new Chart(Type.BAR, category, null, List.of(measures), null);
    }

    /** Bars of {@code measure} per {@code category}, a series per value of the {@code series} columns (joined). */
    public static Chart grouped(String category, List<String> series, String measure) {
        return new Chart(Type.GROUPED_BAR, List.of(category), series, List.of(measure), null);
    }

    public static Chart line(String category, String... measures) {
        return new Chart(Type.LINE, List.of(category), null, List.of(measures), null);
    }

    public static Chart heatmap(String category, Map<String, Integer> levels) {
        return new Chart(Type.HEATMAP, List.of(category), null, List.of(), levels);
    }
}
