package dev.vbp.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes what no manifest names: temporary files and data of imports that were killed or failed half way,
 * and files a {@code --replace} superseded. Runs only under the workspace lock, when no other import can be
 * writing, so everything unnamed is garbage. Best effort: a file that cannot be removed now goes next time.
 */
final class Sweep {
    private Sweep() {}

    /** Takes the lock and sweeps against the manifest then current; nothing when there is no workspace. */
    static void underLock(Workspace ws) {
        if (!ws.exists()) return;
        Locks.IN_PROCESS.computeIfAbsent(ws.root(), k -> new java.util.concurrent.locks.ReentrantLock()).lock();
        try (FileChannel ch = FileChannel.open(ws.root().resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            unreferenced(ws, ws.manifest());
        } catch (IOException ignored) {
            // a read-only workspace can still be analysed; sweeping waits for a writable one
        } finally {
            Locks.IN_PROCESS.get(ws.root()).unlock();
        }
    }

    /** Deletes files under data/ and rejects/ that {@code current} does not name, and temporary files at the top. */
    static void unreferenced(Workspace ws, Manifest current) {
        Set<String> keep = new HashSet<>();
        current.datasets().forEach((dataset, entries) -> {
            if (entries == null) return;
            for (Manifest.Entry e : entries) {
                keep.add(e.file());
                if (e.rejectsFile() != null) keep.add(e.rejectsFile());
                if (e.mapping() != null) keep.add(e.mapping());
            }
        });
        Set<Path> kept = new HashSet<>();
        for (String k : keep) kept.add(ws.path(k));
        for (String folder : List.of("data", "rejects")) {
            Path dir = ws.path(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) continue; // a link here was not made by vbp: leave it
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (p.equals(dir) || kept.contains(p)) continue;
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        if (isEmpty(p)) Files.deleteIfExists(p);
                    } else if (kept.stream().noneMatch(k -> k.startsWith(p))) {
                        Files.deleteIfExists(p); // a file, or a link that is no kept file's folder
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // best effort
            }
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(ws.root(), "*.tmp")) {
            for (Path p : top) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
