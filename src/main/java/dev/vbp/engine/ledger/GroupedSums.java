package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import dev.vbp.domain.Channel;

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
 * addressing table over one record per group (a long[] stride and a String[] stride), and {@link #add}
 * allocates nothing once a group exists.
 * Sums are exact longs scaled by 10^4; an overflow throws rather than wraps.
 */
public final class GroupedSums implements LedgerAggregate<GroupedSums>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public enum Dimension { INSTITUTION, PRODUCT, GENERIC, MONTH, CHANNEL, CATEGORY }

    /** Default tolerance for amount vs quantity × unit price: 0.01 yuan, as a scaled long. */
    public static final long DEFAULT_TOLERANCE = 100;

    /** A group's key; dimensions not grouped by are null. {@code month} is yyyymm. */
    public record Key(String institution, String product, String generic, Integer month, Channel channel,
                      Category category) {}

    /**
     * One group's figures. {@code quantity} and {@code amount} are scaled by 10^4; {@code mismatches} counts
     * lines whose amount is off quantity × unit price by more than the tolerance.
     */
    public record Group(Key key, long quantity, long amount, long lines, long mismatches) {
        public BigDecimal quantityDecimal() { return BigDecimal.valueOf(quantity, LedgerLine.SCALE); }

        public BigDecimal amountDecimal() { return BigDecimal.valueOf(amount, LedgerLine.SCALE); }
    }

    private static final Channel[] CHANNELS = Channel.values();
    private static final Category[] CATEGORIES = Category.values();

    private final Set<Dimension> dimensions;
    private final boolean byInstitution, byProduct, byGeneric, byMonth, byChannel, byCategory;
    private final long tolerance;

    // Groups in insertion order, one record each so that a lookup touches few cache lines:
    // data[5g] = hash << 32 | month << 8 | channel << 4 | category (ordinal + 1, 0 = none), then quantity,
    // amount, lines, mismatches; refs[3g] = institution, product, generic.
    private static final int STRIDE = 5;
    private long[] data;
    private String[] refs;
    private int size;
    private long[] slots; // hash << 32 | (group index + 1), 0 = free: a probe past another group reads no record

    // Grouped by institution and at most channel and category (the online rate): a line's group found from its
    // institution's number (LedgerLine.institutionId) with one array read instead of a hash lookup.
    // groupOfId[(id * channelCard + channel) * categoryCard + category] = group index + 1, valid for the
    // numbers of idSpace only; rebuilt when lines come from another worker (or after serialization).
    private final boolean byIdOnly;
    private final int channelCard, categoryCard;
    private transient Object idSpace;
    private transient int[] groupOfId;

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
        this.byIdOnly = byInstitution && !byProduct && !byGeneric && !byMonth;
        this.channelCard = byChannel ? CHANNELS.length + 1 : 1;
        this.categoryCard = byCategory ? CATEGORIES.length + 1 : 1;
        data = new long[16 * STRIDE];
        refs = new String[16 * 3];
        slots = new long[32];
    }

    /** A supplier for {@link LedgerScan#run}: {@code scan.run(GroupedSums.by(INSTITUTION, CHANNEL))}. */
    public static Supplier<GroupedSums> by(Dimension... dimensions) {
        Set<Dimension> dims = dimensions.length == 0 ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(Arrays.asList(dimensions));
        return new Recipe(dims);
    }

    /** Equal dimensions, equal aggregates: results may be reused (see {@link AggregateRecipe}). */
    private record Recipe(Set<Dimension> dims) implements AggregateRecipe<GroupedSums> {
        @Override
        public GroupedSums get() {
            return new GroupedSums(dims);
        }
    }

    public Set<Dimension> dimensions() { return dimensions; }

    /** Yuan × 10^4. */
    public long tolerance() { return tolerance; }

    @Override
    public void add(LedgerLine line) {
        int i;
        if (byIdOnly && line.institutionId >= 0 && line.institutionIds != null) {
            i = groupById(line) * STRIDE;
        } else {
            String inst = byInstitution ? line.institution : null;
            String prod = byProduct ? line.product : null;
            String gen = byGeneric ? line.generic() : null;
            int mon = byMonth ? line.date / 100 : 0;
            int chan = byChannel ? line.channel.ordinal() + 1 : 0;
            int cat = byCategory && line.category != null ? line.category.ordinal() + 1 : 0;
            i = find(inst, inst == null ? 0 : line.institutionHash(), prod, prod == null ? 0 : line.productHash(), gen,
                    mon, chan, cat, true) * STRIDE;
        }
        long[] d = data;
        d[i + 1] = Math.addExact(d[i + 1], line.quantity);
        d[i + 2] = Math.addExact(d[i + 2], line.amount);
        d[i + 3]++;
        if (line.hasUnitPrice && line.amountDisagreesWithPrice(tolerance)) d[i + 4]++;
    }

    /**
     * Adds {@code other}'s groups to this one's (or this one's to {@code other}'s, whichever holds more
     * groups, so the big table is not copied) and returns the combined sums.
     */
    @Override
    public GroupedSums merge(GroupedSums other) {
        if (!dimensions.equals(other.dimensions) || tolerance != other.tolerance) {
            throw new IllegalArgumentException("cannot merge sums grouped by " + dimensions + " with sums grouped by "
                    + other.dimensions);
        }
        GroupedSums into = other.size > size ? other : this;
        GroupedSums from = into == this ? other : this;
        for (int o = 0; o < from.size; o++) {
            long meta = from.data[o * STRIDE];
            String inst = from.refs[o * 3], prod = from.refs[o * 3 + 1];
            int i = into.find(inst, hash(inst), prod, hash(prod), from.refs[o * 3 + 2], (int) (meta >>> 8) & 0xFFFFF,
                    (int) (meta >>> 4) & 0xF, (int) meta & 0xF, true) * STRIDE;
            int j = o * STRIDE;
            into.data[i + 1] = Math.addExact(into.data[i + 1], from.data[j + 1]);
            into.data[i + 2] = Math.addExact(into.data[i + 2], from.data[j + 2]);
            into.data[i + 3] += from.data[j + 3];
            into.data[i + 4] += from.data[j + 4];
        }
        return into;
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
        String inst = byInstitution ? key.institution() : null;
        String prod = byProduct ? key.product() : null;
        int g = find(inst, hash(inst), prod, hash(prod), byGeneric ? key.generic() : null, byMonth && key.month() != null ? key.month() : 0,
                byChannel && key.channel() != null ? key.channel().ordinal() + 1 : 0,
                byCategory && key.category() != null ? key.category().ordinal() + 1 : 0, false);
        return g < 0 ? null : group(g);
    }

    /** All groups added up. */
    public Group total() {
        long q = 0, a = 0, l = 0, m = 0;
        for (int g = 0; g < size; g++) {
            int i = g * STRIDE;
            q = Math.addExact(q, data[i + 1]);
            a = Math.addExact(a, data[i + 2]);
            l += data[i + 3];
            m += data[i + 4];
        }
        return new Group(new Key(null, null, null, null, null, null), q, a, l, m);
    }

    private Group group(int g) {
        long meta = data[g * STRIDE];
        int mon = (int) (meta >>> 8) & 0xFFFFF;
        int chan = (int) (meta >>> 4) & 0xF;
        int cat = (int) meta & 0xF;
        Key key = new Key(refs[g * 3], refs[g * 3 + 1], refs[g * 3 + 2], byMonth ? mon : null,
                chan == 0 ? null : CHANNELS[chan - 1], cat == 0 ? null : CATEGORIES[cat - 1]);
        int i = g * STRIDE;
        return new Group(key, data[i + 1], data[i + 2], data[i + 3], data[i + 4]);
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Group> KEY_ORDER = Comparator
            .comparing((Group g) -> g.key().institution(), TEXT)
            .thenComparing(g -> g.key().product(), TEXT)
            .thenComparing(g -> g.key().generic(), TEXT)
            .thenComparing(g -> g.key().month(), Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(g -> g.key().channel(), Comparator.nullsFirst(Comparator.<Channel>naturalOrder()))
            .thenComparing(g -> g.key().category(), Comparator.nullsFirst(Comparator.<Category>naturalOrder()));

    // ---------------------------------------------------------------------------------------------------

    /** The group of a line of an aggregate grouped by institution (and channel, category) only. */
    private int groupById(LedgerLine line) {
        if (line.institutionIds != idSpace) {
            idSpace = line.institutionIds;
            groupOfId = new int[256];
        }
        int chan = byChannel ? line.channel.ordinal() + 1 : 0;
        int cat = byCategory && line.category != null ? line.category.ordinal() + 1 : 0;
        int key = (line.institutionId * channelCard + chan) * categoryCard + cat;
        int[] m = groupOfId;
        if (key < m.length) {
            int g = m[key] - 1;
            if (g >= 0) return g;
        }
        int g = find(line.institution, line.institutionHash(), null, 0, null, 0, chan, cat, true);
        if (key >= m.length) groupOfId = m = Arrays.copyOf(m, Math.max(m.length * 2, key + 1));
        m[key] = g + 1;
        return g;
    }

    private static int hash(String s) {
        return s == null ? 0 : s.hashCode();
    }

    /**
     * The group's index; with {@code create}, a new zeroed group when absent, else -1. {@code instHash} and
     * {@code prodHash} are the Strings' hashCode() (0 for null), given so that a line's lookup need not read them.
     */
    private int find(String inst, int instHash, String prod, int prodHash, String gen, int mon, int chan, int cat, boolean create) {
        int h = 0;
        if (inst != null) h = instHash;
        if (prod != null) h = h * 31 + prodHash;
        if (gen != null) h = h * 31 + gen.hashCode();
        h = h * 31 + mon;
        h = h * 31 + (chan << 4 | cat);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        long meta = (long) h << 32 | (long) mon << 8 | chan << 4 | cat;
        long[] sl = slots;
        int mask = sl.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long e = sl[s];
            if (e == 0) {
                if (!create) return -1;
                return insert(s, meta, inst, prod, gen);
            }
            if ((int) (e >>> 32) != h) continue;
            int g = (int) e - 1;
            if (data[g * STRIDE] == meta) {
                int r = g * 3;
                if (same(refs[r], inst) && same(refs[r + 1], prod) && same(refs[r + 2], gen)) return g;
            }
        }
    }

    private static boolean same(String a, String b) {
        return a == b || (a != null && a.equals(b));
    }

    private int insert(int slot, long meta, String inst, String prod, String gen) {
        if (size * STRIDE == data.length) {
            int capacity = size + (size >> 1); // grow by half: big tables are the memory that matters
            data = Arrays.copyOf(data, capacity * STRIDE);
            refs = Arrays.copyOf(refs, capacity * 3);
        }
        int g = size++;
        data[g * STRIDE] = meta;
        refs[g * 3] = inst;
        refs[g * 3 + 1] = prod;
        refs[g * 3 + 2] = gen;
        slots[slot] = (meta >>> 32) << 32 | (g + 1);
        if (size * 3 > slots.length * 2) { // load factor 2/3
            slots = new long[slots.length * 2];
            int mask = slots.length - 1;
            for (int i = 0; i < size; i++) {
                long hash = data[i * STRIDE] >>> 32;
                int s = (int) hash & mask;
                while (slots[s] != 0) s = (s + 1) & mask;
                slots[s] = hash << 32 | (i + 1);
            }
        }
        return g;
    }
}
