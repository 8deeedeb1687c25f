package dev.vbp.read;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What identifies a row of a dataset, where one thing may be described only once: a bid of a product in a
 * batch, an institution, an agreed volume. Price observations, ledger lines and the like have no such key:
 * two equal rows there are two observations.
 */
public final class NaturalKeys {
    private NaturalKeys() {}

    /** The key function and a description of it for messages, or empty when rows may repeat. */
    public record Key(String description, Function<Row, String> of) {}

    public static Optional<Key> of(Dataset dataset) {
        return Optional.ofNullable(switch (dataset) {
            case BIDS -> new Key("batch and product", r -> join(r.text("batch_id"), r.text("product_code") != null
                    ? r.text("product_code")
                    : join(r.text("generic_name"), r.text("spec"), r.text("manufacturer"), String.valueOf(r.integer("pack_count")))));
            case INSTITUTIONS -> new Key("institution code", r -> r.text("institution_code"));
            case ALLOCATIONS -> new Key("batch, institution, product and cycle start", r -> join(r.text("batch_id"),
                    r.text("institution_code"), r.text("product_code"), String.valueOf(r.date("cycle_start"))));
            case CATALOG -> new Key("drug", r -> r.text("drug_code") != null ? r.text("drug_code")
                    : join(r.text("generic_name"), r.text("dosage_form")));
            case OUTLETS -> new Key("outlet code", r -> r.text("outlet_code"));
            case STOCK -> new Key("outlet and drug", r -> join(r.text("outlet_code"),
                    r.text("drug_code") != null ? r.text("drug_code") : r.text("generic_name")));
            case SCORES -> new Key("institution and period", r -> join(r.text("institution_code"), r.text("period")));
            case PRESCRIPTIONS -> new Key("prescription and drug", r -> join(r.text("prescription_id"),
                    r.text("drug_code") != null ? r.text("drug_code") : r.text("generic_name")));
            case BASELINE, LEDGER, PREPAYMENTS, LISTINGS -> null;
        });
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) b.append(Objects.toString(p, "")).append('\u0000');
        return b.toString();
    }
}
