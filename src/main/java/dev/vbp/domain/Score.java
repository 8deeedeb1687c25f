package dev.vbp.domain;

import dev.vbp.read.Row;

import java.math.BigDecimal;

/** An institution's assessment score (考核得分) for a period. */
public record Score(String institutionCode, BigDecimal score, String period, String where) {
    public static Score fromRow(Row r) {
        return new Score(r.text("institution_code"), r.decimal("score"), r.text("period"), r.where());
    }
}
