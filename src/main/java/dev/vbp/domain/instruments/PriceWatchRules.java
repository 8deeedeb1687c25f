package dev.vbp.domain.instruments;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The price-monitoring rules (价格监测). docs/rules.md ("Related rules") confirms only that rises between periods are flagged and
 * that listed prices of some rounds may not exceed 1.5× the selected price; every number here is a setting.
 *
 * @param riseThreshold    a listed unit price rising by more than this (0.1 = 10%) from the previous period is flagged
 * @param period           the period listed prices are compared by; several prices of a series in one period: their mean
 * @param maxMultiple      a listed unit price above this multiple of the selected unit price is flagged
 * @param reference        several selected products in force: the highest or the lowest selected unit price
 * @param tolerance        yuan per pack a purchase may be above its bid or listed price before it is flagged
 */
public record PriceWatchRules(BigDecimal riseThreshold, Period period, BigDecimal maxMultiple, Reference reference,
                              BigDecimal tolerance) {

    public enum Period {
        DAY, MONTH, YEAR;

        /** The period a day falls in, as shown: 2024-03-05, 2024-03 or 2024. */
        public String of(LocalDate day) {
            return switch (this) {
                case DAY -> day.toString();
                case MONTH -> day.toString().substring(0, 7);
                case YEAR -> Integer.toString(day.getYear());
            };
        }
    }

    public enum Reference { HIGHEST, LOWEST }
}
