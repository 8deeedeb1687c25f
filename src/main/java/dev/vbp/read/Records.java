package dev.vbp.read;

import dev.vbp.domain.Allocation;
import dev.vbp.domain.BaselinePrice;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Institution;
import dev.vbp.domain.ListingStatus;
import dev.vbp.domain.pricewatch.Listing;
import dev.vbp.domain.OutletType;
import dev.vbp.domain.Ownership;
import dev.vbp.domain.Score;
import dev.vbp.domain.Strength;
import dev.vbp.domain.Texts;
import dev.vbp.domain.dualchannel.CatalogEntry;
import dev.vbp.domain.dualchannel.DrugRef;
import dev.vbp.domain.dualchannel.Outlet;
import dev.vbp.domain.dualchannel.Prescription;
import dev.vbp.domain.dualchannel.StockEntry;

/**
 * Typed rows → domain records, one method per dataset. This is the reading layer's last step: the domain
 * knows nothing of rows, files or columns. A new dataset gets its method here (README, "Where things go").
 */
public final class Records {
    private Records() {}

    public static Bid bid(Row r) {
        Boolean selected = r.flag("selected");
        Category category = r.as("category", Category.class);
        return new Bid(r.text("batch_id"), r.text("product_code"), r.text("generic_name"), r.text("dosage_form"),
                r.text("spec"), Strength.parse(r.text("spec")), r.integer("pack_count"), r.text("manufacturer"),
                r.decimal("bid_price"), selected == null || selected, r.decimal("agreed_qty"), r.text("region"),
                r.date("cycle_start"), r.date("cycle_end"), category == null ? Category.DRUG : category,
                r.decimal("ceiling_price"), r.integer("year"), r.where());
    }

    public static BaselinePrice baseline(Row r) {
        String spec = r.text("spec");
        return new BaselinePrice(r.text("product_code"), r.text("generic_name"), r.text("dosage_form"), spec,
                spec == null ? null : Strength.parse(spec), r.text("manufacturer"), r.decimal("pack_price"),
                r.integer("pack_count"), r.decimal("quantity"), r.text("region"), r.date("date"), r.integer("year"),
                r.where());
    }

    public static Institution institution(Row r) {
        return new Institution(r.text("institution_code"), r.text("name"), r.text("county"), r.text("level"),
                r.as("ownership", Ownership.class), r.where());
    }

    public static Allocation allocation(Row r) {
        return new Allocation(r.text("batch_id"), r.text("institution_code"), r.text("product_code"), r.decimal("agreed_qty"),
                r.date("cycle_start"), r.date("cycle_end"), r.where());
    }

    public static Score score(Row r) {
        return new Score(r.text("institution_code"), r.decimal("score"), r.text("period"), r.where());
    }

    public static CatalogEntry catalogEntry(Row r) {
        return CatalogEntry.of(r.text("drug_code"), r.text("generic_name"), r.text("dosage_form"), r.text("drug_class"),
                r.text("spec"), r.text("payment_standard"), r.text("agreement_period"),
                Boolean.TRUE.equals(r.flag("dual_channel")), r.text("remarks"), r.where());
    }

    public static Outlet outlet(Row r) {
        return new Outlet(r.text("outlet_code"), r.text("name"), r.as("type", OutletType.class), Texts.normalise(r.text("county")));
    }

    public static StockEntry stockEntry(Row r) {
        return new StockEntry(r.text("outlet_code"), new DrugRef(r.text("drug_code"), r.text("generic_name"), r.text("dosage_form")),
                r.date("since"), r.where());
    }

    public static Listing listing(Row r) {
        String spec = r.text("spec");
        ListingStatus status = r.as("status", ListingStatus.class);
        return new Listing(r.text("product_code"), r.text("generic_name"), r.text("dosage_form"), spec,
                spec == null ? null : Strength.parse(spec), r.text("manufacturer"), r.decimal("listed_price"),
                r.integer("pack_count"), r.date("date"), r.text("region"), status == null ? ListingStatus.LISTED : status, r.where());
    }

    public static Prescription prescription(Row r) {
        return new Prescription(r.date("date"), r.text("prescription_id"), r.text("hospital_code"), r.text("pharmacy_code"),
                new DrugRef(r.text("drug_code"), r.text("generic_name"), null), r.decimal("amount"), r.decimal("fund_paid"), r.where());
    }
}
