package dev.vbp.cli.options;

import dev.vbp.domain.Period;
import dev.vbp.errors.BadInputException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Period options (2017, 2016..2017, 2017-03, 2017-01-01..2017-06-30): a bad one is a usage error (exit 2). */
public final class PeriodConverter implements ITypeConverter<Period> {
    @Override
    public Period convert(String value) {
        try {
            return Period.parse(value);
        } catch (BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
