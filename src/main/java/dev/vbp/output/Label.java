package dev.vbp.output;

/**
 * A cell that is words rather than data, such as the total row of a cross-tab: tables show it in the
 * chosen language, CSV and JSON write the English.
 */
public record Label(String en, String zh) {
    @Override
    public String toString() {
        return en;
    }
}
