package dev.vbp.domain.dualchannel;

import dev.vbp.domain.OutletType;
import dev.vbp.domain.Texts;
import dev.vbp.read.Row;

/** A designated dual-channel outlet (双通道定点机构): a hospital or a retail pharmacy in a county. */
public record Outlet(String code, String name, OutletType type, String county) {

    public static Outlet fromRow(Row r) {
        return new Outlet(r.text("outlet_code"), r.text("name"), r.as("type", OutletType.class), Texts.normalise(r.text("county")));
    }

    public boolean pharmacy() { return type == OutletType.PHARMACY; }

    public boolean hospital() { return type == OutletType.HOSPITAL; }
}
