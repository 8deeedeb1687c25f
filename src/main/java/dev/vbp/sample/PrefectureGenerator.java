package dev.vbp.sample;

import dev.vbp.domain.Bid;
import dev.vbp.domain.Institution;
import dev.vbp.domain.Ownership;
import dev.vbp.domain.volume.AgreementYear;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A prefecture's VBP year, reproducible from a seed: agreed volumes of the public institutions for the
 * selected products of some batches, one full agreement year of monthly purchases for each, and assessment
 * scores. What a newcomer should see as normal (see sample-data/README.md for the numbers):
 * <ul>
 *   <li>Prior annual use scales with the institution's level (三级 ≫ 二级 ≫ 一级, 基层) and its size, and with the
 *       drug: daily doses of chronic oral drugs run to tens or hundreds of thousands of tablets at a top hospital,
 *       short courses (antibiotics, 蒙脱石散) to a fifth of that, vials of injections to hundreds, and only
 *       二级 and 三级 hospitals buy injections.</li>
 *   <li>Agreed quantity = 60–80% of prior use, in whole packs, for one selected product of each generic and
 *       strength (two at some top hospitals).</li>
 *   <li>Purchases run monthly through the agreement year. Most institutions buy 100–130% of the agreed
 *       quantity; a few "short" institutions 45–85%; now and then a single product falls a little short. The
 *       rest of prior use goes partly to non-selected products of the generic, where the bids name one.</li>
 *   <li>Most buying is online; a few institutions buy a quarter to two fifths offline. About 1.5% of lines are
 *       followed by a partial return.</li>
 * </ul>
 * The same inputs and seed always give the same files.
 */
public final class PrefectureGenerator {
    private PrefectureGenerator() {}

    /** The three files, as CSV text with a header. */
    public record Files(String allocations, String ledger, String scores, Stats stats) {}

    public record Stats(int allocations, int ledgerLines, int returns, int institutions) {}

    private static final String LEDGER_HEADER = "date,order_no,institution_code,product_code,generic_name,spec,manufacturer,"
            + "quantity,unit_price,amount,channel,category\n";

    /** How an institution behaves in the year. */
    private record Profile(double scale, boolean shortOfVolume, double offlineShare) {}

    /** One ledger line before it is written, sortable by date. */
    private record Purchase(LocalDate date, int second, String institution, Bid bid, long packs, boolean online) {}

