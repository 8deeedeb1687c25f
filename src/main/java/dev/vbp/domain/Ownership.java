package dev.vbp.domain;

import java.util.Locale;
import java.util.Optional;

/** Public institutions are bound by VBP volumes and online-purchase targets; private ones may join. */
public enum Ownership {
    PUBLIC, PRIVATE;

    private static final Spellings<Ownership> SPELLINGS = new Spellings<Ownership>()
            .add(PUBLIC, "public", "公立", "公办", "政府办")
            .add(PRIVATE, "private", "民营", "私立", "非公立", "社会办");

    /** The canonical text stored in the workspace and shown in output. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads English or Chinese spellings, ignoring case, spaces and full-width forms. */
    public static Optional<Ownership> parse(String text) {
        return SPELLINGS.parse(text);
    }
}
