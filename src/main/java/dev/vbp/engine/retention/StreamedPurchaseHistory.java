package dev.vbp.engine.retention;

import dev.vbp.engine.ledger.LineNumbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@link PurchaseHistory} over {@link DailyPurchases} from the streaming ledger engine: packs become minimum
 * units with each product's pack count from the bids.
 */
public final class StreamedPurchaseHistory implements PurchaseHistory {
    private final DailyPurchases purchases;
    private final Map<String, Integer> packCounts;
    private final UnaryOperator<String> fileNames;
    private final LineNumbers lineNumbers;

    /**
     * @param lineNumbers the line numbers of the scan that filled {@code purchases}
     * @param fileNames   the name a ledger file is shown by (a workspace copy by the file it was imported from)
     */
    public StreamedPurchaseHistory(DailyPurchases purchases, LineNumbers lineNumbers, Map<String, Integer> packCounts,
                                   UnaryOperator<String> fileNames) {
        this.purchases = purchases;
        this.lineNumbers = lineNumbers;
        this.packCounts = packCounts;
        this.fileNames = fileNames;
    }

    @Override
    public List<Day> days(String institutionCode, String productCode, LocalDate from, LocalDate to) {
        BigDecimal pack = BigDecimal.valueOf(packCounts.getOrDefault(productCode, 1));
        List<Day> out = new ArrayList<>();
        purchases.days(institutionCode, productCode, ymd(from), ymd(to)).forEach((date, d) -> out.add(new Day(date(date), productCode,
                DailyPurchases.decimal(d.packs).multiply(pack).stripTrailingZeros(), DailyPurchases.decimal(d.amount).stripTrailingZeros(),
                d.lines, DailyPurchases.lineRefs(d, lineNumbers).stream()
                        .map(r -> new LineRef(fileNames.apply(r.file()), r.offset(), r.line())).toList())));
        return out;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public LocalDate firstDate() {
        return purchases.firstDate() == null ? null : date(purchases.firstDate());
    }

    @Override
    public LocalDate lastDate() {
        return purchases.lastDate() == null ? null : date(purchases.lastDate());
    }

    private static int ymd(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static LocalDate date(int ymd) {
        return LocalDate.of(ymd / 10_000, ymd / 100 % 100, ymd % 100);
    }
}
