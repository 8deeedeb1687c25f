package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/** A dual-channel (双通道) designated outlet is either a hospital or a retail pharmacy. */
public enum OutletType {
    HOSPITAL, PHARMACY;

    private static final Spellings<OutletType> SPELLINGS = new Spellings<OutletType>()
            .add(HOSPITAL, "hospital", "医院", "医疗机构", "定点医院", "定点医疗机构")
            .add(PHARMACY, "pharmacy", "药店", "零售药店", "定点药店", "定点零售药店");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<OutletType> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
