package dev.pglabs.worker;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where a submission's Java runs: a worker JVM of its own, inside the OS sandbox where there is one
 * ({@link Isolation}). The grader's checks stay in the grader; each call into the student's code is a
 * {@link StudentTask} sent to the worker, with a wall-clock limit, a processor-time limit and the worker's memory
 * and thread limits. A call that breaks a limit ends the worker (and everything it started) and fails with a message
 * that says which limit; the next call gets a fresh worker. One per submission and lab, reused by that lab's checks.
 *
 * <p>The worker reaches only what the grader hands it: compiled classes and folders shared read-only
 * ({@link #code}, {@link #share}), the check's database through a relay that admits only the check's own role
 * ({@link #database}), other servers through plain relays ({@link #route}), and nothing of the environment.
 */
public final class StudentJvm implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("pglabs-worker-watchdog"));
    private static final AtomicLong INCARNATIONS = new AtomicLong();
    private static final Duration RELEASE_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECYCLE_LIMIT = Duration.ofSeconds(5);

    private final Isolation isolation;
    private final WorkerLimits limits;
    private final ClassLoader graderLoader;
    private final Path exchange;
    private final Path files;
    private final Path sockets;
    private final Path hosts;
    private final Set<String> hostNames = new LinkedHashSet<>(List.of("localhost"));
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<Path, CodeRef> shared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> inbound = new ArrayList<>();
    private final AtomicInteger names = new AtomicInteger();
    private WorkerProcess worker;
    private ScheduledFuture<?> watching;
    private long idleCpuMark = -1;
    /** The worker serves requests (lab 09) until the next release: busy between calls by design. */
    private volatile boolean serving;
    private boolean closed;
    /** An earlier worker of this one ended (a limit, a kill, the grader's {@link #end}): never {@link #recycle}d. */
    private boolean restarted;
    /** A second worker started ahead ({@link #spareAhead}), taken when the running one is ended. */
    private WorkerProcess spare;

    /** A server outside the sandbox and the relay that leads to it. */
    private record Endpoint(Path socket, Relay relay, PostgresGuard guard, Map<Long, Integer> insidePorts) {
    }

    public StudentJvm(Isolation isolation, WorkerLimits limits, ClassLoader graderLoader) {
        this.isolation = isolation;
        this.limits = limits;
        this.graderLoader = graderLoader;
        try {
            this.exchange = ScratchFolders.create("pglabs-worker-");
            this.files = Files.createDirectory(exchange.resolve("files"));
            this.sockets = Files.createDirectory(exchange.resolve("sockets"));
            this.hosts = exchange.resolve("hosts");
            // A plain worker's temporary folder: apart from the shares, so that what the student's code leaves there
            // is told from what the grader shared (see recycle).
            Files.createDirectory(exchange.resolve("tmp"));
            writeHosts();
            Files.writeString(exchange.resolve("nsswitch.conf"), "hosts: files\n");
        } catch (IOException e) {
            throw new ProvisioningException("Could not create the worker's shared folder: " + e.getMessage(), e);
        }
    }

    public Isolation isolation() {
        return isolation;
    }

    /** Whether a worker process is running now (one is started on the next call if not). */
    public synchronized boolean alive() {
        return worker != null && worker.alive();
    }

    /** The compiled classes, shared read-only with the worker (copied once per folder). */
    public CodeRef code(CompiledSubmission compiled) {
        return shared.computeIfAbsent(compiled.classesDir(), dir -> new CodeRef(share(dir)));
    }

    /** A read-only copy of a folder (migrations, a lab's files) as the worker sees it: a path to hand to a task. */
    public String share(Path dir) {
        Path copy = files.resolve("f" + names.incrementAndGet());
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path from : walk.toList()) {
                if (Files.isSymbolicLink(from)) {
                    continue;  // links could point anywhere; the grader shares files, not links
                }
                Path to = copy.resolve(dir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not share " + dir + " with the worker", e);
        }
        return copy.toString();
    }

    /** A read-only copy of one file (a CA certificate) as the worker sees it: nothing else of its folder. */
    public String shareFile(Path file) {
        Path copy = files.resolve("f" + names.incrementAndGet());
        try {
            Files.createDirectories(copy);
            Files.copy(file, copy.resolve(file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not share " + file + " with the worker", e);
        }
        return copy.resolve(file.getFileName().toString()).toString();
    }

    /**
     * The check's database as the worker reaches it: the same database, role and password, at a loopback address
     * inside the sandbox. Only this role and database get through the relay.
     */
    public ConnectionTarget database(ConnectionTarget studentTarget) {
        Endpoint endpoint = endpoint(studentTarget.host(), studentTarget.port(), true);
        endpoint.guard().allow(studentTarget.user(), studentTarget.database());
        return new ConnectionTarget("127.0.0.1", insidePort(endpoint, studentTarget.port()),
                studentTarget.database(), studentTarget.user(), studentTarget.password(), studentTarget.parameters());
    }

    /**
     * A server the worker may reach as it is (lab 10's TLS server, lab 11's emulator): the port on the sandbox's
     * loopback that leads to {@code host:port}. Inside, {@code localhost} and the names given to {@link #alias}
     * are loopback.
     */
    public int route(String host, int port) {
        return insidePort(endpoint(host, port, false), port);
    }

    /** Makes {@code hostName} resolve to the sandbox's loopback (for servers reached by name, e.g. TLS). */
    public synchronized void alias(String hostName) {
        if (hostNames.add(hostName)) {
            writeHosts();
        }
    }

    /**
     * A port on the grader's loopback that leads to {@code insidePort} in the worker (a server the student's code
     * started there, lab 09). Valid while this worker lives.
     */
    public int expose(int insidePort) {
        Path socket = sockets.resolve("in-" + names.incrementAndGet() + ".sock");
        try {
            Inbound way = new Inbound(socket);
            synchronized (inbound) {
                inbound.add(way);
            }
            call(Bridge.in(insidePort, socket), Duration.ofSeconds(10), "opening the way to your server");
            way.start(insidePort);
            serving = true;  // requests run in the worker between calls: not a runaway thread
            return way.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a task in the worker within {@code limit}; {@code what} names the call as the student knows it
     * ("DatabaseUrl.parse"). The student's exception ends the check: a starter's TODO as failed ("not implemented
     * yet"), anything else as an error naming the student's lines. Tasks that expect exceptions catch them and
     * return {@link Thrown} as part of their answer.
     */
    public <T extends Serializable> T call(StudentTask<T> task, Duration limit, String what) {
        Wire.Reply reply = send(task, null, limit, what);
        if (reply.thrown() != null) {
            throw feedback(reply.thrown(), what);
        }
        @SuppressWarnings("unchecked")
        T value = (T) reply.value();
        return value;
    }

    /**
     * Forgets (and closes, if it can be closed) an object a task kept; quietly, as clean-up. A handle of a worker
     * that has ended since is gone with it: nothing to close, and no fresh worker is started for it.
     */
    public void release(Handle handle) {
        if (handle == null || !aliveSince(handle)) {
            return;
        }
        try {
            send(null, handle, RELEASE_LIMIT, "closing what your code opened");
            synchronized (this) {
                serving = false;
                idleCpuMark = -1;  // what it used while serving is not a runaway's
            }
        } catch (CheckFailure ignored) {
            // The worker is ended on a limit anyway; nothing is left running.
        }
    }

    private synchronized boolean aliveSince(Handle handle) {
        return worker != null && worker.alive() && worker.incarnation == handle.worker();
    }

    /**
     * Readies the running worker for another grading of the same lab, in a session that keeps workers between
     * gradings ({@code pglabs watch}): the previous grading's classes are dropped there, so the next one loads its
     * own afresh (no statics carried over), and what was shared with it is deleted. Only a worker the previous
     * grading left clean qualifies: still the same process (none ended on a limit or was killed), serving nothing,
     * with no thread, file, system property, locale or time zone of the student's left behind. Returns false when it
     * does not qualify; then close it and use a new one.
     */
    public boolean recycle() {
        if (!mayBeRecycled()) {
            return false;
        }
        boolean untouched;
        synchronized (this) {
            untouched = worker.untouched();
        }
        if (!untouched) {  // a worker started ahead that ran nothing has nothing to leave: no need to ask it
            String left;
            try {
                left = call(new Recycle(), RECYCLE_LIMIT, "checking what the last grading left");
            } catch (CheckFailure e) {
                return false;
            }
            if (left != null) {
                return false;
            }
        }
        shared.clear();
        endpoints.values().forEach(e -> {
            if (e.guard() != null) {
                e.guard().forgetAll();
            }
        });
        try (Stream<Path> copies = Files.list(files)) {
            copies.forEach(ScratchFolders::deleteTree);
        } catch (IOException e) {
            return false;
        }
        synchronized (this) {
            return !restarted && worker.alive();
        }
    }

    /**
     * Whether {@link #recycle} can succeed at all (it also asks the worker what was left): the same worker process
     * still runs, none ended under this one, and it serves nothing.
     */
    public boolean mayBeRecycled() {
        synchronized (this) {
            if (closed || worker == null || !worker.alive() || restarted || serving) {
                return false;
            }
        }
        synchronized (inbound) {
            return inbound.isEmpty();  // lab 09: the student's server ran in this worker
        }
    }

    /**
     * Starts the worker process now, in the background, so that the first call finds it running (a session that
     * keeps workers readies the next grading's while the student edits). A start that fails is tried again, and
     * reported, by that first call.
     */
    public void startAhead() {
        DaemonThreads.start("pglabs-worker-ahead", () -> {
            try {
                live();
            } catch (RuntimeException e) {
                // The next call starts one and says what went wrong.
            }
        });
    }

    /**
     * Starts, in the background, a second worker for when the running one is ended: a grading whose grader restarts
     * the worker on purpose (lab 08 runs its generator check in a worker no other check touched) then does not wait
     * for a JVM to start in the middle. The spare has run nothing; a start that fails is left to the restart itself.
     */
    public void spareAhead() {
        DaemonThreads.start("pglabs-worker-spare", () -> {
            long incarnation = INCARNATIONS.incrementAndGet();
            WorkerProcess started;
            try {
                started = WorkerProcess.start(incarnation, command(incarnation), exchange, limits.start());
            } catch (RuntimeException e) {
                return;
            }
            boolean kept;
            synchronized (this) {
                kept = !closed && spare == null;
                if (kept) {
                    spare = started;
                }
            }
            if (!kept) {
                started.close();
            }
        });
    }

    /**
     * Makes sure the next call runs in a worker no earlier call touched: ends the running worker ({@link #end}) unless it
     * has run nothing yet (one started ahead, or just restarted), which is as fresh as a new one.
     */
    public void ensureFresh(String reason) {
        synchronized (this) {
            if (worker != null && worker.alive() && worker.untouched()) {
                return;
            }
        }
        end(reason);
    }

    /** Whether a spare is started and waiting (tests). */
    synchronized boolean spareReady() {
        return spare != null && spare.alive();
    }

    /** Whether an earlier worker of this one was ended (by a limit or the grader) during its use. */
    public synchronized boolean wasRestarted() {
        return restarted;
    }

    /**
     * Ends the worker now, with everything it runs; the next call starts a fresh one. For what no call's limit
     * sees: a request handler of the student's server in an endless loop (the grader's request timed out while the
     * worker serves). {@code reason} completes "The process that runs your code …" for a call still waiting.
     */
    public void end(String reason) {
        WorkerProcess w;
        synchronized (this) {
            w = worker;
            serving = false;
        }
        if (w != null) {
            w.kill(new WorkerProcess.Ended(true, reason));
        }
    }

    /**
     * What a student's exception means for the check: a starter's TODO fails it as not implemented yet, anything
     * else is an error that names the student's lines.
     */
    public static CheckFailure feedback(Thrown thrown, String what) {
        CheckStatus status = Arrays.stream(CheckStatus.values())
                .filter(s -> s != CheckStatus.PASSED && s.name().equals(thrown.status())).findFirst().orElse(null);
        if (status != null) {
            // The harness's own verdict, reached inside the worker (a missing entity class): kept as it was said.
            return new CheckFailure(status, thrown.message());
        }
        if (thrown.isTodo()) {
            return new CheckFailure(CheckStatus.FAILED, what + " is not implemented yet: " + thrown.message().strip()
                    + ". Replace the throw statement with your code.").notAttempted();
        }
        StringBuilder message = new StringBuilder(what).append(" threw ").append(thrown.describe());
        (thrown.studentFrames().isEmpty() ? thrown.frames() : thrown.studentFrames())
                .forEach(f -> message.append("\n  at ").append(f));
        thrown.causes().forEach(c -> message.append("\n  caused by ").append(c));
        if (thrown.is(StackOverflowError.class)) {
            message.append("\n  A method calls itself without end: check the condition that stops the recursion.");
        }
        return new CheckFailure(CheckStatus.ERROR, message.toString());
    }

    private Wire.Reply send(StudentTask<?> task, Handle release, Duration limit, String what) {
        WorkerProcess w = live();
        synchronized (this) {
            idleCpuMark = -1;  // a call between two samples: its processor time is not idle time
        }
        long cpuBudget = (long) (limit.toNanos() * limits.cpuPerWallSecond());
        CompletableFuture<Wire.Reply> reply = w.send(task, release, cpuBudget);
        try {
            return reply.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            w.kill(new WorkerProcess.Ended(true, "did not finish within " + seconds(limit)));
            throw new CheckFailure(CheckStatus.TIMEOUT, what + " did not finish within " + seconds(limit)
                    + " and was stopped. Look for an endless loop, or a query or lock that waits forever.");
        } catch (InterruptedException e) {
            w.kill(new WorkerProcess.Ended(true, "was stopped because the check ran out of time"));
            Thread.currentThread().interrupt();
            throw new CheckFailure(CheckStatus.TIMEOUT, what + " was stopped because the check ran out of time.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkerProcess.EndedException ended) {
                throw ended(ended.ended, what);
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            w.forget(reply);
        }
    }

    private CheckFailure ended(WorkerProcess.Ended ended, String what) {
        String reason = ended.reason();
        if (ended.timeLimit()) {
            return new CheckFailure(CheckStatus.TIMEOUT, what + " " + reason + " and was stopped. Look for an endless "
                    + "loop, or threads your code started that keep running.");
        }
        if (reason.contains("memory")) {
            return new CheckFailure(CheckStatus.ERROR, what + " " + reason + " (your code runs with "
                    + limits.heapMegabytes() + " MB) and was stopped. Look for a loop that keeps adding to a list, a map "
                    + "or a string without end.");
        }
        if (reason.contains("threads")) {
            return new CheckFailure(CheckStatus.ERROR, what + " " + reason + " and was stopped. Do not start threads "
                    + "in a loop; a lab's code needs none of its own.");
        }
        if (reason.startsWith("ended with exit status")) {
            return new CheckFailure(CheckStatus.ERROR, what + " ended the Java process that runs your code ("
                    + reason.substring("ended with ".length()) + "). Do not call System.exit or Runtime.halt: return "
                    + "from the method, or throw an exception.");
        }
        return new CheckFailure(CheckStatus.ERROR, "The process that runs your code " + reason + " while " + what
                + " ran.");
    }

    /** The worker, started now if there is none or the last one was ended. */
    private synchronized WorkerProcess live() {
        if (closed) {
            throw new IllegalStateException("the worker for this submission is closed");
        }
        if (worker == null || !worker.alive()) {
            restarted |= worker != null;
            if (watching != null) {
                watching.cancel(false);
            }
            WorkerProcess ready = spare;
            spare = null;
            if (ready != null && ready.alive()) {
                worker = ready;
            } else {
                if (ready != null) {
                    ready.close();
                }
                long incarnation = INCARNATIONS.incrementAndGet();
                worker = WorkerProcess.start(incarnation, command(incarnation), exchange, limits.start());
            }
            idleCpuMark = -1;
            serving = false;
            WorkerProcess watched = worker;
            watching = WATCHDOG.scheduleWithFixedDelay(() -> watch(watched), 250, 250, TimeUnit.MILLISECONDS);
        }
        return worker;
    }

    /** One look of the watchdog now, as its next scheduled one would take it (for tests: no waiting on its clock). */
    void watchNow() {
        WorkerProcess w;
        synchronized (this) {
            w = worker;
        }
        if (w != null) {
            watch(w);
        }
    }

    /** Ends a worker that breaks a limit between replies: memory, threads, processor time. */
    private void watch(WorkerProcess w) {
        if (!w.alive()) {
            return;
        }
        long[] memory = w.residentBytesAndThreads();
        if (memory[0] > limits.residentBytes()) {
            w.kill(new WorkerProcess.Ended(false, "used more than " + (limits.residentBytes() >> 20)
                    + " MB of memory"));
            return;
        }
        if (memory[1] > limits.threads()) {
            w.kill(new WorkerProcess.Ended(false, "started more than " + limits.threads() + " threads"));
            return;
        }
        long cpu = w.cpuNanos();
        if (w.idle() && serving) {
            synchronized (this) {
                idleCpuMark = -1;  // requests are answered between calls: busy by design, and no runaway's time
            }
            return;
        }
        if (w.idle()) {
            synchronized (this) {
                if (idleCpuMark < 0) {
                    idleCpuMark = cpu;
                } else if (cpu - idleCpuMark > limits.idleCpu().toNanos() && w.idle()) {
                    // No call is running, yet the worker keeps a core busy: threads the student's code left behind.
                    w.kill(new WorkerProcess.Ended(true, "left threads running after it returned"));
                }
            }
            return;
        }
        synchronized (this) {
            idleCpuMark = -1;
        }
        for (WorkerProcess.Pending p : w.pending().values()) {
            if (cpu - p.cpuAtStart() > p.cpuBudgetNanos()) {
                w.kill(new WorkerProcess.Ended(true, "used more than " + seconds(Duration.ofNanos(p.cpuBudgetNanos()))
                        + " of processor time"));
                return;
            }
        }
    }

    private Endpoint endpoint(String host, int port, boolean postgres) {
        return endpoints.computeIfAbsent(host + ":" + port + (postgres ? ":pg" : ""), key -> {
            Path socket = sockets.resolve("out-" + names.incrementAndGet() + ".sock");
            PostgresGuard guard = postgres ? new PostgresGuard() : null;
            try {
                return new Endpoint(socket, new Relay(socket, host, port, guard), guard, new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new ProvisioningException("Could not open a relay to " + host + ":" + port + ": "
                        + e.getMessage(), e);
            }
        });
    }

    /** The loopback port in the worker that leads to the endpoint (bridged once per worker process). */
    private int insidePort(Endpoint endpoint, int wanted) {
        WorkerProcess w = live();
        Integer known = endpoint.insidePorts().get(w.incarnation);
        if (known != null) {
            return known;
        }
        // In the sandbox the loopback is the worker's own, so the server's port is free there; a plain worker shares
        // the machine's and takes any free port.
        int port = isolation == Isolation.BUBBLEWRAP ? wanted : 0;
        int bound = call(Bridge.out(port, endpoint.socket()), Duration.ofSeconds(10), "opening the way to the server");
        endpoint.insidePorts().put(w.incarnation, bound);
        return bound;
    }

    private List<String> command(long incarnation) {
        WorkerClasspath classpath = WorkerClasspath.get(graderLoader);
        // Looked at once: a new archive may be swapped in meanwhile, and the worker must map the one it was bound.
        Optional<Path> archive = classpath.archive().file();
        List<String> command = new ArrayList<>();
        if (isolation == Isolation.BUBBLEWRAP) {
            command.addAll(Bubblewrap.base());
            for (Path entry : classpath.entries()) {
                command.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
            }
            archive.ifPresent(file -> command.addAll(List.of("--ro-bind", file.toString(), file.toString())));
            command.addAll(List.of("--ro-bind", files.toString(), files.toString(),
                    // Read-only: connecting to a socket needs no write access, and the worker dials every way in.
                    "--ro-bind", sockets.toString(), sockets.toString(),
                    "--ro-bind", hosts.toString(), "/etc/hosts",
                    "--ro-bind", exchange.resolve("nsswitch.conf").toString(), "/etc/nsswitch.conf",
                    // bwrap's own root is a tmpfs: read-only, so only the capped /tmp takes writes.
                    "--remount-ro", "/",
                    "--chdir", "/tmp"));
        }
        command.addAll(List.of(Bubblewrap.javaExecutable(), "-Xmx" + limits.heapMegabytes() + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", "-XX:-UsePerfData", "-Xshare:auto"));
        command.addAll(classpath.archive().jvmOptions(archive, workerTmp()));
        command.addAll(List.of("-Djava.io.tmpdir=" + workerTmp(),
                "-Duser.home=/tmp", "-Dfile.encoding=UTF-8",
                // The student's code sees the grader's time zone and locale: dates and numbers read alike on both.
                "-Duser.timezone=" + TimeZone.getDefault().getID(),
                "-Duser.language=" + Locale.getDefault().getLanguage(),
                "-Duser.country=" + Locale.getDefault().getCountry(),
                "-cp", classpath.asArgument(), WorkerMain.class.getName(), Long.toString(incarnation)));
        return command;
    }

    /** The worker's temporary folder, as the worker sees it. */
    private String workerTmp() {
        return isolation == Isolation.BUBBLEWRAP ? "/tmp" : exchange.resolve("tmp").toString();
    }

    /**
     * Hands the classes a worker loaded to the class-data archive, from a worker that is idle (nothing of the
     * student's is waiting on it); quietly, as part of closing it.
     */
    private void reportLoadedClasses() {
        WorkerArchive archive = WorkerClasspath.get(graderLoader).archive();
        if (!archive.enabled() || worker == null || !worker.alive() || !worker.idle() || serving) {
            return;
        }
        try {
            archive.offer(call(new LoadedClasses(WorkerArchive.loadedList(workerTmp())), Duration.ofSeconds(2),
                    "listing the classes it loaded"));
        } catch (RuntimeException e) {
            // No list from this worker: the archive waits for the next one.
        }
    }

    private void writeHosts() {
        StringBuilder text = new StringBuilder();
        for (String name : hostNames) {
            text.append("127.0.0.1 ").append(name).append('\n');
        }
        try {
            // Written in place: the sandbox sees this very file, bound at its start.
            Files.writeString(hosts, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        reportLoadedClasses();
        closed = true;
        if (watching != null) {
            watching.cancel(false);
        }
        if (worker != null) {
            worker.close();
        }
        if (spare != null) {
            spare.close();
        }
        synchronized (inbound) {
            inbound.forEach(Pipes::quietly);
        }
        endpoints.values().forEach(e -> e.relay().close());
        ScratchFolders.deleteTree(exchange);
    }

    private static String seconds(Duration limit) {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
