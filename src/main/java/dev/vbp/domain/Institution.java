package dev.vbp.domain;

/**
 * A medical institution (医疗机构). Ownership decides whether the online-purchase rate target applies
 * (public institutions); a file without the column leaves it null ("unknown"), never guessed.
 */
public record Institution(String code, String name, String county, String level, Ownership ownership, String where) {}
