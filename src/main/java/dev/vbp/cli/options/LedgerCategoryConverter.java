package dev.vbp.cli.options;

import dev.vbp.engine.ledger.LedgerCategory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;

/** --exclude herbal-pieces,hospital-preparations (also the codes with underscores). */
public final class LedgerCategoryConverter implements ITypeConverter<LedgerCategory> {
    @Override
    public LedgerCategory convert(String value) {
        LedgerCategory c = LedgerCategory.fromCode(value);
        if (c == null) {
            throw new TypeConversionException("unknown category '" + value + "'; expected one of "
                    + String.join(", ", Arrays.stream(LedgerCategory.values()).map(v -> v.code().replace('_', '-')).toList()));
        }
        return c;
    }
}
