package dev.vbp.read;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Everything one file yielded: accepted rows, rejected rows with reasons, warnings about accepted rows,
 * and how the file was read (so the manifest and {@code validate} can say it).
 */
public record ReadResult(Dataset dataset, String source, Charset charset, char delimiter, HeaderBinding binding,
                         List<Row> rows, List<Reject> rejects, List<String> warnings) {

    public String delimiterName() {
        return Dialect.delimiterName(delimiter);
    }
}
