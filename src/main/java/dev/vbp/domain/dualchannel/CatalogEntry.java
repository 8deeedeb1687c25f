package dev.vbp.domain.dualchannel;

import dev.vbp.read.BadInputException;
import dev.vbp.read.Row;

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

    public static CatalogEntry fromRow(Row r) {
        List<String> problems = new ArrayList<>();
        AgreementPeriod period = null;
        String periodText = r.text("agreement_period");
        if (periodText == null) {
            problems.add("no agreement period");
        } else {
            try {
                period = AgreementPeriod.parse(periodText);
            } catch (BadInputException e) {
                problems.add(e.getMessage());
            }
        }
        String classText = r.text("drug_class");
        DrugClass cls = classText == null ? null : DrugClass.parse(classText).orElse(null);
        if (classText != null && cls == null) problems.add("unknown drug class '" + classText + "' (expected 甲 or 乙)");
        PaymentStandard ps = PaymentStandard.parse(r.text("payment_standard"));
        if (ps.status() == PaymentStandard.Status.UNREADABLE) problems.add("payment standard not read: '" + ps.text() + "'");
        return new CatalogEntry(r.text("drug_code"), r.text("generic_name"), r.text("dosage_form"), cls, r.text("spec"), ps,
                period, Boolean.TRUE.equals(r.flag("dual_channel")), r.text("remarks"), r.where(), List.copyOf(problems));
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
