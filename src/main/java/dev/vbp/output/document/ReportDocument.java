package dev.vbp.output.document;

import dev.vbp.output.Lang;

import java.time.LocalDate;
import java.util.List;

/** What {@code vbp report} writes: a title, the date it speaks of, the language and its sections in order. */
public record ReportDocument(String title, LocalDate date, Lang lang, String generator, List<Section> sections) {
    public ReportDocument {
        sections = List.copyOf(sections);
    }
}
