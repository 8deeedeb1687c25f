package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an ordered line was delivered (配送状态 of a platform's order export). A line marked delivered
 * counts its whole quantity as delivered, one marked undelivered none of it; partial deliveries need a
 * delivered quantity (配送数量) instead, so "部分配送" is not a spelling of either.
 */
public enum DeliveryStatus {
    DELIVERED, UNDELIVERED;

    // "是/否" and "1/0" appear in columns headed 是否配送 / 是否到货.
    private static final Spellings<DeliveryStatus> SPELLINGS = new Spellings<DeliveryStatus>()
            .add(DELIVERED, "delivered", "已配送", "已到货", "已送达", "配送完成", "已完成", "已入库", "到货", "是", "y", "yes", "1")
            .add(UNDELIVERED, "undelivered", "not delivered", "未配送", "未到货", "未送达", "待配送", "配送中", "缺货", "无货",
                    "否", "n", "no", "0");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<DeliveryStatus> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
