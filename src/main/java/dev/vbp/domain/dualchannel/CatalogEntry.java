package dev.vbp.domain.dualchannel;

import dev.vbp.errors.BadInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One negotiated drug of the catalog (谈判药品目录). The printed columns (payment standard, agreement
 * period, class) are parsed here, not by the reader; what cannot be read is kept in {@code problems} and
 * the drug stays in the data, so every report can say why it left it out.
 *
 * @param period   null when the cell is empty or unreadable (see problems)
 * @param dualChannel true only for an explicit y/是
 */
public record CatalogEntry(String drugCode, String genericName, String dosageForm, DrugClass drugClass, String spec,
                           PaymentStandard paymentStandard, AgreementPeriod period, boolean dualChannel,
                           String remarks, String where, List<String> problems) {

    /** A catalog row's cells, with the printed columns (class, payment standard, period) read here. */
    public static CatalogEntry of(String drugCode, String genericName, String dosageForm, String classText, String spec,
                                  String paymentText, String periodText, boolean dualChannel, String remarks, String where) {
        List<String> problems = new ArrayList<>();
        AgreementPeriod period = null;
        if (periodText == null) {
            problems.add("no agreement period");
        } else {
            try {
                period = AgreementPeriod.parse(periodText);
            } catch (BadInputException e) {
                problems.add(e.getMessage());
            }
        }
        DrugClass cls = classText == null ? null : DrugClass.parse(classText).orElse(null);
        if (classText != null && cls == null) problems.add("unknown drug class '" + classText + "' (expected 甲 or 乙)");
        PaymentStandard ps = PaymentStandard.parse(paymentText);
        if (ps.status() == PaymentStandard.Status.UNREADABLE) problems.add("payment standard not read: '" + ps.text() + "'");
        return new CatalogEntry(drugCode, genericName, dosageForm, cls, spec, ps, period, dualChannel, remarks, where,
                List.copyOf(problems));
    }

    /** Why this drug is not on the dual-channel list on {@code day}, or null when it is. */
    public String exclusionOn(LocalDate day) {
        if (!dualChannel) return "not a dual-channel drug (dual_channel is not y)";
        if (period == null) return "agreement period unknown: " + String.join("; ", problems);
        return switch (period.standingOn(day)) {
            case IN_FORCE -> null;
            case LAPSED -> "agreement lapsed on " + period.end();
            case NOT_BEGUN -> "agreement begins on " + period.start();
        };
    }

    /** {@code 名称 (code)} for messages. */
    public String label() {
        return drugCode == null ? genericName : genericName + " (" + drugCode + ")";
    }
}
