package dev.vbp.read;

import dev.vbp.domain.Category;
import dev.vbp.domain.Channel;
import dev.vbp.domain.Ownership;
import dev.vbp.domain.OutletType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static dev.vbp.read.FieldType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Property: for every type and value, {@code parse(format(v))} equals {@code v}; seeded so failures repeat. */
class FieldParsersRoundTripTest {
    private static final int ROUNDS = 2_000;

    private static void roundTrips(FieldType type, Object value) {
        String text = FieldParsers.format(type, value);
        assertEquals(value, FieldParsers.parse(type, text), type + " " + text);
    }

    @Test
    void everyTypeIsCovered() {
        // A new FieldType must get a generator below; this fails until it does.
        assertEquals(17, FieldType.values().length);
    }

    @Test
    void decimalsKeepValueAndScale() {
        Random r = new Random(20240131L);
        for (int i = 0; i < ROUNDS; i++) {
            BigDecimal positive = new BigDecimal(new BigInteger(1 + r.nextInt(60), r), r.nextInt(7));
            roundTrips(DECIMAL, positive);
            roundTrips(SIGNED_DECIMAL, positive);
            roundTrips(SIGNED_DECIMAL, positive.negate());
            if (positive.signum() > 0) roundTrips(PRICE, positive);

            // Grouped, with a currency sign: written by the JDK's formatter, an independent method.
            String grouped = String.format(Locale.ROOT, "¥%,." + positive.scale() + "f元", positive);
            assertEquals(positive, FieldParsers.parse(DECIMAL, grouped), grouped);
            assertEquals(positive.negate(), FieldParsers.parse(SIGNED_DECIMAL, "(" + grouped + ")"), grouped);
        }
    }

    @Test
    void countsAndYears() {
        Random r = new Random(7L);
        for (int i = 0; i < ROUNDS; i++) {
            int count = 1 + r.nextInt(Integer.MAX_VALUE);
            roundTrips(COUNT, count);
            assertEquals(count, FieldParsers.parse(COUNT, count + ".0"));
            int year = 1990 + r.nextInt(111);
            roundTrips(YEAR, year);
            assertEquals(year, FieldParsers.parse(YEAR, year + "年"));
        }
        roundTrips(COUNT, 1);
        roundTrips(COUNT, Integer.MAX_VALUE);
    }

    @Test
    void datesInEveryAcceptedStyle() {
        Random r = new Random(45322L);
        LocalDate excelZero = LocalDate.of(1899, 12, 30);
        List<DateTimeFormatter> styles = List.of(
                DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d"),
                DateTimeFormatter.ofPattern("uuuuMMdd"), DateTimeFormatter.ofPattern("uuuu年M月d日"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
        for (int i = 0; i < ROUNDS; i++) {
            LocalDate date = LocalDate.ofEpochDay(r.nextInt(365 * 300) - 365 * 100); // 1870 … 2169
            roundTrips(DATE, date);
            for (DateTimeFormatter f : styles) {
                String text = f.format(date.atTime(r.nextInt(24), r.nextInt(60), r.nextInt(60)));
                assertEquals(date, FieldParsers.parse(DATE, text), text);
            }
            long serial = ChronoUnit.DAYS.between(excelZero, date);
            if (serial >= 20000 && serial <= 80000) assertEquals(date, FieldParsers.parse(DATE, Long.toString(serial)));
        }
    }

    @Test
    void textsAndCodes() {
        Random r = new Random(3L);
        String alphabet = "aZ09 \u3000\u00A0\t（）：ＡＢ１２阿莫西林-_.µ'=\"";
        for (int i = 0; i < ROUNDS; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(20); n > 0; n--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String raw = b.toString();
            for (FieldType t : List.of(TEXT, STRENGTH, CODE, MEDICAL_CODE)) {
                Object v = FieldParsers.parse(t, raw);
                if (v != null) roundTrips(t, v);
            }
        }
    }

    @Test
    void flagsAndEnums() {
        roundTrips(FLAG, true);
        roundTrips(FLAG, false);
        for (Channel c : Channel.values()) roundTrips(CHANNEL, c);
        for (Category c : Category.values()) roundTrips(CATEGORY, c);
        for (Ownership c : Ownership.values()) roundTrips(OWNERSHIP, c);
        for (OutletType c : OutletType.values()) roundTrips(OUTLET_TYPE, c);
        for (dev.vbp.domain.ListingStatus c : dev.vbp.domain.ListingStatus.values()) roundTrips(LISTING_STATUS, c);
        for (dev.vbp.domain.DeliveryStatus c : dev.vbp.domain.DeliveryStatus.values()) roundTrips(DELIVERY_STATUS, c);
    }
}
