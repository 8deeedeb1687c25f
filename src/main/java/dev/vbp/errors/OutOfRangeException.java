package dev.vbp.errors;

/**
 * Figures that add up beyond what vbp sums exactly. Ledger sums are longs scaled by 10^4, exact up to
 * ±922,337,203,685,477.5807 (about 9.2 × 10^14 yuan, a hundred times any province's yearly drug spending),
 * so reaching the limit means wrong values (99999999999999 placeholders, amounts in fen read as yuan), not
 * a big ledger: the input is rejected with the range, never wrapped around or crashed on.
 */
public class OutOfRangeException extends BadInputException {
    public static final String RANGE = "±922,337,203,685,477.5807";

    public OutOfRangeException(String where) {
        super(where + ": quantities or amounts add up beyond " + RANGE
                + ", the range vbp sums exactly; look for placeholder values such as 99999999999999 or amounts in fen");
    }

    /** {@code a + b}, or this exception naming {@code where}. */
    public static long add(long a, long b, String where) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new OutOfRangeException(where);
        }
    }
}
