package dev.pglabs.worker;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.provisioning.ProvisioningException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One running worker JVM and its protocol: sends requests, hands each reply to the call waiting for it, and, when
 * the process ends or is killed, fails every waiting call with the reason. Killing takes the whole process tree.
 */
final class WorkerProcess {

    /** Why a worker ended, as the waiting calls report it. */
    record Ended(boolean timeLimit, String reason) {
    }

    /** Thrown to a waiting call when its worker ended under it. */
    static final class EndedException extends Exception {
        final Ended ended;

        EndedException(Ended ended) {
            super(ended.reason(), null, false, false);
            this.ended = ended;
        }
    }

    /** A call in flight: its answer, and the processor time the worker had used when it began. */
    record Pending(CompletableFuture<Wire.Reply> reply, long cpuAtStart, long cpuBudgetNanos) {
    }

    private static final int STDERR_KEPT = 4096;
    /** Processes looked at per sample at most: past the thread limit a tree is ended anyway. */
    private static final int TREE_LIMIT = 10_000;
    /**
     * Starts every worker process. Bubblewrap's --die-with-parent ends the sandbox when the thread that started it
     * ends (Linux's parent-death signal follows the thread, not the process), and checks run on threads that end
     * with the check: started from one of those, the worker was killed (exit status 137) after the first check.
     */
    private static final ExecutorService SPAWNER = Executors
            .newSingleThreadExecutor(DaemonThreads.named("pglabs-worker-spawner"));

