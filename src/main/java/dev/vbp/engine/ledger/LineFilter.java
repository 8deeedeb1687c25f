package dev.vbp.engine.ledger;

import dev.vbp.domain.Category;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which parsed lines reach the aggregate: a date range (inclusive), a set of product codes, a set of
 * institutions, categories to leave out. Immutable; each {@code with} method returns a new filter. Lines without a category are never
 * excluded by category.
 */
public final class LineFilter implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final LineFilter ALL = new LineFilter(0, Integer.MAX_VALUE, null, null, EnumSet.noneOf(Category.class));

    private final int fromDate;
    private final int toDate;
    private final Set<String> products;
    private final Set<String> institutions;
    private final EnumSet<Category> excluded;

    private LineFilter(int fromDate, int toDate, Set<String> products, Set<String> institutions, EnumSet<Category> excluded) {
        this.fromDate = fromDate;
        this.toDate = toDate;
        this.products = products;
        this.institutions = institutions;
        this.excluded = excluded;
    }

    /** Lets every line through. */
    public static LineFilter all() {
        return ALL;
    }

    /** Only lines dated on or after {@code date}. */
    public LineFilter from(LocalDate date) {
        return new LineFilter(yyyymmdd(date), toDate, products, institutions, excluded);
    }

    /** Only lines dated on or before {@code date}. */
    public LineFilter to(LocalDate date) {
        return new LineFilter(fromDate, yyyymmdd(date), products, institutions, excluded);
    }

    /** Only lines of these product codes. */
    public LineFilter products(Collection<String> codes) {
        return new LineFilter(fromDate, toDate, Set.copyOf(codes), institutions, excluded);
    }

    /** Only lines of these institution codes. */
    public LineFilter institutions(Collection<String> codes) {
        return new LineFilter(fromDate, toDate, products, Set.copyOf(codes), excluded);
    }

    /** Leaves out lines of these categories. */
    public LineFilter excluding(Category... categories) {
        EnumSet<Category> e = EnumSet.copyOf(excluded);
        for (Category c : categories) e.add(c);
        return new LineFilter(fromDate, toDate, products, institutions, e);
    }

    /** Whether every line passes (also for a copy of {@link #all()} sent to another machine). */
    public boolean passesAll() {
        return fromDate == 0 && toDate == Integer.MAX_VALUE && products == null && institutions == null && excluded.isEmpty();
    }

    public boolean test(LedgerLine line) {
        int d = line.date;
        if (d < fromDate || d > toDate) return false;
        if (products != null && !products.contains(line.product)) return false;
        if (institutions != null && !institutions.contains(line.institution)) return false;
        return line.category == null || !excluded.contains(line.category);
    }

    private static int yyyymmdd(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineFilter f && f.fromDate == fromDate && f.toDate == toDate
                && java.util.Objects.equals(f.products, products) && java.util.Objects.equals(f.institutions, institutions)
                && f.excluded.equals(excluded);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(fromDate, toDate, products, institutions, excluded);
    }

    @Override
    public String toString() {
        return "LineFilter[from=" + fromDate + ", to=" + toDate + ", products=" + (products == null ? "all" : products.size())
                + ", institutions=" + (institutions == null ? "all" : institutions.size()) + ", excluded=" + excluded + "]";
    }
}
