package dev.vbp.workspace;

import dev.vbp.errors.BadInputException;
import dev.vbp.read.Dataset;
import dev.vbp.errors.Echo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a manifest before anything uses it. Every path it names must lie inside the workspace after
 * symbolic links are followed, and in the folder vbp writes such files to ({@code data/} for data and
 * mapping copies, {@code rejects/} for rejects): an absolute path, a {@code ../}, or a link that leads out
 * would let a manifest someone else wrote make vbp read (and echo) or delete any file. Anything wrong is
 * a corrupt workspace: exit 3, and nothing is touched, since imports read the manifest before they write.
 */
final class ManifestCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Workspace ws;
    private final String text;
    private final Path realRoot;

    ManifestCheck(Workspace ws, String text) {
        this.ws = ws;
        this.text = text;
        try {
            this.realRoot = ws.root().toRealPath();
        } catch (IOException e) {
            throw new BadInputException(ws.root() + ": cannot read the workspace (" + Echo.firstLine(e.getMessage()) + ")");
        }
    }

    void check(Manifest m) {
        for (Map.Entry<String, List<Manifest.Entry>> d : m.datasets().entrySet()) {
            if (d.getValue() == null) continue;
            for (Manifest.Entry e : d.getValue()) {
                if (e == null) throw corrupt(d.getKey() + ":", "an empty entry under '" + Echo.cap(d.getKey()) + "'");
                if (e.sha256() == null || !SHA256.matcher(e.sha256()).matches()) {
                    throw corrupt("sha256: " + e.sha256(), "sha256 '" + Echo.cap(String.valueOf(e.sha256()))
                            + "' is not 64 hexadecimal digits");
                }
                if (e.file() == null) throw corrupt("sha256: " + e.sha256(), "an entry has no 'file'");
                inside("file", e.file(), "data/");
                if (e.rejectsFile() != null) inside("rejects_file", e.rejectsFile(), "rejects/");
                // Only ledgers read their mapping back (a copy kept beside the data); other entries name the user's file for the record.
                if (Dataset.LEDGER.id().equals(d.getKey()) && e.mapping() != null) inside("mapping", e.mapping(), "data/");
            }
        }
    }

    private void inside(String key, String relative, String folder) {
        Path resolved;
        try {
            Path given = Path.of(relative);
            if (given.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
                throw corrupt(key + ": " + relative, key + " '" + Echo.cap(relative) + "' is an absolute path");
            }
            resolved = ws.path(relative);
        } catch (InvalidPathException e) {
            throw corrupt(key + ": " + relative, key + " '" + Echo.cap(relative) + "' is not a valid path");
        }
        if (!resolved.startsWith(ws.root().resolve(folder))) {
            throw corrupt(key + ": " + relative, key + " '" + Echo.cap(relative) + "' is outside the workspace's " + folder + " folder");
        }
        // After links: the deepest part of the path that exists must still be inside.
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return;
        try {
            if (!existing.toRealPath().startsWith(realRoot)) {
                throw corrupt(key + ": " + relative, key + " '" + Echo.cap(relative) + "' leads outside the workspace through a link");
            }
        } catch (IOException e) { // a dangling link: where it leads cannot be shown to be inside
            throw corrupt(key + ": " + relative, key + " '" + Echo.cap(relative) + "' is a link that leads nowhere");
        }
    }

    private BadInputException corrupt(String needle, String what) {
        return new BadInputException(ws.manifestPath() + ":" + lineOf(needle) + ": corrupt workspace: " + what
                + "; nothing was read or changed (restore the manifest or import again into a new workspace)");
    }

    /** The line the offending entry is on (the manifest is vbp's own YAML: one key per line). */
    private int lineOf(String needle) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        String key = needle.contains(":") ? needle.substring(0, needle.indexOf(':') + 1) : needle;
        String value = needle.contains(":") ? needle.substring(needle.indexOf(':') + 1).trim() : "";
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.startsWith("- ")) l = l.substring(2).trim();
            if (l.startsWith(key) && (value.isEmpty() || l.substring(key.length()).trim().replaceAll("^['\"]|['\"]$", "").equals(value))) {
                return i + 1;
            }
        }
        return 1;
    }
}
