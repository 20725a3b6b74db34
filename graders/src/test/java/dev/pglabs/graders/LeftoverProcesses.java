package dev.pglabs.graders;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Processes a grading run may leave behind: workers of this test's JVM that outlived their grader, and any
 * process of the machine that a hostile case started (its command line carries the case's marker).
 */
final class LeftoverProcesses {

    private static final String WORKER = "dev.pglabs.worker.WorkerMain";

    private LeftoverProcesses() {
    }

    /** Command lines of the leftovers: this JVM's worker descendants and every process that carries {@code marker}. */
    static List<String> now(String marker) {
        List<String> workers = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(LeftoverProcesses::commandLine).flatMap(Optional::stream)
                .filter(c -> c.contains(WORKER)).toList();
        List<String> marked = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(LeftoverProcesses::commandLine).flatMap(Optional::stream)
                .filter(c -> c.contains(marker)).toList();
        return Stream.concat(workers.stream(), marked.stream()).distinct().toList();
    }

    private static Optional<String> commandLine(ProcessHandle p) {
        return p.info().commandLine().or(() -> p.info().command());
    }
}
