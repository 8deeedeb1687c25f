package dev.vbp.cli.options;

import dev.vbp.domain.RateThreshold;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;

/** Options such as --fail-under and --target: {@code 95%} or {@code 0.95}; a bare 95 is refused as ambiguous. */
public final class RateConverter implements ITypeConverter<BigDecimal> {
    @Override
    public BigDecimal convert(String value) {
        try {
            return RateThreshold.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
