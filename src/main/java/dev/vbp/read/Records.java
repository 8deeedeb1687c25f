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
        String spec = (String) r.get(Baseline.SPEC);
        return new BaselinePrice((String) r.get(Baseline.PRODUCT_CODE), (String) r.get(Baseline.GENERIC_NAME),
                (String) r.get(Baseline.DOSAGE_FORM), spec, spec == null ? null : Strength.parse(spec),
                (String) r.get(Baseline.MANUFACTURER), (java.math.BigDecimal) r.get(Baseline.PACK_PRICE),
                (Integer) r.get(Baseline.PACK_COUNT), (java.math.BigDecimal) r.get(Baseline.QUANTITY),
                (String) r.get(Baseline.REGION), (java.time.LocalDate) r.get(Baseline.DATE), (Integer) r.get(Baseline.YEAR),
                r.where());
    }

    /** Positions of the baseline's fields, looked up once: a baseline may have millions of rows. */
    private static final class Baseline {
        static final int PRODUCT_CODE = Dataset.BASELINE.indexOf("product_code");
        static final int GENERIC_NAME = Dataset.BASELINE.indexOf("generic_name");
        static final int DOSAGE_FORM = Dataset.BASELINE.indexOf("dosage_form");
        static final int SPEC = Dataset.BASELINE.indexOf("spec");
        static final int MANUFACTURER = Dataset.BASELINE.indexOf("manufacturer");
        static final int PACK_PRICE = Dataset.BASELINE.indexOf("pack_price");
        static final int PACK_COUNT = Dataset.BASELINE.indexOf("pack_count");
        static final int QUANTITY = Dataset.BASELINE.indexOf("quantity");
        static final int REGION = Dataset.BASELINE.indexOf("region");
        static final int DATE = Dataset.BASELINE.indexOf("date");
        static final int YEAR = Dataset.BASELINE.indexOf("year");
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
