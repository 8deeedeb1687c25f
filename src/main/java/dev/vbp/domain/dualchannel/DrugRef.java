package dev.vbp.domain.dualchannel;

/** How a stock or prescription row names a drug: a code, or a generic name (and form), any may be null. */
public record DrugRef(String code, String genericName, String dosageForm) {

    public String label() {
        if (code == null) return genericName == null ? "(no drug given)" : genericName;
        return genericName == null ? code : genericName + " (" + code + ")";
    }
}
