package dev.vbp.domain;

import java.math.BigDecimal;

/** An institution's assessment score (考核得分) for a period. */
public record Score(String institutionCode, BigDecimal score, String period, String where) {}
