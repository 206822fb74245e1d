package org.dhrtracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap in use and the CPU time of the process over time, to give the peak heap and the CPU
 * seconds of any interval. The heap is sampled every few milliseconds and read from every
 * collection's "before" figures, which are the true local peaks a sampler can miss; peaks are heap
 * in use (all heap pools together), not heap committed. CPU time is the whole process's (every
 * thread, the collector's and the compiler's too): on a busy machine it says what a stage cost
 * better than the time on the clock.
 */
final class ProcessWatch implements AutoCloseable {

    /** Heap in use at a moment (epoch milliseconds). */
    private record Point(long at, long used) {
    }

    private static final long SAMPLE_MILLIS = 5;
    /** CPU times are read every this many samples: a run of half an hour keeps its figures small. */
    private static final int CPU_EVERY = 10;

    private final List<Point> points = new ArrayList<>();
    /** Heap in use after each collection: what was still live then. */
    private final List<Point> afterCollections = new ArrayList<>();
    /** CPU nanoseconds of the process and of the watched thread at moments (epoch milliseconds), in order. */
    private final List<long[]> cpu = new ArrayList<>();
    /** The thread that runs the jobs and the floors: the one that started the watch. */
    private final long watched = Thread.currentThread().getId();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            add(jvmStart + info.getStartTime(), heapUsed(info.getMemoryUsageBeforeGc()));
            synchronized (this) {
                afterCollections.add(new Point(jvmStart + info.getEndTime(), heapUsed(info.getMemoryUsageAfterGc())));
            }
        }
    };
    private final Thread sampler;
    private volatile boolean running = true;

    ProcessWatch() {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        var memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            for (long n = 0; running; n++) {
                long now = System.currentTimeMillis();
                add(now, memory.getHeapMemoryUsage().getUsed());
                if (n % CPU_EVERY == 0) {
                    synchronized (this) {
                        cpu.add(new long[] {now, os.getProcessCpuTime(), threads.getThreadCpuTime(watched)});
                    }
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    private synchronized void add(long at, long used) {
        // Consecutive samples of the same figure add nothing to a peak.
        if (!points.isEmpty() && points.get(points.size() - 1).used() == used) {
            return;
        }
        points.add(new Point(at, used));
    }

    /** The most heap in use between the two moments (epoch milliseconds), in bytes. */
    synchronized long peak(long from, long to) {
        return peak(points, from, to);
    }

    /**
     * The most heap still in use after a collection between the two moments: the data the run
     * really held, where {@link #peak} also counts garbage not yet collected.
     */
    synchronized long peakLive(long from, long to) {
        return peak(afterCollections, from, to);
    }

    private static long peak(List<Point> points, long from, long to) {
        long peak = 0;
        for (Point p : points) {
            if (p.at() >= from && p.at() <= to) {
                peak = Math.max(peak, p.used());
            }
        }
        return peak;
    }

    /** CPU seconds the process used between the two moments (epoch milliseconds). */
    double cpuSeconds(long from, long to) {
        return cpu(from, to, 1);
    }

    /**
     * CPU seconds of the thread that started the watch (the one that runs the jobs and the floors)
     * between the two moments: what the work itself cost, without the collector's and compiler's threads.
     */
    double threadCpuSeconds(long from, long to) {
        return cpu(from, to, 2);
    }

    private synchronized double cpu(long from, long to, int column) {
        long first = -1;
        long last = -1;
        for (long[] c : cpu) {
            if (c[0] <= from || first < 0) {
                first = c[column];
            }
            if (c[0] <= to) {
                last = c[column];
            }
        }
        return first < 0 ? 0 : (last - first) / 1e9;
    }

    /** The maximum heap the JVM may use (-Xmx). */
    static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // Already gone.
            }
        }
    }
}
