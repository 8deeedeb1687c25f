package dev.vbp.workspace;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** File locks exclude other processes; threads of this one (tests, a future shell) queue on these first. */
final class Locks {
    static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private Locks() {}
}
