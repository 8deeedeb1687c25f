package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.DataSources;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.UsageException;
import dev.vbp.cli.options.InputOptions;
import dev.vbp.domain.Bid;
import dev.vbp.domain.Category;
import dev.vbp.domain.Institution;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.Records;
import dev.vbp.cli.options.DatasetFiles;
import dev.vbp.sample.LedgerGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

@Command(name = "sample",
        description = "Write deterministic, realistic sample data for demos, tests and benchmarks.",
        footerHeading = "%nExample:%n",
        footer = "  vbp sample ledger --rows 2000 --seed 1 --year 2019 --institutions sample-data/institutions.csv --bids sample-data/bids.csv --out target/ledger-2k.csv --force",
        subcommands = {SampleCommand.Ledger.class, SampleCommand.Prefecture.class})
public class SampleCommand extends BaseCommand {
    @Override
    protected int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing a subcommand: ledger or prefecture");
    }

    @Command(name = "ledger",
            description = {"Write a purchase ledger: institutions of the 17 counties and cities of 凉山州 (or of --institutions),",
                    "products of --bids (or a built-in list), both channels, about 1%% returns, and bad lines on request.",
                    "The same --rows and --seed always give the same file. FILE ending in .gz is gzip-compressed."},
            footerHeading = "%nExamples:%n",
            footer = {
                    "  vbp sample ledger --rows 2000 --seed 1 --year 2019 --institutions sample-data/institutions.csv --bids sample-data/bids.csv --out target/ledger-2k.csv --force",
                    "  vbp sample ledger --rows 1000 --seed 7 --bad-lines 3 --gb18030 --out target/ledger-gbk.csv.gz --force"})
    public static class Ledger extends BaseCommand {
        @Mixin InputOptions input;

        @Option(names = "--rows", paramLabel = "N", required = true, description = "Lines to write (bad lines included).")
        long rows;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Option(names = "--bad-lines", paramLabel = "K", defaultValue = "0", description = "Malformed lines to plant (default: 0).")
        long badLines;

        @Option(names = "--mismatches", paramLabel = "M", defaultValue = "0",
                description = "Lines whose amount is 1 yuan off quantity × unit price (default: 0).")
        long mismatches;

        @Option(names = "--year", paramLabel = "YYYY", defaultValue = "2024", description = "Year the dates fall in (default: ${DEFAULT-VALUE}).")
        int year;

        @Option(names = "--gb18030", description = "Write GB18030 instead of UTF-8, as Excel on Chinese Windows does.")
        boolean gb18030;

        /** Institutions whose codes the ledger uses. */
        @Mixin DatasetFiles.Institutions institutionFiles;

        /** Bids whose products (selected and not) the ledger buys, at their bid prices. */
        @Mixin DatasetFiles.Bids bidFiles;

        @Override
        protected int execute() throws IOException {
            if (rows < 0 || badLines < 0 || mismatches < 0) throw new UsageException("--rows, --bad-lines and --mismatches must not be negative");
            if (badLines + mismatches > rows) throw new UsageException("--bad-lines plus --mismatches exceed --rows");
            if (year < 1900 || year > 2100) throw new UsageException("--year must be between 1900 and 2100, not " + year);
            DataSources sources = input.sources(workspace());
            LedgerGenerator.Settings settings = new LedgerGenerator.Settings(rows, seed, badLines, gb18030)
                    .withMismatches(mismatches).withYear(year);
            if (!institutionFiles.files().isEmpty()) {
                settings = settings.withInstitutions(sources.optional(institutionFiles, Records::institution)
                        .stream().map(Institution::code).toList());
            }
            if (!bidFiles.files().isEmpty()) settings = settings.withProducts(products(sources.optional(bidFiles, Records::bid)));
            // --out is the option every command shares; a ledger has no default place to go.
            if (global().out == null) throw new UsageException("missing --out FILE: where to write the ledger ('-' for standard output)");
            String out = global().out.toString();
            LedgerGenerator.Summary summary;
            if (out.equals("-")) {
                summary = LedgerGenerator.write(settings, System.out);
            } else {
                summary = writeFile(Path.of(out), settings);
            }
            note(String.format("wrote %,d lines (%d bad, %d mismatched, %,d returns), %,d bytes to %s", summary.rows(),
                    summary.badLines(), summary.mismatches(), summary.returns(), summary.bytes(), out));
            return ExitCodes.OK;
        }

        /**
         * Writes to a temporary sibling and renames it into place, so FILE is never seen half written and a
         * failure leaves no temporary file. An existing FILE is replaced only with --force; a directory never.
         */
        private LedgerGenerator.Summary writeFile(Path target, LedgerGenerator.Settings settings) throws IOException {
            if (Files.isDirectory(target)) throw new UsageException(target + " is a directory; --out names the file to write");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
                throw new UsageException(target + " exists; pass --force to overwrite it");
            }
            Path parent = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) throw new UsageException(target + ": the folder " + parent + " does not exist");
            Path tmp = null;
            try {
                do { // a name of its own, made with the user's usual permissions (createTempFile would make it private)
                    tmp = parent.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
                } while (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS));
                Files.newByteChannel(tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE).close();
                LedgerGenerator.Summary summary;
                try (OutputStream raw = Files.newOutputStream(tmp);
                     OutputStream o = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16)) {
                    summary = LedgerGenerator.write(settings, o);
                }
                if (force) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                else Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE); // no REPLACE: a file that appeared meanwhile survives
                tmp = null;
                return summary;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new UsageException(target + " exists; pass --force to overwrite it");
            } catch (IOException e) {
                throw new BadInputException(target + ": cannot write (" + dev.vbp.errors.Echo.firstLine(e.getMessage()) + ")");
            } finally {
                if (tmp != null) Files.deleteIfExists(tmp);
            }
        }

        /** The counting word of a dosage form: 片 for tablets, 粒 for capsules, 支 for injections, else 袋. */
        private static String unit(String form) {
            if (form.contains("片")) return "片";
            if (form.contains("胶囊")) return "粒";
            if (form.contains("注射") || form.contains("滴眼")) return "支";
            return "袋";
        }

        /** One product per product code, at its bid price per pack. */
        private static List<LedgerGenerator.Product> products(List<Bid> bids) {
            Map<String, LedgerGenerator.Product> byCode = new LinkedHashMap<>();
            for (Bid b : bids) {
                if (b.productCode() == null) continue;
                // The ledger's spec reads like a platform export: strength × units per pack (75mg*28片).
                String spec = b.spec() == null ? null : b.spec() + "*" + b.packCount() + (b.dosageForm() == null ? "" : unit(b.dosageForm()));
                byCode.putIfAbsent(b.productCode(), new LedgerGenerator.Product(b.productCode(), b.genericName(), spec, b.manufacturer(), b.bidPrice(),
                        b.category() == Category.CONSUMABLE ? Category.CONSUMABLE : Category.DRUG));
            }
            if (byCode.isEmpty()) throw new UsageException("the bids have no product codes to buy");
            return List.copyOf(byCode.values());
        }
    }

    @Command(name = "prefecture",
            description = {"Write the synthetic part of sample-data/: allocations.csv, ledger.csv and scores.csv for the public",
                    "institutions of --institutions and the selected products of each --batch in --bids: agreed volumes at",
                    "60-80%% of prior use, one agreement year of monthly purchases per batch, returns, offline buying, scores.",
                    "The same inputs and --seed always give the same files (sample-data/README.md lists the assumptions)."},
            footerHeading = "%nExample:%n",
            footer = "  vbp sample prefecture --bids sample-data/bids.csv --institutions sample-data/institutions.csv --batch 4+7 --batch batch-2 --batch batch-3 --seed 2019 --out target/prefecture --force")
    public static class Prefecture extends BaseCommand {
        @Mixin InputOptions input;
        /** Bids: the selected products allocated and bought, and non-selected products of their generics. */
        @Mixin DatasetFiles.Bids bidFiles;
        /** Institutions: codes, levels and ownership. */
        @Mixin DatasetFiles.Institutions institutionFiles;

        @Option(names = "--batch", paramLabel = "ID", required = true, description = "A batch whose selected products are allocated (repeatable).")
        List<String> batches = new ArrayList<>();

        @Option(names = "--seed", paramLabel = "S", defaultValue = "2019", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--force", description = "Overwrite the three files if they exist.")
        boolean force;

        @Override
        protected int execute() throws IOException {
            DataSources sources = input.sources(workspace());
            List<Bid> bids = sources.require(bidFiles, Records::bid);
            List<Institution> institutions = sources.require(institutionFiles, Records::institution);
            dev.vbp.sample.PrefectureGenerator.Files files;
            try {
                files = dev.vbp.sample.PrefectureGenerator.generate(bids, institutions, batches, seed);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            // --out is the option every command shares; here it names the folder of the three files.
            if (global().out == null) throw new UsageException("missing --out DIR: the folder to write allocations.csv, ledger.csv and scores.csv to");
            Path out = ctx().cwd().resolve(global().out);
            Files.createDirectories(out);
            Map<String, String> texts = new LinkedHashMap<>();
            texts.put("allocations.csv", files.allocations());
            texts.put("ledger.csv", files.ledger());
            texts.put("scores.csv", files.scores());
            for (String name : texts.keySet()) {
                if (Files.exists(out.resolve(name)) && !force) throw new UsageException(out.resolve(name) + " exists; pass --force to overwrite it");
            }
            for (var e : texts.entrySet()) { // each file written beside and renamed into place, never seen half written
                Path tmp = out.resolve("." + e.getKey() + ".tmp");
                Files.writeString(tmp, e.getValue(), java.nio.charset.StandardCharsets.UTF_8);
                Files.move(tmp, out.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            note(String.format("wrote %,d allocations, %,d ledger lines (%,d returns) and %,d scores to %s",
                    files.stats().allocations(), files.stats().ledgerLines(), files.stats().returns(), files.stats().institutions() - 1, global().out)); // as given: the command pages must not name this machine's folders
            return ExitCodes.OK;
        }
    }
}
