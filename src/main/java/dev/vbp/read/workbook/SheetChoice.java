package dev.vbp.read.workbook;


import java.util.List;

/**
 * Which sheet of a workbook to read ({@code --sheet NAME|N}): a name, or a 1-based position; by default
 * the first sheet. A name wins over a position, so a sheet called {@code 2024} is found by its name.
 */
public record SheetChoice(String wanted) {
    public static final SheetChoice FIRST = new SheetChoice(null);

    public static SheetChoice of(String setting) {
        return setting == null || setting.isBlank() ? FIRST : new SheetChoice(setting.trim());
    }

    /** The 0-based index of the chosen sheet among {@code names}. */
    int pick(List<String> names, String source) {
        if (names.isEmpty()) throw new WorkbookException(source + ": the workbook has no sheets");
        if (wanted == null) return 0;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(wanted)) return i;
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(wanted)) return i;
        }
        if (wanted.matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(wanted);
            if (n >= 1 && n <= names.size()) return n - 1;
        }
        throw new WorkbookException(source + ": no sheet '" + wanted + "'; the workbook has " + describe(names));
    }

    static String describe(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(i + 1).append(" '").append(names.get(i)).append('\'');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return wanted == null ? "the first sheet" : "sheet '" + wanted + "'";
    }
}
