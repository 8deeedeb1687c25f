package dev.vbp.domain;

/**
 * What makes two price records "the same product and strength": the product code when both carry one, else
 * the normalised generic name and normalised strength (so {@code 0.5mg} matches {@code 500μg}), with the
 * dosage form compared only when both sides give one. Research files write name and form together
 * (恩替卡韦分散片) while platform files split them (恩替卡韦 + 分散片); {@link #fullName()} joins them so
 * either spelling finds the other.
 */
public record ProductKey(String productCode, String name, String form, String strength) {

    public static ProductKey of(String productCode, String genericName, String dosageForm, Strength strength) {
        return new ProductKey(productCode == null || productCode.isBlank() ? null : productCode,
                Texts.key(genericName == null ? "" : genericName), dosageForm == null ? "" : Texts.key(dosageForm),
                strength == null ? "" : strength.key());
    }

    /** The name with its form appended unless the name already says it (恩替卡韦 + 分散片 → 恩替卡韦分散片). */
    public String fullName() {
        return form.isEmpty() || name.contains(form) ? name : name + form;
    }

    /** Whether two records may be the same product as far as the dosage form goes. */
    public boolean formCompatible(ProductKey other) {
        return form.isEmpty() || other.form.isEmpty() || form.equals(other.form);
    }
}
