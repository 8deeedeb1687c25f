package dev.vbp.cli.options;

import dev.vbp.read.Dataset;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file option of one dataset ({@code --bids FILE}, {@code --institutions FILE} ...), declared once here
 * and mixed into every command that reads the dataset ({@code @Mixin DatasetFiles.Institutions institutions}).
 * Files named this way are read instead of the workspace's copy of the dataset, for ad-hoc audits.
 * A new dataset gets its class here; {@link dev.vbp.cli.DataSources} takes any of them.
 */
public abstract class DatasetFiles {
    /** The dataset these files hold. */
    public abstract Dataset dataset();

    /** The option's name, for messages ("pass --bids FILE"). */
    public abstract String option();

    /** The files given, in order; empty when the option was not used. */
    public abstract List<Path> files();

    public static final class Bids extends DatasetFiles {
        @Option(names = "--bids", paramLabel = "FILE", description = "Bid results file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.BIDS; }
        @Override public String option() { return "--bids"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Baseline extends DatasetFiles {
        @Option(names = "--baseline", paramLabel = "FILE", description = "Pre-VBP price file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.BASELINE; }
        @Override public String option() { return "--baseline"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Institutions extends DatasetFiles {
        @Option(names = "--institutions", paramLabel = "FILE",
                description = "Institution file(s) (names, counties, levels, ownership) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.INSTITUTIONS; }
        @Override public String option() { return "--institutions"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Allocations extends DatasetFiles {
        @Option(names = "--allocations", paramLabel = "FILE", description = "Agreed-volume allocation file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.ALLOCATIONS; }
        @Override public String option() { return "--allocations"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Scores extends DatasetFiles {
        @Option(names = "--scores", paramLabel = "FILE", description = "Assessment score file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.SCORES; }
        @Override public String option() { return "--scores"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Catalog extends DatasetFiles {
        @Option(names = "--catalog", paramLabel = "FILE", description = "Negotiated-drug catalog file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.CATALOG; }
        @Override public String option() { return "--catalog"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Outlets extends DatasetFiles {
        @Option(names = "--outlets", paramLabel = "FILE", description = "Designated outlet file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.OUTLETS; }
        @Override public String option() { return "--outlets"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Stock extends DatasetFiles {
        @Option(names = "--stock", paramLabel = "FILE", description = "Stock file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.STOCK; }
        @Override public String option() { return "--stock"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Prescriptions extends DatasetFiles {
        @Option(names = "--prescriptions", paramLabel = "FILE", description = "Circulated prescription file(s) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.PRESCRIPTIONS; }
        @Override public String option() { return "--prescriptions"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Listings extends DatasetFiles {
        @Option(names = "--listings", paramLabel = "FILE",
                description = "Listed-price file(s) (product, listed price, date, region, status 挂网/撤网) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.LISTINGS; }
        @Override public String option() { return "--listings"; }
        @Override public List<Path> files() { return files; }
    }

    public static final class Prepayments extends DatasetFiles {
        @Option(names = "--prepayments", paramLabel = "FILE",
                description = "Fund prepayment file(s) (institution, date, amount, optional batch) to read instead of the workspace's (repeatable).")
        List<Path> files = new ArrayList<>();

        @Override public Dataset dataset() { return Dataset.PREPAYMENTS; }
        @Override public String option() { return "--prepayments"; }
        @Override public List<Path> files() { return files; }
    }
}
