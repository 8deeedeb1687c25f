package dev.vbp.domain.dualchannel;

import dev.vbp.domain.OutletType;
/** A designated dual-channel outlet (双通道定点机构): a hospital or a retail pharmacy in a county. */
public record Outlet(String code, String name, OutletType type, String county) {

    public boolean pharmacy() { return type == OutletType.PHARMACY; }

    public boolean hospital() { return type == OutletType.HOSPITAL; }
}
