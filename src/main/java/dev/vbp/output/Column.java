package dev.vbp.output;

/**
 * A column of a report: {@code key} is the stable snake_case name used in JSON and CSV; {@code en} and
 * {@code zh} are the table headers for {@code --lang en|zh}.
 */
public record Column(String key, String en, String zh, ValueKind kind) {

    public String header(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
