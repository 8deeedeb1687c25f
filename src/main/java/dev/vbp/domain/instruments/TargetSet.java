package dev.vbp.domain.instruments;

import java.time.LocalDate;

/**
 * A landing target of VBP (集采品种数): how many drug generics and high-value consumable classes a region
 * must have under VBP by a date, and the document that sets it.
 *
 * @param name              how options refer to it ({@code liangshan-2025})
 * @param region            the region it applies to
 * @param date              the day it is checked on (the end of its year when the document names a year)
 * @param drugs             minimum number of drug generics (品种), or null when the document sets none
 * @param consumableClasses minimum number of high-value consumable classes, or null
 */
public record TargetSet(String name, String region, LocalDate date, Integer drugs, Integer consumableClasses, String source) {}
