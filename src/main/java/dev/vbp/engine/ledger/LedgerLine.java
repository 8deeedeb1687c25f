package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One accepted ledger line, as the engine hands it to {@link LedgerAggregate#add}. It is a flyweight that
 * the engine refills for every line: read what you need inside {@code add}, never keep the object.
 *
 * <p>Money and quantities are exact longs scaled by 10^4 ({@link #SCALE}): {@code 12.5} yuan is
 * {@code 125000}. Strings (codes, names) are canonical instances shared by every line with the same value,
 * so they are cheap to keep as map keys. Returns and corrections carry negative quantity and amount.
 */
public final class LedgerLine {
    /** Decimal places of {@link #quantity}, {@link #amount} and {@link #unitPrice}. */
    public static final int SCALE = ByteParsers.SCALE;

    /** Finds the physical line number of a line in a chunk that did not start at the top of its file. */
    interface LineCounter {
        long newlinesBefore(Path file, long offset);
    }

    /** Decodes the current line's generic name when first asked: most analyses never look at it. */
    interface GenericSource {
        String generic();
    }

    Path file;
    long offset;
    long unitStart;
    long newlinesInUnit; // newlines between the start of the chunk and this line
    long newlinesBeforeUnit = -1; // -1 while unknown (a chunk in the middle of a file)
    LineCounter lineCounter;

    int date;
    String institution;
    /** institution.hashCode(), valid while {@link #hashedInstitution} is {@link #institution} (the scanner sets both). */
    int institutionHash;
    String hashedInstitution;
    /**
     * The institution as a small number: its entry in the scanning worker's intern table
     * ({@link #institutionIds}, the same object for every line the worker reads from files of one
     * encoding), or -1. Lets an aggregate grouped by institution find its group with one array read.
     */
    Object institutionIds;
    int institutionId = -1;
    String product;
    int productHash;
    String hashedProduct;
    String generic;
    boolean genericKnown;
    GenericSource genericSource;
    long quantity;
    long amount;
    long unitPrice;
    boolean hasUnitPrice;
    Channel channel;
    Category category;
    long delivered;
    boolean hasDelivered;

    LedgerLine() {}

    /** The file the line came from, as found from the paths given to the scan. */
    public Path file() { return file; }

    /** Byte offset of the line's first byte in its (decompressed) file. */
    public long offset() { return offset; }

    /**
     * The physical line number (the header is line 1; newlines inside quoted fields count). For a chunk
     * in the middle of a large file the first call counts the newlines before the chunk by reading the file
     * from its top, so an aggregate should ask only for lines it keeps; one that may run on many splits of
     * one file should keep {@link #lineAnchor()} and {@link #newlinesSinceAnchor()} instead, and have
     * {@link LedgerResult#lineNumbers()} turn them into the number after the scan, without reading anything.
     */
    public long line() {
        if (newlinesBeforeUnit < 0) newlinesBeforeUnit = lineCounter.newlinesBefore(file, unitStart);
        return newlinesBeforeUnit + newlinesInUnit + 1;
    }

    /**
     * The byte offset {@link #newlinesSinceAnchor()} counts from: 0 when the newlines before this line are
     * known (the top of the file), else the start of the piece of the file being read.
     */
    public long lineAnchor() {
        return newlinesBeforeUnit >= 0 ? 0 : unitStart;
    }

    /** Newlines between {@link #lineAnchor()} and this line: {@link LineNumbers#line} makes the line number of them. */
    public long newlinesSinceAnchor() {
        return newlinesBeforeUnit >= 0 ? newlinesBeforeUnit + newlinesInUnit : newlinesInUnit;
    }

    /** The purchase date as yyyymmdd (20240131). */
    public int date() { return date; }

    /** The purchase month as yyyymm (202401). */
    public int month() { return date / 100; }

    public int year() { return date / 10_000; }

    /** Days since 1970-01-01. */
    public long epochDay() { return ByteParsers.epochDay(date); }

    public LocalDate localDate() { return LocalDate.of(date / 10_000, date / 100 % 100, date % 100); }

    public String institution() { return institution; }

    /**
     * {@code institution.hashCode()} without reading the String when the scanner gave it (an aggregate's
     * table lookup then touches no object but its own arrays).
     */
    int institutionHash() {
        return hashedInstitution == institution ? institutionHash : institution.hashCode();
    }

    int productHash() {
        return hashedProduct == product ? productHash : product.hashCode();
    }

    public String product() { return product; }

    /**
     * The generic name, or null when the file has no such column or the cell is empty. Decoded on the first
     * call for each line (free text is never a reason to reject a line: bytes invalid in the file's
     * encoding become U+FFFD).
     */
    public String generic() {
        if (!genericKnown) {
            generic = genericSource.generic();
            genericKnown = true;
        }
        return generic;
    }

    /** Quantity × 10^4; negative for returns. */
    public long quantity() { return quantity; }

    /** Amount in yuan × 10^4; negative for returns. */
    public long amount() { return amount; }

    public boolean hasUnitPrice() { return hasUnitPrice; }

    /** Unit price in yuan × 10^4; meaningful only when {@link #hasUnitPrice()}. */
    public long unitPrice() { return unitPrice; }

    public Channel channel() { return channel; }

    public boolean online() { return channel == Channel.ONLINE; }

    /** Drug or consumable, or null when the file has no category column or the cell is empty. */
    public Category category() { return category; }

    /**
     * Whether the line says how much of it was delivered: a delivered quantity (配送数量), or a delivery status
     * (配送状态) that makes it all or nothing. Lines of a plain purchase ledger say nothing.
     */
    public boolean hasDelivered() { return hasDelivered; }

    /** The delivered quantity × 10^4; meaningful only when {@link #hasDelivered()}. */
    public long delivered() { return delivered; }

    public BigDecimal quantityDecimal() { return BigDecimal.valueOf(quantity, SCALE); }

    public BigDecimal amountDecimal() { return BigDecimal.valueOf(amount, SCALE); }

    /** The unit price, or null when the line has none. */
    public BigDecimal unitPriceDecimal() { return hasUnitPrice ? BigDecimal.valueOf(unitPrice, SCALE) : null; }

    /**
     * Whether the amount differs from quantity × unit price by more than {@code tolerance} (yuan × 10^4;
     * 100 = 0.01 yuan). False when the line has no unit price. Exact: the product is taken at 8 decimals.
     */
    public boolean amountDisagreesWithPrice(long tolerance) {
        if (!hasUnitPrice) return false;
        long product = quantity * unitPrice;
        long high = Math.multiplyHigh(quantity, unitPrice);
        if (high == (product >> 63) && Math.abs(amount) < Long.MAX_VALUE / ByteParsers.ONE
                && Math.abs(tolerance) < Long.MAX_VALUE / ByteParsers.ONE) {
            long scaledAmount = amount * ByteParsers.ONE;
            long diff = scaledAmount - product;
            boolean overflow = ((scaledAmount ^ product) & (scaledAmount ^ diff)) < 0;
            if (!overflow && diff != Long.MIN_VALUE) return Math.abs(diff) > tolerance * ByteParsers.ONE;
        }
        BigInteger diff = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(ByteParsers.ONE))
                .subtract(BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(unitPrice)));
        return diff.abs().compareTo(BigInteger.valueOf(tolerance).multiply(BigInteger.valueOf(ByteParsers.ONE))) > 0;
    }

    @Override
    public String toString() {
        return file + "@" + offset + " " + date + " " + institution + " " + product + " " + generic() + " qty="
                + quantityDecimal() + " amount=" + amountDecimal() + " price=" + unitPriceDecimal() + " " + channel
                + " " + category;
    }
}
