package dev.vbp.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RenderersTest {

    @Test
    void oneRendererPerFormat() {
        Map<Format, Class<?>> expected = Map.of(
                Format.TABLE, TableRenderer.class,
                Format.CSV, CsvRenderer.class,
                Format.JSON, JsonRenderer.class,
                Format.MARKDOWN, MarkdownRenderer.class,
                Format.XLSX, XlsxRenderer.class);
        for (Format format : Format.values()) {
            assertEquals(expected.get(format), Renderers.of(new RenderOptions(format, Lang.EN, false, false)).getClass());
        }
    }

    @Test
    void optionsNeedAFormatAndALanguage() {
        assertThrows(NullPointerException.class, () -> new RenderOptions(null, Lang.EN, false, false));
        assertThrows(NullPointerException.class, () -> new RenderOptions(Format.CSV, null, false, false));
    }
}
