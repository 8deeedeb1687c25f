package dev.vbp.engine.dualchannel;

import dev.vbp.domain.Texts;
import dev.vbp.domain.dualchannel.AgreementPeriod;
import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.domain.dualchannel.DrugMatcher;
import dev.vbp.domain.dualchannel.Outlet;
import dev.vbp.domain.dualchannel.StockEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dual-channel picture on one day: which catalog drugs are on the list (dual_channel = y and the
 * agreement in force), the designated outlets and their counties, and which outlet stocks which listed drug.
 * Every catalog row left off the list and every stock row that does not count is kept with its reason.
 */
public final class DualChannelWorld {

    /** A catalog drug not on the list that day, and why. */
    public record Excluded(CatalogEntry entry, String reason) {}

    /** A stock row that adds nothing to coverage: {@code kind} is a gaps kind, {@code drug} null when unmatched. */
    public record StockIssue(String kind, StockEntry stock, Outlet outlet, CatalogEntry drug, String note) {}

    /** Whether a listed drug is stocked in a county by a designated pharmacy and/or hospital. */
    public record Presence(boolean pharmacy, boolean hospital) {}

    private final LocalDate asOf;
    private final List<CatalogEntry> listed = new ArrayList<>();
    private final List<Excluded> excluded = new ArrayList<>();
    private final Map<String, Outlet> outlets = new LinkedHashMap<>();
    private final List<String> counties;
    private final Map<CatalogEntry, Set<Outlet>> stockedBy = new IdentityHashMap<>();
    private final List<StockIssue> stockIssues = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public DualChannelWorld(List<CatalogEntry> catalog, List<Outlet> outletRows, List<StockEntry> stock,
                            List<String> institutionCounties, LocalDate asOf) {
        this.asOf = asOf;
        for (CatalogEntry e : catalog) {
            String why = e.exclusionOn(asOf);
            if (why == null) listed.add(e);
            else excluded.add(new Excluded(e, why));
            if (!e.problems().isEmpty()) warnings.add(e.where() + ": " + e.label() + ": " + String.join("; ", e.problems()));
        }
        for (Outlet o : outletRows) {
            Outlet before = outlets.putIfAbsent(o.code(), o);
            if (before != null) warnings.add("outlet " + o.code() + " is listed twice; the first row is used");
        }
        Set<String> cs = new LinkedHashSet<>();
        for (Outlet o : outlets.values()) cs.add(o.county());
        for (String c : institutionCounties) if (c != null && !Texts.normalise(c).isEmpty()) cs.add(Texts.normalise(c));
        counties = List.copyOf(cs);

        for (CatalogEntry e : listed) stockedBy.put(e, new LinkedHashSet<>());
        DrugMatcher matcher = new DrugMatcher(catalog);
        for (StockEntry s : stock) {
            Outlet o = outlets.get(s.outletCode());
            DrugMatcher.Match m = matcher.match(s.drug());
            if (!m.found()) {
                stockIssues.add(new StockIssue("off_list", s, o, null, m.reason()));
                continue;
            }
            CatalogEntry e = m.entry();
            if (o == null) {
                stockIssues.add(new StockIssue("unknown_outlet", s, null, e, "outlet " + s.outletCode() + " is not a designated outlet"));
                continue;
            }
            String why = e.exclusionOn(asOf);
            if (why != null) {
                String kind = !e.dualChannel() ? "off_list"
                        : e.period() == null ? "period_unknown"
                        : e.period().standingOn(asOf) == AgreementPeriod.Standing.LAPSED ? "lapsed" : "not_begun";
                stockIssues.add(new StockIssue(kind, s, o, e, why));
                continue;
            }
            if (s.since() != null && s.since().isAfter(asOf)) {
                stockIssues.add(new StockIssue("stocked_later", s, o, e, "stocked only from " + s.since()));
                continue;
            }
            stockedBy.get(e).add(o);
        }
    }

    public LocalDate asOf() { return asOf; }
    public List<CatalogEntry> listed() { return listed; }
    public List<Excluded> excluded() { return excluded; }
    public List<Outlet> outlets() { return List.copyOf(outlets.values()); }
    public Outlet outlet(String code) { return outlets.get(code); }
    public List<String> counties() { return counties; }
    public List<StockIssue> stockIssues() { return stockIssues; }
    /** Catalog rows with unreadable cells, duplicate outlets. */
    public List<String> warnings() { return warnings; }

    /** The designated outlets stocking a listed drug (empty for a drug not on the list). */
    public Set<Outlet> stockedBy(CatalogEntry drug) {
        return stockedBy.getOrDefault(drug, Set.of());
    }

    public boolean stocks(Outlet outlet, CatalogEntry drug) {
        return stockedBy(drug).contains(outlet);
    }

    public Presence presence(CatalogEntry drug, String county) {
        boolean ph = false, ho = false;
        for (Outlet o : stockedBy(drug)) {
            if (!o.county().equals(county)) continue;
            ph |= o.pharmacy();
            ho |= o.hospital();
        }
        return new Presence(ph, ho);
    }

    public long pharmaciesIn(String county) {
        return outlets.values().stream().filter(o -> o.pharmacy() && o.county().equals(county)).count();
    }

    public long hospitalsIn(String county) {
        return outlets.values().stream().filter(o -> o.hospital() && o.county().equals(county)).count();
    }

    /** One warning line per excluded catalog drug kind, for the coverage reports. */
    public void warnExclusions(dev.vbp.output.Report report) {
        if (!excluded.isEmpty()) {
            report.warning(excluded.size() + " catalog drug" + (excluded.size() == 1 ? " is" : "s are") + " not counted on " + asOf + ": "
                    + String.join("; ", excluded.stream().map(x -> x.entry().label() + " — " + x.reason()).toList()));
        }
        long issues = stockIssues.size();
        if (issues > 0) report.warning(issues + " stock row" + (issues == 1 ? "" : "s") + " add nothing to coverage (drug off the list, not in force, "
                + "outlet not designated or stocked later); 'vbp dual-channel gaps' lists them");
        warnings.forEach(report::warning);
    }
}
