package dev.vbp.engine.dualchannel;

/** What makes a (drug, county) pair covered: a designated pharmacy stocking it, or that and a hospital too. */
public enum CoverageRule {
    PHARMACY, HOSPITAL;

    public boolean covered(DualChannelWorld.Presence p) {
        return this == PHARMACY ? p.pharmacy() : p.pharmacy() && p.hospital();
    }

    public String description() {
        return this == PHARMACY ? "at least one designated pharmacy in the county stocks the drug"
                : "at least one designated pharmacy and at least one designated hospital in the county stock the drug";
    }
}
