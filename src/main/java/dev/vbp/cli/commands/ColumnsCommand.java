package dev.vbp.cli.commands;

import dev.vbp.cli.BaseCommand;
import dev.vbp.cli.ExitCodes;
import dev.vbp.cli.options.DatasetIds;
import dev.vbp.errors.BadInputException;
import dev.vbp.output.Column;
import dev.vbp.output.Report;
import dev.vbp.output.ValueKind;
import dev.vbp.read.Dataset;
import dev.vbp.read.Field;
import dev.vbp.read.FieldType;
import dev.vbp.read.UnitPrices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "columns",
        description = {"The columns of a dataset as vbp reads them: canonical name, whether a file must have it, the",
                "headers accepted for it, and an example value. --map-template writes a mapping file to fill in."},
        footerHeading = "%nExamples:%n",
        footer = {"  vbp columns bids", "  vbp columns stock --map-template target/stock-mapping.yaml"})
public class ColumnsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "DATASET", descriptionKey = "dataset.id", completionCandidates = DatasetIds.class,
            description = "One of: ${COMPLETION-CANDIDATES}.")
    String dataset;

    @Option(names = "--map-template", paramLabel = "FILE",
            description = "Write a mapping file for this dataset (every column, commented out) to fill in and pass with --map.")
    Path template;

    /** Examples of values, where the type alone says too little. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("batch_id", "4+7"), Map.entry("product_code", "XC08CAE170A010487689232"),
            Map.entry("drug_code", "XL01EBE648A010723988018"), Map.entry("generic_name", "苯磺酸氨氯地平片"),
            Map.entry("institution_code", "H51340100001"), Map.entry("hospital_code", "H51340100001"),
            Map.entry("pharmacy_code", "P51340100001"), Map.entry("outlet_code", "H51340100001"),
            Map.entry("prescription_id", "RX2026000001"), Map.entry("name", "凉山州第一人民医院"),
            Map.entry("county", "西昌市"), Map.entry("level", "三级"), Map.entry("dosage_form", "片"),
            Map.entry("manufacturer", "浙江京新药业股份有限公司"), Map.entry("region", "四川省"),
            Map.entry("drug_class", "乙"), Map.entry("payment_standard", "1.58元(每片)"),
            Map.entry("agreement_period", "2026年1月1日至2027年12月31日"), Map.entry("period", "2025"),
            Map.entry("remarks", "-"), Map.entry("score", "92.5"), Map.entry("unit_price", "0.943"),
            Map.entry("ceiling_unit_price", "1.9071"));

    @Override
    protected int execute() throws IOException {
        Dataset d = DatasetIds.parse(dataset);
        if (template != null) {
            writeTemplate(d, template);
            note("wrote " + template + ": fill in the headers of your file, then pass --map " + template);
            return ExitCodes.OK;
        }
        Report report = new Report("columns", List.of(
                new Column("column", "Column", "列", ValueKind.TEXT),
                new Column("required", "Required", "必需", ValueKind.FLAG),
                new Column("type", "Type", "类型", ValueKind.TEXT),
                new Column("aliases", "Accepted headers", "可识别的表头", ValueKind.TEXT),
                new Column("example", "Example", "示例", ValueKind.TEXT),
                new Column("note", "Note", "说明", ValueKind.TEXT)));
        report.parameter("dataset", d.id());
        for (Field f : d.fields()) {
            report.row(f.name(), f.required(), f.type().name().toLowerCase(java.util.Locale.ROOT), String.join(", ", f.aliases()), example(f),
                    UnitPrices.note(d, f));
        }
        render(report);
        return ExitCodes.OK;
    }

    static String example(Field f) {
        String e = EXAMPLES.get(f.name());
        if (e != null) return e;
        return switch (f.type()) {
            case DATE -> "2024-01-31";
            case YEAR -> "2017";
            case COUNT -> "28";
            case DECIMAL -> "4.16";
            case PRICE -> "12.80";
            case SIGNED_DECIMAL -> "-12.50";
            case FLAG -> "y";
            case CHANNEL -> "线上";
            case CATEGORY -> "药品";
            case OWNERSHIP -> "public";
            case OUTLET_TYPE -> "pharmacy";
            case LISTING_STATUS -> "listed";
            case DELIVERY_STATUS -> "已配送";
            case STRENGTH -> "5mg";
            case CODE, MEDICAL_CODE, TEXT -> "";
        };
    }

    private static void writeTemplate(Dataset d, Path file) {
        StringBuilder b = new StringBuilder();
        b.append("# vbp header mapping for ").append(d.id()).append(" (").append(d.chineseName()).append(")\n");
        b.append("# Each line maps a header of your file (left) to a vbp column (right). Replace the left side with\n");
        b.append("# your file's header, e.g.  本次中选单价: bid_price ; lines left as they are change nothing.\n");
        b.append("dataset: ").append(d.id()).append("\n");
        b.append("columns:\n");
        for (Field f : d.fields()) {
            b.append("  ").append(f.name()).append(": ").append(f.name())
                    .append("    # ").append(!f.required() ? "optional" : f.unlessGiven() == null ? "required"
                            : "required unless " + f.unlessGiven() + " is given").append(", ").append(f.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(example(f).isEmpty() ? "" : ", e.g. " + example(f))
                    .append("; built-in headers: ").append(String.join(", ", f.aliases())).append("\n");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
