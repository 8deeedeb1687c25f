package dev.vbp.engine.pricing;

import dev.vbp.domain.Bid;
import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Period;
import dev.vbp.domain.pricing.BaseStat;
import dev.vbp.output.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * Which baseline a bid is compared with: its own ceiling price (最高有效申报价), or pre-VBP price observations
 * reduced by {@link BaseStat} over a period and region. Shared by price drops and savings.
 */
public record BaselineSettings(Against against, Period period, String region, BaseStat stat) {

    public enum Against { CEILING, BASELINE }

    /** Pairs each bid with its baseline; bids without one keep the reason. */
    public List<ProductDrop> resolve(List<Bid> bids, List<BaselinePrice> baselinePrices) {
        BaselineIndex index = newIndex();
        if (index != null) baselinePrices.forEach(index::add);
        return resolve(bids, index);
    }

    /** An empty index of pre-VBP prices under these settings, to {@link BaselineIndex#add} prices to; null for the ceiling. */
    public BaselineIndex newIndex() {
        return against == Against.BASELINE ? new BaselineIndex(period, region, stat) : null;
    }

    /** Pairs each bid with its baseline from {@code index} ({@link #newIndex}); bids without one keep the reason. */
    public List<ProductDrop> resolve(List<Bid> bids, BaselineIndex index) {
        List<ProductDrop> out = new ArrayList<>(bids.size());
        for (Bid bid : bids) {
            if (index == null) {
                out.add(bid.ceilingUnitPrice() == null
                        ? new ProductDrop(bid, null, 0, "no ceiling price in the bids file")
                        : new ProductDrop(bid, bid.ceilingUnitPrice(), 1, null));
            } else {
                BaselineIndex.Lookup l = index.find(bid);
                out.add(new ProductDrop(bid, l.unitPrice(), l.observations(), l.reason()));
            }
        }
        return out;
    }

    /** Names the baseline rules in a report's assumptions. */
    public void describe(Report report) {
        if (against == Against.CEILING) {
            report.assumption("baseline", "ceiling_price");
        } else {
            report.assumption("baseline", "pre_vbp_price");
            report.assumption("base_stat", stat.name().toLowerCase());
            report.assumption("base_period", period == null ? "all" : period.toString());
            report.assumption("base_region", region == null ? "all" : region);
            report.assumption("baseline_match", "product code when both files carry one, else generic name and normalised strength, dosage form when both files give one");
            report.assumption("baseline_observations", "every baseline row counts once, identical rows included (a price seen twice weighs twice)");
        }
        report.assumption("unit", "price per minimum dosage unit = pack price / pack count");
    }
}
