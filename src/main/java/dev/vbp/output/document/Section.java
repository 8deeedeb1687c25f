package dev.vbp.output.document;

import dev.vbp.output.Lang;
import dev.vbp.output.Report;

import java.util.List;

/**
 * One section of a document: a title in both languages, its parts (a report and the chart it is drawn as),
 * and the files its figures rest on. A section that could not run (its data is missing) keeps its title
 * and says why in {@code skipped}, so the reader sees what the document does not cover.
 */
public record Section(String id, String en, String zh, List<Part> parts, List<InputFile> files, String skipped) {

    /**
     * A report of the section and how to draw it; {@code chart} null draws none. {@code en}/{@code zh}, when
     * set, head it. A part that could not run has no report and says why in {@code skipped}.
     */
    public record Part(String en, String zh, Report report, Chart chart, String skipped) {
        public Part(String en, String zh, Report report, Chart chart) {
            this(en, zh, report, chart, null);
        }

        public static Part skipped(String en, String zh, String why) {
            return new Part(en, zh, null, null, why);
        }

        public String title(Lang lang) { return lang.pick(en, zh); }
    }

    public Section {
        parts = List.copyOf(parts);
        files = List.copyOf(files);
    }

    public static Section skipped(String id, String en, String zh, String why) {
        return new Section(id, en, zh, List.of(), List.of(), why);
    }

    public String title(Lang lang) { return lang.pick(en, zh); }
}
