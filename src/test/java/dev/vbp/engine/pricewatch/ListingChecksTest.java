package dev.vbp.engine.pricewatch;

import dev.vbp.domain.Bid;
import dev.vbp.domain.ListingStatus;
import dev.vbp.domain.Strength;
import dev.vbp.domain.instruments.PriceWatchRules;
import dev.vbp.domain.pricewatch.Listing;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows behind a rise are the same whether the first pass noted every row's place or a second pass gathers
 * them: listed in day order (file order among equal days), period before period.
 */
class ListingChecksTest {
    private static final PriceWatchRules RULES = new PriceWatchRules(new BigDecimal("0.1"), PriceWatchRules.Period.MONTH,
            new BigDecimal("1.5"), PriceWatchRules.Reference.HIGHEST, BigDecimal.ZERO);

    @Test
    void notedPlacesAndASecondPassGiveTheSameFlags() {
        Random random = new Random(7);
        List<Listing> listings = new ArrayList<>();
        String[] files = {"a.csv", "dir:with:colons/b.csv"};
        for (int i = 0; i < 3_000; i++) {
            String product = "P" + random.nextInt(6);
            LocalDate day = LocalDate.of(2018, 1 + random.nextInt(4), 1 + random.nextInt(28));
            BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(100) * (day.getMonthValue() % 2 == 0 ? 2 : 1));
            ListingStatus status = random.nextInt(20) == 0 ? ListingStatus.DELISTED : ListingStatus.LISTED;
            listings.add(new Listing(product, "药" + product, null, "10mg", Strength.parse("10mg"), null, price, 10, day,
                    random.nextBoolean() ? "四川" : "上海", status, files[i % 2] + ":" + (2 + i)));
        }
        List<Bid> bids = List.of(new Bid("B", "P1", "药P1", null, "10mg", Strength.parse("10mg"), 10, null, new BigDecimal("20"),
                true, null, null, LocalDate.of(2018, 2, 1), LocalDate.of(2018, 3, 31), null, null, null, "bids.csv:2"));

        ListingChecks noted = new ListingChecks(bids, RULES);
        listings.forEach(noted::add);
        assertFalse(noted.rowsWanted(), "every place noted: no second pass");
        noted.finish();

        ListingChecks twoPasses = new ListingChecks(bids, RULES, 100);
        listings.forEach(twoPasses::add);
        assertTrue(twoPasses.rowsWanted());
        listings.forEach(twoPasses::collect);
        twoPasses.finish();

        assertTrue(noted.flags().stream().anyMatch(f -> f.kind() == PriceFlag.Kind.RISE));
        assertTrue(noted.flags().stream().anyMatch(f -> f.kind() == PriceFlag.Kind.ABOVE_SELECTED));
        assertEquals(twoPasses.flags(), noted.flags());
        assertEquals(twoPasses.counts(), noted.counts());
        PriceFlag rise = noted.flags().get(0);
        // the rows of both periods, each period in day order
        List<LocalDate> days = rise.rows().stream().map(w -> listings.stream().filter(l -> l.where().equals(w)).findFirst()
                .orElseThrow().date()).toList();
        int split = (int) days.stream().filter(d -> RULES.period().of(d).equals(rise.from())).count();
        assertEquals(days.subList(0, split).stream().sorted().toList(), days.subList(0, split));
        assertEquals(days.subList(split, days.size()).stream().sorted().toList(), days.subList(split, days.size()));
    }
}
