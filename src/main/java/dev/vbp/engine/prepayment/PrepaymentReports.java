package dev.vbp.engine.prepayment;

import dev.vbp.domain.Exact;
import dev.vbp.domain.Institution;
import dev.vbp.domain.instruments.Prepayment;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fund prepayment (医保基金预付) per institution and agreement year: the agreed amount, the prepayment due
 * (ratio × agreed amount, by the due day), what was paid and when, and the shortfall; and month by month, how
 * the prepayment is offset against the settled purchases of the year's products: each month the balance
 * (prepaid, not yet offset) covers that month's purchases as far as it goes, the fund pays the rest.
 */
public final class PrepaymentReports {
    private PrepaymentReports() {}

    public static final String COMMAND = "prepayment";

    /** The report and the rows below --fail-under. */
    public record Result(Report report, List<String> shortfalls) {}

    public static Result years(PrepaymentPlan plan, boolean havePayments, BigDecimal ratio, int dueDays, LocalDate asOf,
                               Map<String, Institution> institutions, BigDecimal failUnder) {
        Report r = new Report(COMMAND, List.of(
                new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                new Column("institution_name", "Name", "医疗机构名称", ValueKind.TEXT),
                new Column("batch", "Batch", "批次", ValueKind.CODE),
                new Column("year_start", "Year from", "协议年度起", ValueKind.DATE),
                new Column("year_end", "Year to", "协议年度止", ValueKind.DATE),
                new Column("agreed_amount", "Agreed amount", "约定采购金额", ValueKind.MONEY),
                new Column("due", "Prepayment due", "应预付", ValueKind.MONEY),
                new Column("due_by", "Due by", "预付期限", ValueKind.DATE),
                new Column("paid", "Paid", "已预付", ValueKind.MONEY),
                new Column("paid_on_time", "Paid on time", "按时预付", ValueKind.MONEY),
                new Column("first_paid", "First paid", "首次预付", ValueKind.DATE),
                new Column("last_paid", "Last paid", "末次预付", ValueKind.DATE),
                new Column("shortfall", "Shortfall", "预付缺口", ValueKind.MONEY),
                new Column("paid_share", "Paid / due", "预付到位率", ValueKind.RATIO),
                new Column("status", "Status", "状态", ValueKind.TEXT)));
        List<String> shortfalls = new ArrayList<>();
        BigDecimal agreedAll = BigDecimal.ZERO, dueAll = BigDecimal.ZERO, paidAll = BigDecimal.ZERO, shortAll = BigDecimal.ZERO;
        int late = 0, shortYears = 0;
        for (PrepaymentPlan.Year y : plan.years()) {
            // what must be paid is a sum of money: the due, rounded half-up to the fen
            BigDecimal due = y.agreedAmount().multiply(ratio).setScale(2, java.math.RoundingMode.HALF_UP);
            LocalDate dueBy = y.start().plusDays(dueDays);
            BigDecimal paid = null, onTime = null, shortfall = null, share = null;
            LocalDate first = null, last = null;
            String status = "no data";
            if (havePayments) {
                paid = BigDecimal.ZERO;
                onTime = BigDecimal.ZERO;
                for (Prepayment p : y.paid()) {
                    paid = paid.add(p.amount());
                    if (!p.date().isAfter(dueBy)) onTime = onTime.add(p.amount());
                    if (first == null || p.date().isBefore(first)) first = p.date();
                    if (last == null || p.date().isAfter(last)) last = p.date();
                }
                shortfall = due.subtract(paid).max(BigDecimal.ZERO);
                share = due.signum() == 0 ? null : Exact.divide(paid, due);
                boolean dueYet = !asOf.isBefore(dueBy);
                if (paid.compareTo(due) >= 0) status = onTime.compareTo(due) >= 0 ? "met" : "late";
                else if (!dueYet) status = "pending";
                else status = paid.signum() == 0 ? "unpaid" : "short";
                if (status.equals("late")) late++;
                if (status.equals("short") || status.equals("unpaid")) shortYears++;
                if (failUnder != null && dueYet && share != null && share.compareTo(failUnder) < 0) {
                    shortfalls.add(y.institution() + " " + y.batch() + " " + y.start() + " (" + dev.vbp.output.DisplayText.percent(share) + ")");
                }
                paidAll = paidAll.add(paid);
                shortAll = shortAll.add(shortfall);
            }
            Institution inst = institutions.get(y.institution());
            r.row(y.institution(), inst == null ? null : inst.name(), y.batch(), y.start(), y.end(), Exact.money(y.agreedAmount()),
                    Exact.money(due), dueBy, Exact.money(paid), Exact.money(onTime), first, last, Exact.money(shortfall), Exact.ratio(share), status);
            agreedAll = agreedAll.add(y.agreedAmount());
            dueAll = dueAll.add(due);
        }
        r.parameter("as_of", asOf);
        r.summary("years", "Agreement years", "协议年度数", ValueKind.INTEGER, plan.years().size());
        r.summary("agreed_amount", "Agreed amount", "约定采购金额", ValueKind.MONEY, Exact.money(agreedAll));
        r.summary("due", "Prepayment due", "应预付", ValueKind.MONEY, Exact.money(dueAll));
        if (havePayments) {
            r.summary("paid", "Paid", "已预付", ValueKind.MONEY, Exact.money(paidAll));
            r.summary("shortfall", "Shortfall", "预付缺口", ValueKind.MONEY, Exact.money(shortAll));
            r.summary("late", "Years paid late", "逾期预付年度", ValueKind.INTEGER, late);
            r.summary("short", "Years short or unpaid", "预付不足年度", ValueKind.INTEGER, shortYears);
        } else {
            r.warning("no prepayments: pass --prepayments FILE or import them; paid, shortfall and status are unknown");
        }
        plan.warnings().forEach(r::warning);
        if (failUnder != null) r.warnShortfalls(shortfalls, failUnder);
        return new Result(r, shortfalls);
    }

