package dev.vbp.engine.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sums of quantity and amount per group, for any subset of the dimensions {institution, product, generic
 * name, month, channel, category}; also the line count and the number of lines whose amount disagrees with
 * quantity × unit price. Memory grows with the number of distinct groups, never with lines: an open-
 * addressing table over parallel arrays, and {@link #add} allocates nothing once a group exists.
 * Sums are exact longs scaled by 10^4; an overflow throws rather than wraps.
 */
public final class GroupedSums implements LedgerAggregate<GroupedSums> {

    public enum Dimension { INSTITUTION, PRODUCT, GENERIC, MONTH, CHANNEL, CATEGORY }

    /** Default tolerance for amount vs quantity × unit price: 0.01 yuan, as a scaled long. */
    public static final long DEFAULT_TOLERANCE = 100;

    /** A group's key; dimensions not grouped by are null. {@code month} is yyyymm. */
    public record Key(String institution, String product, String generic, Integer month, LedgerChannel channel,
                      LedgerCategory category) {}

    /**
     * One group's figures. {@code quantity} and {@code amount} are scaled by 10^4; {@code mismatches} counts
     * lines whose amount is off quantity × unit price by more than the tolerance.
     */
    public record Group(Key key, long quantity, long amount, long lines, long mismatches) {
        public BigDecimal quantityDecimal() { return BigDecimal.valueOf(quantity, LedgerLine.SCALE); }

        public BigDecimal amountDecimal() { return BigDecimal.valueOf(amount, LedgerLine.SCALE); }
    }

    private static final LedgerChannel[] CHANNELS = LedgerChannel.values();
    private static final LedgerCategory[] CATEGORIES = LedgerCategory.values();

    private final Set<Dimension> dimensions;
    private final boolean byInstitution, byProduct, byGeneric, byMonth, byChannel, byCategory;
    private final long tolerance;

    // groups, in insertion order
    private String[] institution;
    private String[] product;
    private String[] generic;
    private int[] month;
    private byte[] channel; // ordinal + 1, 0 = none
    private byte[] category; // ordinal + 1, 0 = none
    private int[] hash;
    private long[] quantity;
    private long[] amount;
    private long[] lines;
    private long[] mismatches;
    private int size;
    private int[] slots; // group index + 1, 0 = free

    /** Groups by {@code dimensions} (none: one grand total) with the default tolerance of 0.01 yuan. */
    public GroupedSums(Set<Dimension> dimensions) {
        this(dimensions, DEFAULT_TOLERANCE);
    }

    /** @param tolerance yuan × 10^4 (100 = 0.01 yuan) */
    public GroupedSums(Set<Dimension> dimensions, long tolerance) {
        if (tolerance < 0) throw new IllegalArgumentException("tolerance must not be negative");
        this.dimensions = dimensions.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Dimension.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(dimensions));
        this.byInstitution = dimensions.contains(Dimension.INSTITUTION);
        this.byProduct = dimensions.contains(Dimension.PRODUCT);
        this.byGeneric = dimensions.contains(Dimension.GENERIC);
        this.byMonth = dimensions.contains(Dimension.MONTH);
        this.byChannel = dimensions.contains(Dimension.CHANNEL);
        this.byCategory = dimensions.contains(Dimension.CATEGORY);
        this.tolerance = tolerance;
        allocate(16);
        slots = new int[32];
    }

    /** A supplier for {@link LedgerScan#run}: {@code scan.run(GroupedSums.by(INSTITUTION, CHANNEL))}. */
    public static Supplier<GroupedSums> by(Dimension... dimensions) {
        Set<Dimension> dims = dimensions.length == 0 ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(Arrays.asList(dimensions));
        return () -> new GroupedSums(dims);
    }

    public Set<Dimension> dimensions() { return dimensions; }

    /** Yuan × 10^4. */
    public long tolerance() { return tolerance; }

    @Override
    public void add(LedgerLine line) {
        String inst = byInstitution ? line.institution : null;
        String prod = byProduct ? line.product : null;
        String gen = byGeneric ? line.generic() : null;
        int mon = byMonth ? line.date / 100 : 0;
        byte chan = byChannel ? (byte) (line.channel.ordinal() + 1) : 0;
        byte cat = byCategory && line.category != null ? (byte) (line.category.ordinal() + 1) : 0;
        int g = find(inst, prod, gen, mon, chan, cat, true);
        quantity[g] = Math.addExact(quantity[g], line.quantity);
        amount[g] = Math.addExact(amount[g], line.amount);
        lines[g]++;
        if (line.hasUnitPrice && line.amountDisagreesWithPrice(tolerance)) mismatches[g]++;
    }

    @Override
    public GroupedSums merge(GroupedSums other) {
        if (!dimensions.equals(other.dimensions) || tolerance != other.tolerance) {
            throw new IllegalArgumentException("cannot merge sums grouped by " + dimensions + " with sums grouped by "
                    + other.dimensions);
        }
        for (int o = 0; o < other.size; o++) {
            int g = find(other.institution[o], other.product[o], other.generic[o], other.month[o], other.channel[o],
                    other.category[o], true);
            quantity[g] = Math.addExact(quantity[g], other.quantity[o]);
            amount[g] = Math.addExact(amount[g], other.amount[o]);
            lines[g] += other.lines[o];
            mismatches[g] += other.mismatches[o];
        }
        return this;
    }

    /** Number of groups. */
    public int size() { return size; }

    /** Every group, sorted by key (dimensions in enum order; nulls first). */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>(size);
        for (int g = 0; g < size; g++) out.add(group(g));
        out.sort(KEY_ORDER);
        return out;
    }

    /** The figures of one group, or null when no line fell into it. */
    public Group get(Key key) {
        int g = find(byInstitution ? key.institution() : null, byProduct ? key.product() : null,
                byGeneric ? key.generic() : null, byMonth && key.month() != null ? key.month() : 0,
                byChannel && key.channel() != null ? (byte) (key.channel().ordinal() + 1) : 0,
                byCategory && key.category() != null ? (byte) (key.category().ordinal() + 1) : 0, false);
        return g < 0 ? null : group(g);
    }

    /** All groups added up. */
    public Group total() {
        long q = 0, a = 0, l = 0, m = 0;
        for (int g = 0; g < size; g++) {
            q = Math.addExact(q, quantity[g]);
            a = Math.addExact(a, amount[g]);
            l += lines[g];
            m += mismatches[g];
        }
        return new Group(new Key(null, null, null, null, null, null), q, a, l, m);
    }

    private Group group(int g) {
        Key key = new Key(institution[g], product[g], generic[g], byMonth ? month[g] : null,
                channel[g] == 0 ? null : CHANNELS[channel[g] - 1], category[g] == 0 ? null : CATEGORIES[category[g] - 1]);
        return new Group(key, quantity[g], amount[g], lines[g], mismatches[g]);
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Group> KEY_ORDER = Comparator
            .comparing((Group g) -> g.key().institution(), TEXT)
            .thenComparing(g -> g.key().product(), TEXT)
            .thenComparing(g -> g.key().generic(), TEXT)
            .thenComparing(g -> g.key().month(), Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(g -> g.key().channel(), Comparator.nullsFirst(Comparator.<LedgerChannel>naturalOrder()))
            .thenComparing(g -> g.key().category(), Comparator.nullsFirst(Comparator.<LedgerCategory>naturalOrder()));

    // ---------------------------------------------------------------------------------------------------

    /** The group's index; with {@code create}, a new zeroed group when absent, else -1. */
    private int find(String inst, String prod, String gen, int mon, byte chan, byte cat, boolean create) {
        int h = 0;
        if (inst != null) h = inst.hashCode();
        if (prod != null) h = h * 31 + prod.hashCode();
        if (gen != null) h = h * 31 + gen.hashCode();
        h = h * 31 + mon;
        h = h * 31 + (chan << 4 | cat);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == 0) {
                if (!create) return -1;
                return insert(s, h, inst, prod, gen, mon, chan, cat);
            }
            int g = e - 1;
            if (hash[g] == h && month[g] == mon && channel[g] == chan && category[g] == cat
                    && same(institution[g], inst) && same(product[g], prod) && same(generic[g], gen)) {
                return g;
            }
        }
    }

    private static boolean same(String a, String b) {
        return a == b || (a != null && a.equals(b));
    }

    private int insert(int slot, int h, String inst, String prod, String gen, int mon, byte chan, byte cat) {
        if (size == hash.length) allocate(size * 2);
        int g = size++;
        institution[g] = inst;
        product[g] = prod;
        generic[g] = gen;
        month[g] = mon;
        channel[g] = chan;
        category[g] = cat;
        hash[g] = h;
        slots[slot] = g + 1;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                int s = hash[i] & mask;
                while (slots[s] != 0) s = (s + 1) & mask;
                slots[s] = i + 1;
            }
        }
        return g;
    }

    private void allocate(int capacity) {
        institution = institution == null ? new String[capacity] : Arrays.copyOf(institution, capacity);
        product = product == null ? new String[capacity] : Arrays.copyOf(product, capacity);
        generic = generic == null ? new String[capacity] : Arrays.copyOf(generic, capacity);
        month = month == null ? new int[capacity] : Arrays.copyOf(month, capacity);
        channel = channel == null ? new byte[capacity] : Arrays.copyOf(channel, capacity);
        category = category == null ? new byte[capacity] : Arrays.copyOf(category, capacity);
        hash = hash == null ? new int[capacity] : Arrays.copyOf(hash, capacity);
        quantity = quantity == null ? new long[capacity] : Arrays.copyOf(quantity, capacity);
        amount = amount == null ? new long[capacity] : Arrays.copyOf(amount, capacity);
        lines = lines == null ? new long[capacity] : Arrays.copyOf(lines, capacity);
        mismatches = mismatches == null ? new long[capacity] : Arrays.copyOf(mismatches, capacity);
    }
}
