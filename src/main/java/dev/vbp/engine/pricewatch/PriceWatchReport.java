package dev.vbp.engine.pricewatch;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Exact;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The price-watch report: one row per flag, with the rows behind it, and counts of what was checked and did not flag. */
public final class PriceWatchReport {
    private PriceWatchReport() {}

    public static final String COMMAND = "price-watch";

    /** @param name how a row reference ({@code file:line}) is shown to the user */
    public static Report of(ListingChecks listings, PurchasePrices purchases, List<Bid> bids,
                            java.util.function.UnaryOperator<String> name) {
        Report r = new Report(COMMAND, List.of(
                new Column("flag", "Flag", "标记", ValueKind.TEXT),
                new Column("generic", "Generic", "通用名", ValueKind.TEXT),
                new Column("spec", "Spec", "规格", ValueKind.TEXT),
                new Column("product_code", "Product", "产品编码", ValueKind.CODE),
                new Column("manufacturer", "Manufacturer", "生产企业", ValueKind.TEXT),
                new Column("region", "Region", "地区", ValueKind.TEXT),
                new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                new Column("from", "From", "起", ValueKind.TEXT),
                new Column("to", "To", "止", ValueKind.TEXT),
                new Column("price", "Price", "价格", ValueKind.UNIT_PRICE),
                new Column("reference", "Reference", "参照价格", ValueKind.UNIT_PRICE),
                new Column("ratio", "Price / reference", "价格 / 参照", ValueKind.DECIMAL),
                new Column("limit", "Limit", "限度", ValueKind.DECIMAL),
                new Column("lines", "Lines", "明细行数", ValueKind.INTEGER),
                new Column("packs", "Packs", "数量(包装)", ValueKind.DECIMAL),
                new Column("paid_above", "Paid above", "超出金额", ValueKind.MONEY),
                new Column("rows", "Rows", "所在行", ValueKind.TEXT)));
        List<PriceFlag> flags = new ArrayList<>(listings.flags());
        if (purchases != null) flags.addAll(purchaseFlags(purchases, bids, listings));
        flags.sort(Comparator.comparing(PriceFlag::kind)
                .thenComparing(f -> Objects.toString(f.generic(), ""))
                .thenComparing(f -> Objects.toString(f.spec(), ""))
                .thenComparing(f -> Objects.toString(f.productCode(), ""))
                .thenComparing(f -> Objects.toString(f.region(), ""))
                .thenComparing(f -> Objects.toString(f.institution(), ""))
                .thenComparing(PriceFlag::from));
        Map<PriceFlag.Kind, Integer> byKind = new HashMap<>();
        BigDecimal paidAbove = BigDecimal.ZERO;
        for (PriceFlag f : flags) {
            byKind.merge(f.kind(), 1, Integer::sum);
            if (f.paidAbove() != null) paidAbove = paidAbove.add(f.paidAbove());
            r.row(f.kind().code(), f.generic(), f.spec(), f.productCode(), f.manufacturer(), f.region(), f.institution(),
                    f.from(), f.to(), Exact.unitPrice(f.price()), Exact.unitPrice(f.reference()), Exact.ratio(f.ratio()),
                    f.limit(), f.lines(), f.packs() == null ? null : plain(f.packs()),
                    f.paidAbove() == null ? null : Exact.money(f.paidAbove()), String.join("; ", f.rows().stream().map(name).toList()));
        }
        ListingChecks.Counts c = listings.counts();
        r.summary("listings", "Listed prices read", "挂网价格行数", ValueKind.INTEGER, c.listings());
        r.summary("delistings", "Delistings read", "撤网行数", ValueKind.INTEGER, c.delistings());
        r.summary("comparisons", "Period-to-period comparisons", "相邻期间比较次数", ValueKind.INTEGER, c.comparisons());
        r.summary("rises", "Rises beyond the threshold", "涨幅超限", ValueKind.INTEGER, byKind.getOrDefault(PriceFlag.Kind.RISE, 0));
        r.summary("checked_against_selected", "Listed prices held against a selected price", "与中选价格比较的挂网价格", ValueKind.INTEGER,
                c.checkedAgainstSelected());
        r.summary("above_selected", "Listed above k × the selected price", "高于中选价格 k 倍", ValueKind.INTEGER,
                byKind.getOrDefault(PriceFlag.Kind.ABOVE_SELECTED, 0));
        if (purchases != null) {
            r.summary("lines_checked_against_bid", "Purchase lines of selected products checked", "核对中选价格的采购明细行数",
                    ValueKind.INTEGER, purchases.linesCheckedAgainstBid());
            r.summary("above_bid", "Institution × product bought above the bid price", "高于中选价格采购（机构 × 产品）",
                    ValueKind.INTEGER, byKind.getOrDefault(PriceFlag.Kind.ABOVE_BID, 0));
            r.summary("lines_checked_against_listing", "Purchase lines checked against a listed price", "核对挂网价格的采购明细行数",
                    ValueKind.INTEGER, purchases.linesCheckedAgainstListing());
            r.summary("above_listed", "Institution × product bought above the listed price", "高于挂网价格采购（机构 × 产品）",
                    ValueKind.INTEGER, byKind.getOrDefault(PriceFlag.Kind.ABOVE_LISTED, 0));
            r.summary("paid_above", "Paid above bid or listed prices", "超出中选或挂网价格的金额", ValueKind.MONEY, Exact.money(paidAbove));
            if (purchases.linesDelisted() > 0) r.warning(purchases.linesDelisted() + " purchase lines were bought on a day their product was delisted (撤网) in every region listed");
            if (purchases.linesBeforeListing() > 0) r.warning(purchases.linesBeforeListing() + " purchase lines are dated before their product's first listing; not checked against a listed price");
            if (purchases.returns() > 0) r.warning(purchases.returns() + " purchase lines are returns (quantity 0 or less); not checked");
            if (purchases.unpriced() > 0) r.warning(purchases.unpriced() + " purchase lines have neither a unit price nor an amount; not checked");
        }
        if (c.withoutSelected() > 0) r.warning(c.withoutSelected() + " listed prices have no selected bid of their generic and strength in force on their day; not held against a selected price");
        return r;
    }

    private static List<PriceFlag> purchaseFlags(PurchasePrices purchases, List<Bid> bids, ListingChecks listed) {
        Map<String, String[]> names = new HashMap<>(listed.names());
        for (Bid b : bids) {
            if (b.productCode() != null) names.put(b.productCode(), new String[]{b.genericName(), b.spec(), b.manufacturer()});
        }
        List<PriceFlag> out = new ArrayList<>();
        purchases.sums().forEach((k, s) -> {
            String[] n = names.getOrDefault(k.product(), new String[3]);
            out.add(new PriceFlag(k.kind(), n[0], n[1], k.product(), n[2], null, k.institution(), day(s.first()), day(s.last()),
                    s.highest(), s.reference(), null, s.lines(), s.packs(), s.paidAbove(), s.rows().stream().map(Object::toString).toList()));
        });
        return out;
    }

    private static String day(int yyyymmdd) {
        return String.format("%04d-%02d-%02d", yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal r = v.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
