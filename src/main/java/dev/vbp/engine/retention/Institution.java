package dev.vbp.engine.retention;

import dev.vbp.read.Row;

/** A medical institution, for its name and county. */
public record Institution(String code, String name, String county, String where) {
    public static Institution fromRow(Row r) {
        return new Institution(r.text("institution_code"), r.text("name"), r.text("county"), r.where());
    }
}
