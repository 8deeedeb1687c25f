package dev.vbp.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The writes of one import, undone as one. Files are written under names nothing else uses, each to a
 * temporary sibling that is synced and then renamed into place; the import becomes visible only when the new
 * manifest replaces the old one ({@link #commit}). Until then {@link #rollback} deletes exactly what this
 * import created (files and folders), so a failed import (a full disk, a failing rename, a bug) leaves the
 * workspace byte for byte as it was. A process killed half way leaves only files no manifest names, which
 * the next import sweeps ({@link Sweep}).
 */
final class Transaction {
    /** Where a test makes a write fail, as a full disk would. */
    interface Faults {
        Faults NONE = (step, file) -> {};

        /** Called before each step ({@code write}, {@code move}, {@code commit}) on {@code file}; may throw. */
        void at(String step, String file) throws IOException;
    }

    private final Workspace ws;
    private final Faults faults;
    private final List<Path> createdFiles = new ArrayList<>();
    private final List<Path> createdDirs = new ArrayList<>();
    private final Set<String> reserved = new HashSet<>();
    private boolean committed;

    Transaction(Workspace ws, Faults faults) {
        this.ws = ws;
        this.faults = faults;
    }

    /** Creates {@code dir} and its missing parents, remembering which were missing. */
    void createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) missing.add(0, d);
        for (Path d : missing) {
            Files.createDirectory(d);
            createdDirs.add(d);
        }
    }

    /** {@code folder + id + extension}, or with {@code -2}, {@code -3}, … when that name is taken. */
    String freshName(String folder, String id, String extension) {
        String name = folder + id + extension;
        for (int n = 2; reserved.contains(name) || Files.exists(ws.path(name), LinkOption.NOFOLLOW_LINKS); n++) {
            name = folder + id + "-" + n + extension;
        }
        reserved.add(name);
        return name;
    }

    /** Writes a new workspace file: to a temporary sibling, synced, then renamed into place. */
    void write(String relative, Importer.DataWriter data) throws IOException {
        Path target = ws.path(relative);
        createDirectories(target.getParent());
        Path tmp = writeTemporary(relative, target, data);
        faults.at("move", relative);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        createdFiles.add(target);
    }

    /** Replaces the manifest: the one step that makes the import visible. */
    void commit(Importer.DataWriter manifest) throws IOException {
        Path target = ws.manifestPath();
        Path tmp = writeTemporary("manifest.yaml", target, manifest);
        faults.at("commit", "manifest.yaml");
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        createdFiles.remove(tmp);
        syncDirectory(target.getParent());
    }

    boolean committed() { return committed; }

    /** Deletes what this import created, newest first; the workspace is then as it was. */
    void rollback() {
        for (int i = createdFiles.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdFiles.get(i));
            } catch (IOException ignored) {
                // no manifest names it: the next import sweeps it
            }
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirs.get(i));
            } catch (IOException ignored) {
                // not empty (another file appeared) or gone: either way nothing refers to it
            }
        }
    }

    private Path writeTemporary(String relative, Path target, Importer.DataWriter data) throws IOException {
        // A name of its own (never a leftover's): creating it cannot clobber anything, deleting it cannot either.
        Path tmp;
        do {
            tmp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        } while (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS));
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        createdFiles.add(tmp);
        faults.at("write", relative);
        data.writeTo(tmp);
        // Synced before the rename, so a crash of the machine cannot leave a named file with missing bytes.
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return tmp;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform syncs directories; the rename itself is atomic either way
        }
    }
}
