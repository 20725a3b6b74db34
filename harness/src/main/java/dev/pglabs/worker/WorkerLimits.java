package dev.pglabs.worker;

import java.time.Duration;

/**
 * The limits of a worker process: heap, resident memory and threads for the process as a whole; processor time
 * per call as a multiple of the call's wall-clock limit (two cores' worth: a call may use both); and how much
 * processor time a worker may burn with no call running (a thread the student left spinning) before it is ended.
 */
public record WorkerLimits(int heapMegabytes, long residentBytes, int threads, double cpuPerWallSecond,
                           Duration idleCpu, Duration start) {

    public static WorkerLimits defaults() {
        return new WorkerLimits(256, 1024L << 20, 1000, 2.0, Duration.ofSeconds(3), Duration.ofSeconds(90));
    }
}
