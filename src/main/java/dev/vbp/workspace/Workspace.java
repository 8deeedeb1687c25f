package dev.vbp.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.read.DatasetReader;
import dev.vbp.errors.Echo;
import dev.vbp.read.ReadResult;
import dev.vbp.read.ReadSummary;
import dev.vbp.read.InputSource;
import dev.vbp.read.Row;
import dev.vbp.read.ReadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A directory ({@code .vbp/} by default) holding imported datasets in canonical form:
 * <pre>
 * manifest.yaml                 what is here (the commit point of every import)
 * data/&lt;dataset&gt;/&lt;sha&gt;.csv       canonical rows of one imported file
 * rejects/&lt;dataset&gt;/&lt;sha&gt;.csv    its rejected rows, with reasons
 * </pre>
 * Reading goes through {@link #read(Dataset)}; writing through {@link Importer}.
 * <p>
 * A manifest is data, not trust: a {@code .vbp/} may come from a repository or an archive. Every path it
 * names is checked by {@link ManifestCheck} when it is read, so no analysis reads, and no import deletes,
 * a file outside the workspace.
 */
public final class Workspace {
    public static final String DIR_NAME = ".vbp";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;

    public Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The workspace to use: {@code explicit} if given; else {@code $VBP_WORKSPACE} (set on purpose, so it
     * wins over discovery); else the nearest {@code .vbp/} in {@code cwd} or a parent; else {@code cwd/.vbp}.
     */
    public static Workspace locate(Path explicit, Path cwd, Map<String, String> env) {
        if (explicit != null) return new Workspace(explicit);
        String fromEnv = env.get("VBP_WORKSPACE");
        if (fromEnv != null && !fromEnv.isBlank()) return new Workspace(cwd.resolve(fromEnv));
        for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(DIR_NAME))) return new Workspace(dir.resolve(DIR_NAME));
        }
        return new Workspace(cwd.resolve(DIR_NAME));
    }

    /**
     * How the manifest names an imported file: relative to the directory holding the workspace when the file
     * lies under it (a {@code .vbp/} in a project names {@code sample-data/bids.csv} wherever the import ran),
     * else absolute. Never relative to the directory the import happened to run in.
     */
    public String sourceName(Path file) {
        if (file.toString().equals("-")) return "-";
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.getParent();
        return base != null && absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }

    public Path root() { return root; }

    public Path manifestPath() { return root.resolve("manifest.yaml"); }

    public boolean exists() { return Files.isRegularFile(manifestPath()); }

    /** The manifest, checked: every path it names lies inside the workspace. */
    public Manifest manifest() {
        if (!exists()) return Manifest.empty();
        String text;
        try {
            text = Files.readString(manifestPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(manifestPath() + ": the workspace manifest cannot be read ("
                    + Echo.firstLine(e.getMessage()) + ")");
        }
        Manifest m;
        try {
            m = YAML.readValue(text, Manifest.class);
        } catch (IOException e) {
            throw new BadInputException(manifestPath() + ": corrupt workspace: the manifest is not valid ("
                    + Echo.firstLine(e.getMessage()) + "); nothing was changed");
        }
        if (m == null || m.datasets() == null) return Manifest.empty();
        new ManifestCheck(this, text).check(m);
        return m;
    }

    /**
     * A path a manifest names, resolved inside the workspace. Only {@link ManifestCheck} has vetted these;
     * everything else goes through here so that nothing resolves a manifest path on its own.
     */
    public Path path(String relative) {
        return root.resolve(relative).normalize();
    }

    public boolean has(Dataset dataset) {
        return !manifest().entries(dataset.id()).isEmpty();
    }

    /** The dataset's rows from every file imported into it, in import order (not for ledgers: see {@link #files}). */
    public List<ReadResult> read(Dataset dataset) {
        List<ReadResult> results = new ArrayList<>();
        for (Manifest.Entry e : manifest().entries(dataset.id())) {
            results.add(DatasetReader.read(path(e.file()), dataset, ReadSettings.defaults()));
        }
        return results;
    }

    /** The dataset's rows from every file imported into it, in import order, handed to {@code rows} and not kept. */
    public List<ReadSummary> stream(Dataset dataset, int keep, java.util.function.Consumer<Row> rows) {
        List<ReadSummary> results = new ArrayList<>();
        for (Manifest.Entry e : manifest().entries(dataset.id())) {
            Path file = path(e.file());
            results.add(DatasetReader.stream(new InputSource.Opened(file, file.toString(), InputSource.Positions.LINES),
                    dataset, ReadSettings.defaults(), keep, rows));
        }
        return results;
    }

    /** The canonical files of a dataset (for the ledger engine, which streams them itself). */
    public List<Path> files(Dataset dataset) {
        return manifest().entries(dataset.id()).stream().map(e -> path(e.file())).toList();
    }

    /** Header mappings the imported ledgers were checked with (kept beside them), merged for the engine. */
    public java.util.Map<String, String> ledgerAliases() {
        java.util.Map<String, String> aliases = new java.util.LinkedHashMap<>();
        for (Manifest.Entry e : manifest().entries(Dataset.LEDGER.id())) {
            if (e.mapping() != null) {
                aliases.putAll(dev.vbp.read.HeaderMapping.load(path(e.mapping())).columns());
            }
        }
        return aliases;
    }

    public Optional<Manifest.Entry> entryWithHash(Dataset dataset, String sha256) {
        return manifest().entries(dataset.id()).stream().filter(e -> e.sha256().equals(sha256)).findFirst();
    }
}
