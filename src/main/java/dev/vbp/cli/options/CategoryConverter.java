package dev.vbp.cli.options;

import dev.vbp.domain.Category;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;

/** --exclude herbal-pieces,hospital-preparations (also the codes with underscores). */
public final class CategoryConverter implements ITypeConverter<Category> {
    @Override
    public Category convert(String value) {
        Category c = Category.fromCode(value);
        if (c == null) {
            throw new TypeConversionException("unknown category '" + value + "'; expected one of "
                    + String.join(", ", Arrays.stream(Category.values()).map(v -> v.code().replace('_', '-')).toList()));
        }
        return c;
    }
}
