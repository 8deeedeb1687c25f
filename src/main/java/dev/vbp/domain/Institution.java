package dev.vbp.domain;

import dev.vbp.read.Row;

/**
 * A medical institution (医疗机构). Ownership decides whether the online-purchase rate target applies
 * (public institutions); a file without the column leaves it null ("unknown"), never guessed.
 */
public record Institution(String code, String name, String county, String level, Ownership ownership, String where) {
    public static Institution fromRow(Row r) {
        return new Institution(r.text("institution_code"), r.text("name"), r.text("county"), r.text("level"),
                r.as("ownership", Ownership.class), r.where());
    }
}
