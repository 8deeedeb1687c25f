package dev.vbp.read;

import dev.vbp.domain.Codes;
import dev.vbp.errors.BadInputException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A code map file ({@code --code-map FILE}): old product or drug code → current code (曾用码, 转码表), two
 * columns headed {@code old_code,new_code} or {@code 旧编码,新编码} (see {@link Codes.CodeMap#read}).
 * Decoded like every other input (UTF-8 with or without BOM, or GB18030).
 */
public final class CodeMapFile {
    private CodeMapFile() {}

    public static Codes.CodeMap load(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(source + ": code map file not found");
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read the code map (" + e.getMessage() + ")");
        }
        String text = TextDecoding.decode(bytes, null, source).text();
        try {
            return Codes.CodeMap.read(new StringReader(text), source);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read the code map (" + e.getMessage() + ")", e);
        }
    }
}
