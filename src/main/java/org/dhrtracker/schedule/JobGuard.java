package org.dhrtracker.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * One run at a time per job name in this process: a trigger that finds the job running is
 * skipped, not queued (the next poll or fire time runs it). Across processes, {@link ServeLock}
 * allows one serve per HOME.
 */
@Component
public class JobGuard {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} holding the locks of every name, or returns false at once when one is held.
     * Names are locked in sorted order so two callers cannot each wait for the other.
     */
    public boolean runExclusively(List<String> names, Runnable work) {
        List<ReentrantLock> held = new ArrayList<>();
        try {
            for (String name : new TreeSet<>(names)) {
                ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
                if (!lock.tryLock()) {
                    return false;
                }
                held.add(lock);
            }
            work.run();
            return true;
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}
