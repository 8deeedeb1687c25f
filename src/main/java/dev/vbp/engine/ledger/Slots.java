package dev.vbp.engine.ledger;

import dev.vbp.read.Dataset;

/** Fixed positions of the ledger's fields, in {@code Dataset.LEDGER} order, for array-indexed hot loops. */
final class Slots {
    private Slots() {}

    static final int DATE = Dataset.LEDGER.indexOf("date");
    static final int INSTITUTION = Dataset.LEDGER.indexOf("institution_code");
    static final int PRODUCT = Dataset.LEDGER.indexOf("product_code");
    static final int GENERIC = Dataset.LEDGER.indexOf("generic_name");
    static final int QUANTITY = Dataset.LEDGER.indexOf("quantity");
    static final int UNIT_PRICE = Dataset.LEDGER.indexOf("unit_price");
    static final int AMOUNT = Dataset.LEDGER.indexOf("amount");
    static final int CHANNEL = Dataset.LEDGER.indexOf("channel");
    static final int CATEGORY = Dataset.LEDGER.indexOf("category");
    static final int DELIVERED = Dataset.LEDGER.indexOf("delivered_qty");
    static final int DELIVERY_STATUS = Dataset.LEDGER.indexOf("delivery_status");
    static final int COUNT = Dataset.LEDGER.fields().size();

    static String name(int slot) {
        return Dataset.LEDGER.fields().get(slot).name();
    }
}
