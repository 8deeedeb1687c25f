package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/** Whether a product is on the platform's list (挂网) from a listing row's day on, or taken off it (撤网). */
public enum ListingStatus {
    LISTED, DELISTED;

    private static final Spellings<ListingStatus> SPELLINGS = new Spellings<ListingStatus>()
            .add(LISTED, "listed", "挂网", "在挂", "挂网中", "正常挂网", "恢复挂网", "新增挂网", "正常", "有效")
            .add(DELISTED, "delisted", "撤网", "撤销挂网", "取消挂网", "暂停挂网", "停止挂网", "已撤网", "无效");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<ListingStatus> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
