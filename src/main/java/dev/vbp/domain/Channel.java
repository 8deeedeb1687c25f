package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a purchase was made: on the provincial procurement platform (online, 线上/网采) or outside it
 * (offline, 线下). The online-purchase rate (网采率) is online amount over both.
 */
public enum Channel {
    ONLINE, OFFLINE;

    // "是/否" and "1/0" appear in columns headed 是否线上 / 是否网采.
    private static final Spellings<Channel> SPELLINGS = new Spellings<Channel>()
            .add(ONLINE, "online", "线上", "网上", "网采", "平台", "平台内", "是", "y", "1")
            .add(OFFLINE, "offline", "线下", "网下", "非平台", "平台外", "否", "n", "0");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<Channel> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
