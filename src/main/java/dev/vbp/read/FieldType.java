package dev.vbp.read;

/**
 * How a column's text is checked and normalised on the way in. The parsers live in {@link FieldParsers};
 * every type keeps the canonical text form that the workspace stores, so a row read back from the workspace
 * parses to the same values.
 */
public enum FieldType {
    /** Free text: trimmed, full-width characters folded, inner runs of spaces collapsed. */
    TEXT,
    /** An identifier: trimmed and folded like text, never turned into a number (leading zeros stay). */
    CODE,
    /** A drug or consumable code checked against the rules of the national coding scheme (see {@code Codes}). */
    MEDICAL_CODE,
    /** Exact decimal, must be zero or more (prices, agreed quantities). */
    DECIMAL,
    /** Exact decimal, more than zero: prices something is divided by (unit price, price drop against a ceiling or baseline). */
    PRICE,
    /** Exact decimal that may be negative (ledger returns and corrections). */
    SIGNED_DECIMAL,
    /** Whole number, one or more (pack counts). */
    COUNT,
    /** A calendar date: 2024-01-31, 2024/1/31, 2024.1.31, 20240131, 2024年1月31日, or an Excel day number (1900 system). */
    DATE,
    /** A four-digit year. */
    YEAR,
    /** y/n, 是/否, 中选/未中选, true/false, 1/0. */
    FLAG,
    /** online/offline: 线上/线下, 网上/网下, 平台/非平台. */
    CHANNEL,
    /** drug/consumable: 药品/耗材. */
    CATEGORY,
    /** public/private: 公立/民营/非公立. */
    OWNERSHIP,
    /** hospital/pharmacy: 医院/医疗机构/药店/零售药店. */
    OUTLET_TYPE,
    /** listed/delisted: 挂网/撤网 (also 暂停挂网, 撤销挂网). */
    LISTING_STATUS,
    /** delivered/undelivered: 已配送/未配送, 已到货/未到货, 是/否. */
    DELIVERY_STATUS,
    /** A strength or spec such as 0.5mg, 20ml:0.2g; kept as written (normalised by {@code Strength}). */
    STRENGTH
}
