package dev.vbp.read;

import dev.vbp.domain.instruments.EvaluatedBid;
import dev.vbp.domain.instruments.Prepayment;

/** Rows → the records of the companion-measures commands (payment standard, prepayment, use monitoring, price watch). */
public final class InstrumentRecords {
    private InstrumentRecords() {}

    /** A bid with its consistency-evaluation flag (null when the file does not say). */
    public static EvaluatedBid evaluatedBid(Row r) {
        return new EvaluatedBid(Records.bid(r), r.flag("consistency_evaluated"));
    }

    public static Prepayment prepayment(Row r) {
        return new Prepayment(r.text("institution_code"), r.date("date"), r.decimal("amount"), r.text("batch_id"), r.where());
    }
}