    /** Month by month per agreement year: prepaid, settled purchases, offset, the balance left and what the fund pays. */
    public static Report months(PrepaymentPlan plan, SettledPurchases settled, LocalDate asOf) {
        Report r = new Report(COMMAND, List.of(
                new Column("institution_code", "Institution", "医疗机构编码", ValueKind.CODE),
                new Column("batch", "Batch", "批次", ValueKind.CODE),
                new Column("year_start", "Year from", "协议年度起", ValueKind.DATE),
                new Column("month", "Month", "月份", ValueKind.TEXT),
                new Column("prepaid", "Prepaid", "本月预付", ValueKind.MONEY),
                new Column("settled", "Settled purchases", "本月结算采购", ValueKind.MONEY),
                new Column("offset", "Offset", "本月冲抵", ValueKind.MONEY),
                new Column("fund_pays", "Fund pays", "基金另付", ValueKind.MONEY),
                new Column("balance", "Balance", "预付余额", ValueKind.MONEY)));
        BigDecimal offsetAll = BigDecimal.ZERO, balanceAll = BigDecimal.ZERO, settledAll = BigDecimal.ZERO;
        for (PrepaymentPlan.Year y : plan.years()) {
            LocalDate last = y.end().isAfter(asOf) ? asOf : y.end();
            List<Prepayment> paid = new ArrayList<>(y.paid());
            paid.sort(Comparator.comparing(Prepayment::date));
            BigDecimal balance = BigDecimal.ZERO;
            for (YearMonth m = YearMonth.from(y.start()); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                LocalDate from = m.atDay(1).isBefore(y.start()) ? y.start() : m.atDay(1);
                LocalDate to = m.atEndOfMonth().isAfter(last) ? last : m.atEndOfMonth();
                YearMonth month = m;
                boolean firstMonth = m.equals(YearMonth.from(y.start()));
                // a prepayment before the year starts is there from its first month
                BigDecimal prepaid = paid.stream().filter(p -> YearMonth.from(p.date()).equals(month)
                        || (firstMonth && p.date().isBefore(y.start()))).map(Prepayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal bought = BigDecimal.ZERO;
                for (String product : y.products()) bought = bought.add(settled.amount(y.institution(), product, ymd(from), ymd(to)));
                balance = balance.add(prepaid);
                BigDecimal offset = bought.max(BigDecimal.ZERO).min(balance);
                balance = balance.subtract(offset);
                r.row(y.institution(), y.batch(), y.start(), m.toString(), Exact.money(prepaid), Exact.money(bought), Exact.money(offset),
                        Exact.money(bought.subtract(offset)), Exact.money(balance));
                offsetAll = offsetAll.add(offset);
                settledAll = settledAll.add(bought);
            }
            balanceAll = balanceAll.add(balance);
        }
        r.parameter("as_of", asOf);
        r.summary("settled", "Settled purchases", "结算采购金额", ValueKind.MONEY, Exact.money(settledAll));
        r.summary("offset", "Offset against prepayments", "预付冲抵", ValueKind.MONEY, Exact.money(offsetAll));
        r.summary("balance", "Prepayments not yet offset", "预付余额", ValueKind.MONEY, Exact.money(balanceAll));
        plan.warnings().forEach(r::warning);
        return r;
    }

    private static int ymd(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
