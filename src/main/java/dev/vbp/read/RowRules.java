package dev.vbp.read;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Checks that involve more than one column of a row. Each returns null when the row is fine, or the
 * reason it is rejected. Single-column checks (types, ranges, required values) happen in the reader.
 */
final class RowRules {
    private RowRules() {}

    /** Positions of the baseline's fields the rules read. */
    private static final class Baseline {
        static final int PRODUCT_CODE = Dataset.BASELINE.indexOf("product_code");
        static final int GENERIC_NAME = Dataset.BASELINE.indexOf("generic_name");
        static final int SPEC = Dataset.BASELINE.indexOf("spec");
        static final int DATE = Dataset.BASELINE.indexOf("date");
        static final int YEAR = Dataset.BASELINE.indexOf("year");
    }

    /** A problem with the row as a whole, attributed to {@code field}. */
    record Problem(String field, String reason) {}

    static Problem check(Dataset dataset, Row row) {
        return switch (dataset) {
            case BIDS -> period(row, "cycle_start", "cycle_end");
            case ALLOCATIONS -> period(row, "cycle_start", "cycle_end");
            case BASELINE -> { // by position: asked for every row of a big baseline
                if (row.get(Baseline.PRODUCT_CODE) == null && (row.get(Baseline.GENERIC_NAME) == null || row.get(Baseline.SPEC) == null)) {
                    yield new Problem("product_code", "needs a product code, or a generic name and a spec");
                }
                if (row.get(Baseline.DATE) == null && row.get(Baseline.YEAR) == null) {
                    yield new Problem("year", "needs a date or a year");
                }
                yield null;
            }
            case LISTINGS -> row.get("product_code") == null && (row.get("generic_name") == null || row.get("spec") == null)
                    ? new Problem("product_code", "needs a product code, or a generic name and a spec") : null;
            case STOCK -> row.get("drug_code") == null && row.get("generic_name") == null
                    ? new Problem("drug_code", "needs a drug code or a generic name") : null;
            case PRESCRIPTIONS -> {
                if (row.get("drug_code") == null && row.get("generic_name") == null) {
                    yield new Problem("drug_code", "needs a drug code or a generic name");
                }
                BigDecimal amount = row.decimal("amount");
                BigDecimal fund = row.decimal("fund_paid");
                yield fund.compareTo(amount) > 0
                        ? new Problem("fund_paid", "fund paid " + fund.toPlainString() + " exceeds the amount " + amount.toPlainString())
                        : null;
            }
            case SCORES -> row.decimal("score").compareTo(BigDecimal.valueOf(100)) > 0
                    ? new Problem("score", "expected a score from 0 to 100, found " + row.decimal("score").toPlainString()) : null;
            default -> null;
        };
    }

    private static Problem period(Row row, String startField, String endField) {
        LocalDate start = row.date(startField);
        LocalDate end = row.date(endField);
        if (start != null && end != null && end.isBefore(start)) {
            return new Problem(endField, "the cycle ends (" + end + ") before it starts (" + start + ")");
        }
        return null;
    }
}
