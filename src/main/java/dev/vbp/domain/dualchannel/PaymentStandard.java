package dev.vbp.domain.dualchannel;

import dev.vbp.domain.Texts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment standard (医保支付标准) as the national negotiated-drug list prints it: one price per spec,
 * {@code 3.06元(10mg/片)}, several separated by {@code ；} ({@code 3.42元(10mg)；5.13元(25mg)}), or {@code *}
 * where the company asked for the price to stay confidential. A confidential price is a state of its own,
 * never zero. Text that fits none of these is kept as {@link Status#UNREADABLE} so the row is still used.
 *
 * @param text the cell as written, for output
 */
public record PaymentStandard(Status status, List<Price> prices, String text) {

    public enum Status {
        PRICED, CONFIDENTIAL, MISSING, UNREADABLE;

        public String code() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** One printed price: yuan, and what the brackets say it is for (a spec, a unit; null without brackets). */
    public record Price(BigDecimal yuan, String per) {}

    /** {@code 1.58元(每片含…)}: a number, 元, optional bracketed note (NFKC has made the brackets half-width). */
    private static final Pattern PRICE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*元\\s*(?:\\((.*)\\))?");

    public static PaymentStandard parse(String cell) {
        String s = Texts.normalise(cell);
        String asWritten = cell == null ? "" : cell.strip();
        if (s.isEmpty()) return new PaymentStandard(Status.MISSING, List.of(), "");
        if (s.equals("*")) return new PaymentStandard(Status.CONFIDENTIAL, List.of(), asWritten); // NFKC folds ＊ to *
        List<Price> prices = new ArrayList<>();
        for (String part : s.split(";")) { // NFKC turns the list's full-width ； into ;
            String p = part.trim();
            if (p.isEmpty()) continue;
            Matcher m = PRICE.matcher(p);
            if (!m.matches()) return new PaymentStandard(Status.UNREADABLE, List.of(), asWritten);
            String per = m.group(2) == null ? null : m.group(2).trim();
            prices.add(new Price(new BigDecimal(m.group(1)), per));
        }
        if (prices.isEmpty()) return new PaymentStandard(Status.UNREADABLE, List.of(), asWritten);
        return new PaymentStandard(Status.PRICED, List.copyOf(prices), asWritten);
    }

    public boolean confidential() { return status == Status.CONFIDENTIAL; }

    /** For output: the prices as written, {@code confidential}, or empty. */
    public String display() {
        return switch (status) {
            case CONFIDENTIAL -> "confidential";
            case MISSING -> "";
            default -> text;
        };
    }
}
