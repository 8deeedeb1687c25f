package dev.vbp.read;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What a streamed file yielded besides its rows ({@link DatasetReader#stream}): how many rows were accepted and
 * rejected, the first rejects and warnings (all counted), and how the file was read.
 */
public record ReadSummary(Dataset dataset, String source, Charset charset, char delimiter, HeaderBinding binding,
                          long rows, long rejected, List<Reject> rejects, long warningCount, List<String> warnings) {

    /** The summary of a file read whole, keeping the first {@code keep} rejects and warnings. */
    static ReadSummary of(ReadResult r, int keep) {
        return new ReadSummary(r.dataset(), r.source(), r.charset(), r.delimiter(), r.binding(), r.rows().size(),
                r.rejects().size(), r.rejects().stream().limit(keep).toList(), r.warnings().size(),
                r.warnings().stream().limit(keep).toList());
    }

    public String delimiterName() {
        return Dialect.delimiterName(delimiter);
    }
}