    public static Files generate(List<Bid> bids, List<Institution> institutions, List<String> batches, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Institution> publicOnes = institutions.stream().filter(i -> i.ownership() != Ownership.PRIVATE).toList();
        Map<String, Profile> profiles = profiles(institutions, random);

        StringBuilder alloc = new StringBuilder("batch_id,institution_code,product_code,agreed_qty,cycle_start,cycle_end\n");
        List<Purchase> purchases = new ArrayList<>();
        int allocations = 0;
        for (String batch : batches) {
            List<Bid> selected = bids.stream().filter(b -> batch.equals(b.batchId()) && b.selected() && b.productCode() != null
                    && b.cycleStart() != null && b.cycleEnd() != null).toList();
            if (selected.isEmpty()) throw new IllegalArgumentException("batch " + batch + " has no selected bids with a cycle");
            // generic and strength → the selected products, and the non-selected products of the generic
            Map<String, List<Bid>> groups = new LinkedHashMap<>();
            for (Bid b : selected) groups.computeIfAbsent(b.genericName() + "\u0000" + b.strength().key(), k -> new ArrayList<>()).add(b);
            for (Institution inst : institutions) {
                Profile p = profiles.get(inst.code());
                boolean isPublic = inst.ownership() != Ownership.PRIVATE;
                for (List<Bid> group : groups.values()) {
                    Bid first = group.get(0);
                    Kind kind = Kind.of(first);
                    if (random.nextDouble() >= stocks(kind, inst.level())) continue;
                    AgreementYear year = AgreementYear.of(first.cycleStart(), first.cycleEnd(), first.cycleStart());
                    double prior = kind.base(random) * p.scale();
                    List<Bid> chosen = new ArrayList<>();
                    chosen.add(group.get(random.nextInt(group.size())));
                    if (group.size() > 1 && "三级".equals(inst.level()) && random.nextDouble() < 0.5) {
                        Bid second = group.get(random.nextInt(group.size()));
                        if (!second.equals(chosen.get(0))) chosen.add(second);
                    }
                    for (Bid b : chosen) {
                        double share = 1.0 / chosen.size();
                        long agreedPacks = Math.max(1, Math.round(prior * share * (0.60 + 0.20 * random.nextDouble()) / b.packCount()));
                        long agreedUnits = agreedPacks * b.packCount();
                        if (isPublic) {
                            alloc.append(batch).append(',').append(inst.code()).append(',').append(b.productCode()).append(',')
                                    .append(agreedUnits).append(',').append(first.cycleStart()).append(',').append(first.cycleEnd()).append('\n');
                            allocations++;
                        }
                        double completion = !isPublic ? 0.5 + 0.4 * random.nextDouble()
                                : p.shortOfVolume() ? 0.45 + 0.40 * random.nextDouble()
                                : random.nextDouble() < 0.03 ? 0.85 + 0.13 * random.nextDouble()
                                : 1.00 + 0.30 * random.nextDouble();
                        long packs = Math.max(1, Math.round(agreedPacks * completion));
                        monthly(purchases, random, inst.code(), b, packs, year, p, "三级".equals(inst.level()));
                    }
                    // Another selected product of the generic, bought now and then without an allocation of its own.
                    if (group.size() > chosen.size() && random.nextDouble() < 0.08) {
                        Bid other = group.stream().filter(b -> !chosen.contains(b)).findFirst().orElseThrow();
                        long packs = Math.max(1, Math.round(prior * 0.05 / other.packCount()));
                        monthly(purchases, random, inst.code(), other, packs, year, p, false);
                    }
                    // The rest of prior use partly goes on non-selected products of the generic, where bids name one.
                    List<Bid> nonSelected = bids.stream().filter(b -> !b.selected() && b.productCode() != null
                            && b.genericName().equals(first.genericName())).toList();
                    if (!nonSelected.isEmpty() && random.nextDouble() < 0.7) {
                        Bid n = nonSelected.get(random.nextInt(nonSelected.size()));
                        long packs = Math.max(1, Math.round(prior * (0.05 + 0.20 * random.nextDouble()) / n.packCount()));
                        Profile offlineMore = new Profile(p.scale(), p.shortOfVolume(), Math.max(p.offlineShare(), 0.4));
                        monthly(purchases, random, inst.code(), n, packs, year, offlineMore, false);
                    }
                }
            }
        }

        int returns = 0;
        List<Purchase> withReturns = new ArrayList<>();
        for (Purchase x : purchases) {
            withReturns.add(x);
            if (x.packs() >= 4 && random.nextDouble() < 0.015) {
                long back = Math.max(1, Math.round(x.packs() * (0.1 + 0.4 * random.nextDouble())));
                LocalDate d = x.date().plusDays(3 + random.nextInt(18));
                withReturns.add(new Purchase(d, random.nextInt(86_400), x.institution(), x.bid(), -back, x.online()));
                returns++;
            }
        }
        withReturns.sort(Comparator.comparing(Purchase::date).thenComparingInt(Purchase::second).thenComparing(Purchase::institution)
                .thenComparing(x -> x.bid().productCode()));
        StringBuilder ledger = new StringBuilder(LEDGER_HEADER);
        Map<LocalDate, Integer> serial = new LinkedHashMap<>();
        for (Purchase x : withReturns) {
            int n = serial.merge(x.date(), 1, Integer::sum);
            BigDecimal price = x.bid().bidPrice();
            ledger.append(x.date()).append(String.format(" %02d:%02d:%02d", x.second() / 3600, x.second() / 60 % 60, x.second() % 60))
                    .append(",PO").append(x.date().toString().replace("-", "")).append(String.format("%06d", n)).append(',')
                    .append(x.institution()).append(',').append(x.bid().productCode()).append(',').append(x.bid().genericName()).append(',')
                    .append(spec(x.bid())).append(',').append(csv(x.bid().manufacturer())).append(',').append(x.packs()).append(',')
                    .append(price.toPlainString()).append(',').append(price.multiply(BigDecimal.valueOf(x.packs())).toPlainString()).append(',')
                    .append(x.online() ? "线上" : "线下").append(",药品\n");
        }

        StringBuilder scores = new StringBuilder("institution_code,score,period\n");
        int k = 0;
        for (Institution inst : publicOnes) {
            k++;
            if (k == publicOnes.size()) continue; // the last has not been assessed: shown as "no score"
            double score = k % 11 == 4 ? 50 + 9.5 * random.nextDouble()   // a few in band D
                    : k % 7 == 3 ? 60 + 9.5 * random.nextDouble()          // some in C
                    : 72 + 23 * random.nextDouble();
            scores.append(inst.code()).append(',').append(BigDecimal.valueOf(Math.round(score * 2) / 2.0).setScale(1)).append(",2020\n");
        }
        return new Files(alloc.toString(), ledger.toString(), scores.toString(),
                new Stats(allocations, withReturns.size(), returns, publicOnes.size()));
    }

