package dev.vbp.domain.dualchannel;

import dev.vbp.domain.Texts;

import java.util.Optional;

/** The insurance list class: 甲 (fully reimbursed category) or 乙 (co-paid); negotiated drugs are mostly 乙. */
public enum DrugClass {
    JIA("甲"), YI("乙");

    private final String chinese;

    DrugClass(String chinese) { this.chinese = chinese; }

    public String chinese() { return chinese; }

    /** 甲/乙, also 甲类/乙类 and A/B. */
    public static Optional<DrugClass> parse(String text) {
        String k = Texts.key(text);
        return switch (k) {
            case "甲", "甲类", "a" -> Optional.of(JIA);
            case "乙", "乙类", "b" -> Optional.of(YI);
            default -> Optional.empty();
        };
    }
}
