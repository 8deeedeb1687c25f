package dev.vbp.domain.dualchannel;

import dev.vbp.domain.Texts;
import dev.vbp.errors.BadInputException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A negotiated drug's agreement period (协议有效期), both days inclusive. The national list prints it as
 * {@code 2026年1月1日至2027年12月31日}; ISO dates joined by {@code 至}, {@code ..}, {@code ~} or {@code -} with
 * spaces are read too, since people retype the list in spreadsheets.
 */
public record AgreementPeriod(LocalDate start, LocalDate end) {

    public enum Standing {
        IN_FORCE, NOT_BEGUN, LAPSED;

        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    private static final String CN_DATE = "(\\d{4})年(\\d{1,2})月(\\d{1,2})日";
    private static final String ISO_DATE = "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})";
    private static final Pattern CN = Pattern.compile(CN_DATE + "\\s*(?:至|到|-|~)\\s*" + CN_DATE);
    private static final Pattern ISO = Pattern.compile(ISO_DATE + "\\s*(?:至|到|\\.\\.|~| - )\\s*" + ISO_DATE);

    /** The period, or a {@link BadInputException} naming the expected form. */
    public static AgreementPeriod parse(String cell) {
        String s = Texts.normalise(cell).replace(" ", "");
        Matcher m = CN.matcher(s);
        if (!m.matches()) {
            m = ISO.matcher(Texts.normalise(cell));
            if (!m.matches()) throw bad(cell);
        }
        try {
            LocalDate a = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            LocalDate b = LocalDate.of(num(m, 4), num(m, 5), num(m, 6));
            if (b.isBefore(a)) throw new BadInputException("agreement period '" + cell + "' ends before it starts");
            return new AgreementPeriod(a, b);
        } catch (DateTimeException e) {
            throw bad(cell);
        }
    }

    private static int num(Matcher m, int g) { return Integer.parseInt(m.group(g)); }

    private static BadInputException bad(String cell) {
        return new BadInputException("invalid agreement period '" + cell + "': expected e.g. 2026年1月1日至2027年12月31日");
    }

    public Standing standingOn(LocalDate day) {
        if (day.isBefore(start)) return Standing.NOT_BEGUN;
        if (day.isAfter(end)) return Standing.LAPSED;
        return Standing.IN_FORCE;
    }

    @Override
    public String toString() { return start + ".." + end; }
}