    /** Size by level and a seeded spread; a few public institutions short of volume; a few buying much offline. */
    private static Map<String, Profile> profiles(List<Institution> institutions, SplittableRandom random) {
        Map<String, Profile> out = new LinkedHashMap<>();
        List<Institution> publicOnes = institutions.stream().filter(i -> i.ownership() != Ownership.PRIVATE).toList();
        Set<String> shortOnes = new HashSet<>(), offline = new HashSet<>();
        while (shortOnes.size() < Math.max(1, publicOnes.size() / 12)) {
            Institution i = publicOnes.get(random.nextInt(publicOnes.size()));
            if (!"三级".equals(i.level())) shortOnes.add(i.code());
        }
        while (offline.size() < Math.max(1, publicOnes.size() / 12)) offline.add(publicOnes.get(random.nextInt(publicOnes.size())).code());
        for (Institution i : institutions) {
            double level = switch (i.level() == null ? "" : i.level()) {
                case "三级" -> 1.0;
                case "二级" -> 0.30;
                case "一级" -> 0.08;
                default -> 0.06; // 基层 (township health centres) and unknown
            };
            double scale = level * (0.7 + 0.6 * random.nextDouble());
            boolean priv = i.ownership() == Ownership.PRIVATE;
            double off = priv ? 0.2 + 0.2 * random.nextDouble()
                    : offline.contains(i.code()) ? 0.25 + 0.15 * random.nextDouble() : 0.02 * random.nextDouble();
            out.put(i.code(), new Profile(scale, shortOnes.contains(i.code()), off));
        }
        return out;
    }

    /** Spreads {@code packs} over the twelve months of the year, one or two orders a month, as whole packs. */
    private static void monthly(List<Purchase> out, SplittableRandom random, String inst, Bid bid, long packs, AgreementYear year,
                                Profile p, boolean twoOrders) {
        int months = 12;
        double[] w = new double[months];
        double sum = 0;
        for (int m = 0; m < months; m++) sum += w[m] = 0.75 + 0.5 * random.nextDouble();
        long left = packs;
        for (int m = 0; m < months; m++) {
            long q = m == months - 1 ? left : Math.min(left, Math.round(packs * w[m] / sum));
            left -= q;
            if (q <= 0) continue;
            LocalDate monthStart = year.start().plusMonths(m);
            LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
            if (monthEnd.isAfter(year.end())) monthEnd = year.end();
            int days = (int) (monthEnd.toEpochDay() - monthStart.toEpochDay()) + 1;
            int orders = twoOrders && q >= 2 && random.nextBoolean() ? 2 : 1;
            long firstPart = orders == 2 ? q / 2 : q;
            for (int o = 0; o < orders; o++) {
                long part = o == 0 ? firstPart : q - firstPart;
                LocalDate d = monthStart.plusDays(random.nextInt(days));
                // Top hospitals order on the first and the last day of the year, so the ledger spans it whole.
                if (twoOrders && m == 0 && o == 0) d = year.start();
                if (twoOrders && m == months - 1 && o == orders - 1) d = monthEnd;
                out.add(new Purchase(d, 8 * 3600 + random.nextInt(10 * 3600), inst, bid, part, random.nextDouble() >= p.offlineShare()));
            }
        }
    }

    /** Chance that an institution of {@code level} stocks a drug of this kind at all. */
    private static double stocks(Kind kind, String level) {
        String l = level == null ? "" : level;
        return switch (kind) {
            case INJECTION -> l.equals("三级") ? 0.95 : l.equals("二级") ? 0.45 : 0;
            case PSYCHIATRIC, ONCOLOGY_ORAL -> l.equals("三级") ? 0.95 : l.equals("二级") ? 0.55 : 0.1;
            case CHRONIC -> l.equals("三级") ? 0.95 : l.equals("二级") ? 0.85 : 0.7;
            case SHORT_COURSE -> l.equals("三级") ? 0.95 : l.equals("二级") ? 0.85 : 0.75;
        };
    }

    /** What kind of use a drug sees, guessed from its name and form. */
    private enum Kind {
        CHRONIC, SHORT_COURSE, PSYCHIATRIC, ONCOLOGY_ORAL, INJECTION;

        static Kind of(Bid b) {
            String n = b.genericName() + " " + (b.dosageForm() == null ? "" : b.dosageForm());
            if (n.contains("注射")) return INJECTION;
            if (n.matches(".*(头孢|西林|沙星|霉素|蒙脱石).*")) return SHORT_COURSE;
            if (n.matches(".*(替吉奥|卡培他滨|吉非替尼|伊马替尼|阿比特龙).*")) return ONCOLOGY_ORAL;
            if (n.matches(".*(利培酮|奥氮平|喹硫平|西酞普兰|帕罗西汀|阿立哌唑|左乙拉西坦).*")) return PSYCHIATRIC;
            return CHRONIC;
        }

        /** Prior annual use at a top (三级) hospital of average size, minimum units. */
        double base(SplittableRandom r) {
            return switch (this) {
                case CHRONIC -> 80_000 + 220_000 * r.nextDouble();
                case SHORT_COURSE -> 15_000 + 45_000 * r.nextDouble();
                case PSYCHIATRIC -> 20_000 + 60_000 * r.nextDouble();
                case ONCOLOGY_ORAL -> 4_000 + 12_000 * r.nextDouble();
                case INJECTION -> 300 + 1_200 * r.nextDouble();
            };
        }
    }

    private static String spec(Bid b) {
        String form = b.dosageForm() == null ? "" : b.dosageForm();
        String unit = form.contains("胶囊") ? "粒" : form.contains("注射") ? "支" : form.contains("散") ? "袋" : "片";
        return csv(b.spec() + "*" + b.packCount() + unit);
    }

    private static String csv(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