    /** {@code builder.start()} on the long-lived {@link #SPAWNER} thread; waits for it even when interrupted. */
    private static Process spawn(ProcessBuilder builder) throws IOException {
        Future<Process> started = SPAWNER.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    interrupted = true;  // the process may start anyway: take it, so it can be ended like any other
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final long incarnation;
    private final Process process;
    private final DataOutputStream requests;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();
    /** Completed when the worker's standard error reaches its end: its last words have been read. */
    private final CompletableFuture<Void> stderrRead = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Ended ended;

    private WorkerProcess(long incarnation, Process process) {
        this.incarnation = incarnation;
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        Pipes.start("worker-replies-" + incarnation, this::readReplies);
        Pipes.start("worker-stderr-" + incarnation, () -> drain(process.getErrorStream()));
    }

    /** Starts the command and waits until the worker says it is ready. */
    static WorkerProcess start(long incarnation, List<String> command, Path workDir, Duration startLimit) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            builder.environment().clear();
            process = spawn(builder);
        } catch (IOException e) {
            throw new ProvisioningException("Could not start the worker process for student code: " + e.getMessage(), e);
        }
        WorkerProcess worker = new WorkerProcess(incarnation, process);
        try {
            worker.ready.get(startLimit.toMillis(), TimeUnit.MILLISECONDS);
            return worker;
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            worker.kill(new Ended(false, "did not start"));
            throw new ProvisioningException("The worker process for student code did not start"
                    + (e instanceof TimeoutException ? " within " + startLimit.toSeconds() + " s" : "")
                    + ". What it said: " + worker.stderrTail(), e);
        }
    }

    /** Sends a request; the future completes with the reply, or exceptionally with {@link EndedException}. */
    CompletableFuture<Wire.Reply> send(StudentTask<?> task, Handle release, long cpuBudgetNanos) {
        long id = ids.incrementAndGet();
        CompletableFuture<Wire.Reply> reply = new CompletableFuture<>();
        pending.put(id, new Pending(reply, cpuNanos(), cpuBudgetNanos));
        Ended already = ended;
        if (already != null) {
            pending.remove(id);
            reply.completeExceptionally(new EndedException(already));
            return reply;
        }
        try {
            Wire.writeFrame(requests, new Wire.Request(id, task, release));
        } catch (IOException e) {
            kill(new Ended(false, "stopped answering (" + e.getMessage() + ")"));
        }
        return reply;
    }

    void forget(CompletableFuture<Wire.Reply> reply) {
        pending.values().removeIf(p -> p.reply() == reply);
    }

    /** Whether nothing was ever sent to this process: it has run nothing of anyone's (a worker started ahead). */
    boolean untouched() {
        return ids.get() == 0;
    }

    boolean alive() {
        return ended == null && process.isAlive();
    }

    boolean idle() {
        return pending.isEmpty();
    }

    Map<Long, Pending> pending() {
        return pending;
    }

    /** Ends the worker and everything it started; waiting calls fail with {@code why}. */
    void kill(Ended why) {
        synchronized (this) {
            if (ended == null) {
                ended = why;
            }
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        failAll();
    }

    /** Closes the worker's input (it exits by itself) and makes sure it is gone. */
    void close() {
        Pipes.quietly(requests);
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill(new Ended(false, "was closed"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(new Ended(false, "was closed"));
        }
        synchronized (this) {
            if (ended == null) {
                ended = new Ended(false, "was closed");
            }
        }
        failAll();
    }

    /** Processor time of the worker and its children, in nanoseconds (0 where the system does not tell). */
    long cpuNanos() {
        long total = 0;
        for (ProcessHandle p : tree()) {
            total += cpu(p);
        }
        return total;
    }

    /** Resident memory (bytes) and threads of the worker's process tree, from /proc (zeros elsewhere). */
    long[] residentBytesAndThreads() {
        long bytes = 0;
        long threads = 0;
        for (ProcessHandle p : tree()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        bytes += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    } else if (line.startsWith("Threads:")) {
                        threads += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // Gone already, or not Linux.
            }
        }
        return new long[] {bytes, threads};
    }

    /**
     * The worker's process and everything below it. Read from each process's {@code /proc/<pid>/task/<tid>/children}
     * where Linux has them: {@link ProcessHandle#descendants()} scans every process on the machine, and the watchdog
     * asks four times a second per worker (a measurable share of a core on a machine with hundreds of processes).
     */
    private List<ProcessHandle> tree() {
        ProcessHandle root = process.toHandle();
        if (!Files.isDirectory(Path.of("/proc", Long.toString(root.pid()), "task"))) {
            return Stream.concat(Stream.of(root), process.descendants()).toList();
        }
        List<ProcessHandle> tree = new ArrayList<>();
        Deque<Long> next = new ArrayDeque<>(List.of(root.pid()));
        while (!next.isEmpty() && tree.size() < TREE_LIMIT) {
            long pid = next.poll();
            ProcessHandle.of(pid).ifPresent(tree::add);
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks) {
                    for (String child : Files.readString(task.resolve("children")).trim().split("\\s+")) {
                        if (!child.isEmpty()) {
                            next.add(Long.parseLong(child));
                        }
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // The process (or one of its threads) ended while being read: its children are re-parented.
            }
        }
        return tree;
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString().strip();
        }
    }

    private static long cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private void readReplies() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
            for (byte[] frame; (frame = Wire.readFrame(in)) != null; ) {
                Wire.Reply reply = Wire.readReply(frame);
                if (reply.id() == 0) {
                    ready.complete(null);
                    continue;
                }
                Pending waiting = pending.remove(reply.id());
                if (waiting != null) {
                    waiting.reply().complete(reply);
                }
            }
            exited();
        } catch (IOException e) {
            kill(new Ended(false, "sent an answer the grader cannot read: " + e.getMessage()));
        }
    }

    private void exited() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            // The JVM's "Terminating due to java.lang.OutOfMemoryError" may still be in the pipe when the process
            // is gone: read it to the end before telling a memory limit from System.exit(3). Bounded, in case a
            // leftover child still holds the pipe open.
            try {
                stderrRead.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Classify with what was read.
            }
        }
        String why;
        if (process.isAlive()) {
            why = "closed its output";
        } else if (process.exitValue() == 3 && stderrTail().contains("OutOfMemoryError")) {
            why = "ran out of memory";
        } else if (process.exitValue() > 128) {
            why = "was ended by signal " + (process.exitValue() - 128);
        } else {
            why = "ended with exit status " + process.exitValue();
        }
        kill(new Ended(false, why));
        ready.completeExceptionally(new IllegalStateException(why));
    }

    private void failAll() {
        Ended why = ended;
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.reply().completeExceptionally(new EndedException(why));
            }
        }
        ready.completeExceptionally(new IllegalStateException(why.reason()));
    }

    private void drain(InputStream stderr) {
        byte[] buffer = new byte[4096];
        try (stderr) {
            for (int n; (n = stderr.read(buffer)) >= 0; ) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_KEPT) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process is gone.
        } finally {
            stderrRead.complete(null);
        }
    }
}
