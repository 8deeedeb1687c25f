package dev.vbp.domain;

/**
 * What makes two price records "the same product and strength": the product code when one is known, and
 * always the normalised generic name and normalised strength, so {@code 0.5mg} matches {@code 500μg}.
 * The dosage form counts only when it is not already part of the name (research files write name and form
 * together, e.g. 恩替卡韦分散片).
 */
public record ProductKey(String productCode, String name, String strength) {

    public static ProductKey of(String productCode, String genericName, String dosageForm, Strength strength) {
        String name = Texts.key(genericName == null ? "" : genericName);
        String form = dosageForm == null ? "" : Texts.key(dosageForm);
        if (!form.isEmpty() && !name.endsWith(form) && !name.startsWith(form)) name = name + form;
        return new ProductKey(productCode == null || productCode.isBlank() ? null : productCode,
                name, strength == null ? "" : strength.key());
    }

    /** Key ignoring the product code, for matching records from sources that carry no codes. */
    public ProductKey byNameAndStrength() {
        return new ProductKey(null, name, strength);
    }
}
