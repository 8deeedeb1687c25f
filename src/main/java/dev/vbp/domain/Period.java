package dev.vbp.domain;

import dev.vbp.errors.BadInputException;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An inclusive date range written by a user: {@code 2017}, {@code 2016..2017}, {@code 2017-03},
 * {@code 2017-01-01..2017-06-30}. Observations that carry only a year match when that year overlaps.
 */
public record Period(LocalDate from, LocalDate to) {

    public static Period parse(String text) {
        String t = text.trim();
        String[] parts = t.split("\\.\\.", -1);
        if (parts.length > 2 || t.isEmpty()) throw bad(text);
        Period first = single(parts[0].trim(), text);
        if (parts.length == 1) return first;
        Period last = single(parts[1].trim(), text);
        if (last.to.isBefore(first.from)) throw new BadInputException("period '" + text + "' ends before it starts");
        return new Period(first.from, last.to);
    }

    private static Period single(String s, String whole) {
        try {
            if (s.matches("\\d{4}")) {
                int y = Integer.parseInt(s);
                return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
            if (s.matches("\\d{4}-\\d{1,2}")) {
                YearMonth ym = YearMonth.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5)));
                return new Period(ym.atDay(1), ym.atEndOfMonth());
            }
            LocalDate d = LocalDate.parse(s);
            return new Period(d, d);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw bad(whole);
        }
    }

    private static BadInputException bad(String text) {
        return new BadInputException("invalid period '" + text + "': expected e.g. 2017, 2016..2017, 2017-03 or 2017-01-01..2017-06-30");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    public boolean overlapsYear(int year) {
        return from.getYear() <= year && year <= to.getYear();
    }

    @Override
    public String toString() {
        if (from.getDayOfYear() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
            return from.getYear() == to.getYear() ? String.valueOf(from.getYear()) : from.getYear() + ".." + to.getYear();
        }
        return from + ".." + to;
    }
}
