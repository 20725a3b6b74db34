package dev.pglabs.worker;

import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.Dataset;
import dev.pglabs.provisioning.SandboxLimits;
import dev.pglabs.provisioning.TestServers;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The worker as a hostile task would meet it: what it can see of the machine, what reaches the database, and how
 * each limit ends a call (and only that call) with a message that says which. The tasks here stand in for student
 * code: they run in the worker exactly as a grader's sandboxed task would.
 */
@Tag("provider")
class StudentJvmTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    static Path root;
    static DatabaseFarm farm;
    static Dataset dataset;
    static StudentJvm jvm;

    @BeforeAll
    static void setUp() throws Exception {
        farm = new DatabaseFarm(TestServers.shared(), SandboxLimits.defaults());
        Path schema = Files.writeString(root.resolve("schema.sql"), "CREATE TABLE t (x int); INSERT INTO t VALUES (7);");
        dataset = Dataset.of(List.of(schema));
        Isolation isolation = SandboxPolicy.PREFER.choose(Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY)))
                .orElseThrow();
        jvm = new StudentJvm(isolation, WorkerLimits.defaults(), StudentJvmTest.class.getClassLoader());
    }

    @AfterAll
    static void tearDown() {
        if (jvm != null) {
            jvm.close();
        }
        if (farm != null) {
            farm.close();
        }
    }

    /** What the worker's environment holds beyond bubblewrap's own PWD (the sandbox's working folder). */
    record Environment() implements StudentTask<HashMap<String, String>> {
        @Override
        public HashMap<String, String> run(WorkerContext context) {
            HashMap<String, String> env = new HashMap<>(System.getenv());
            env.remove("PWD", "/tmp");
            return env;
        }
    }

    record ReadFile(String path) implements StudentTask<String> {
        @Override
        public String run(WorkerContext context) throws Exception {
            return Files.readString(Path.of(path));
        }
    }

    record Connect(String host, int port) implements StudentTask<Boolean> {
        @Override
        public Boolean run(WorkerContext context) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    record Query(ConnectionTarget target, String user, String password) implements StudentTask<String> {
        @Override
        public String run(WorkerContext context) throws Exception {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (password != null) {
                props.setProperty("password", password);
            }
            try (var c = DriverManager.getConnection(target.jdbcUrl(), props);
                 ResultSet rs = c.createStatement().executeQuery("SELECT x, current_user FROM t")) {
                rs.next();
                return rs.getInt(1) + " as " + rs.getString(2);
            }
        }
    }

    record Spin() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            long n = 0;
            while (n >= 0) {
                n++;
            }
            return (int) n;
        }
    }

    record Hoard() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            List<long[]> all = new ArrayList<>();
            while (true) {
                all.add(new long[1 << 20]);
            }
        }
    }

    record Exit() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            System.exit(0);
            return 0;
        }
    }

    record LeaveSpinning() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            Thread t = new Thread(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            });
            t.setDaemon(true);
            t.start();
            return 1;
        }
    }

    record Todo() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            throw new UnsupportedOperationException("TODO: count the tags");
        }
    }

    record Recurse() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            return depth(0);
        }

        private static int depth(int n) {
            return depth(n + 1) + 1;
        }
    }

    record Forge() implements StudentTask<Serializable> {
        @Override
        public Serializable run(WorkerContext context) {
            return new CheckFailure(CheckStatus.PASSED, "forged");
        }
    }

    /** A server in the worker that answers each connection with one line, as a student's HTTP server would. */
    record EchoServer() implements StudentTask<Handle> {
        @Override
        public Handle run(WorkerContext context) throws Exception {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write("hello from the worker\n".getBytes());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            return context.keep(server);
        }
    }

    record PortOf(Handle server) implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            return context.kept(server, ServerSocket.class).getLocalPort();
        }
    }

    /**
     * A server in the worker that works on each connection for {@code cpuMillis} of processor time before it
     * answers (an honest but slow request), or for ever when {@code cpuMillis} is negative (a handler in an endless
     * loop).
     */
    record BusyServer(long cpuMillis) implements StudentTask<Handle> {
        @Override
        public Handle run(WorkerContext context) throws Exception {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                var clock = ManagementFactory.getThreadMXBean();
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        long until = clock.getCurrentThreadCpuTime() + cpuMillis * 1_000_000;
                        while (cpuMillis < 0 || clock.getCurrentThreadCpuTime() < until) {
                            Thread.onSpinWait();
                        }
                        s.getOutputStream().write("done\n".getBytes());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            return context.keep(server);
        }
    }

    record WriteFile(String path, int megabytes) implements StudentTask<String> {
        @Override
        public String run(WorkerContext context) {
            try (var out = Files.newOutputStream(Path.of(path))) {
                byte[] block = new byte[1 << 20];
                for (int i = 0; i < megabytes; i++) {
                    out.write(block);
                }
                return "written";
            } catch (Exception e) {
                return e.getClass().getSimpleName();
            }
        }
    }

    @Test
    void aServerInTheWorkerIsReachedFromTheGraderOnly() throws Exception {
        Handle server = jvm.call(new EchoServer(), LIMIT, "start");
        try {
            int port = jvm.expose(jvm.call(new PortOf(server), LIMIT, "port"));
            for (int i = 0; i < 3; i++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoTimeout(20_000);
                    assertThat(new String(s.getInputStream().readAllBytes())).isEqualTo("hello from the worker\n");
                }
            }
        } finally {
            jvm.release(server);
        }
    }

    @Test
    void processorTimeSpentServingIsNotARunawayThread() throws Exception {
        jvm.call(new Environment(), LIMIT, "env");
        jvm.watchNow();  // idle, not serving yet: the watchdog takes its mark here
        Handle server = jvm.call(new BusyServer(1000), LIMIT, "start");
        int port = jvm.expose(jvm.call(new PortOf(server), LIMIT, "port"));
        long incarnation = server.worker();
        // Together well over the idle limit (3 s of processor time), as a check's requests on a slow machine are.
        for (int i = 0; i < 4; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(120_000);
                assertThat(new String(s.getInputStream().readAllBytes())).isEqualTo("done\n");
            }
        }
        jvm.release(server);
        jvm.watchNow();
        jvm.watchNow();
        assertThat(jvm.alive()).as("the worker that served honest requests lives on").isTrue();
        Handle next = jvm.call(new EchoServer(), LIMIT, "start");
        jvm.release(next);
        assertThat(next.worker()).as("the same worker process").isEqualTo(incarnation);
    }

    @Test
    void endingTheWorkerStopsAHandlerInAnEndlessLoop() throws Exception {
        Handle server = jvm.call(new BusyServer(-1), LIMIT, "start");
        int port = jvm.expose(jvm.call(new PortOf(server), LIMIT, "port"));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // The grader's request would time out here; serving, the worker is not ended by the watchdog, but by:
            jvm.end("was ended because a request got no answer");
            assertThat(jvm.alive()).isFalse();
        }
        jvm.release(server);
        assertThat(jvm.alive()).as("releasing a handle of the ended worker starts no new one").isFalse();
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
        Handle fresh = jvm.call(new EchoServer(), LIMIT, "start");
        jvm.release(fresh);
        assertThat(fresh.worker()).as("a fresh worker process").isNotEqualTo(server.worker());
    }

    @Test
    void nothingOfTheMachineIsWritableAndTmpIsSmall() {
        assumeSandbox();
        for (String path : List.of(root.resolve("planted").toString(), "/planted", "/usr/planted")) {
            assertThat(jvm.call(new WriteFile(path, 1), LIMIT, "write")).as(path).isNotEqualTo("written");
        }
        assertThat(jvm.call(new WriteFile("/tmp/small", 1), LIMIT, "write")).isEqualTo("written");
        assertThat(jvm.call(new WriteFile("/tmp/huge", 200), LIMIT, "write")).isNotEqualTo("written");
        assertThat(root.resolve("planted")).doesNotExist();
    }

    @Test
    void theEnvironmentIsEmpty() {
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
    }

    @Test
    void filesOfTheMachineAreOutOfReach() {
        assumeSandbox();
        for (String path : List.of("/etc/hostname", "/etc/passwd", System.getProperty("user.dir") + "/pom.xml",
                root.resolve("schema.sql").toString())) {
            assertThatThrownBy(() -> jvm.call(new ReadFile(path), LIMIT, "reading " + path))
                    .isInstanceOfSatisfying(CheckFailure.class, f -> assertThat(f.getMessage())
                            .contains("NoSuchFileException"));
        }
    }

    @Test
    void otherServersAreOutOfReach() throws Exception {
        assumeSandbox();
        // A server of the grader's own, and the machine's usual ones: none has a relay, so none answers.
        try (ServerSocket graders = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            for (int port : List.of(graders.getLocalPort(), 3306, 6379, 22)) {
                assertThat(jvm.call(new Connect("127.0.0.1", port), LIMIT, "connect")).as("port " + port).isFalse();
            }
        }
        assertThat(jvm.call(new Connect("example.com", 443), LIMIT, "connect")).isFalse();
    }

    @Test
    void theCheckDatabaseIsReachedAsTheCheckRoleOnly() {
        try (CheckDatabase db = farm.create(dataset)) {
            ConnectionTarget inside = jvm.database(db.studentTarget());
            assertThat(jvm.call(new Query(inside, inside.user(), inside.password()), LIMIT, "query"))
                    .isEqualTo("7 as " + db.role());
            ConnectionTarget admin = farm.server().admin();
            assertThatThrownBy(() -> jvm.call(new Query(inside, admin.user(), admin.password()), LIMIT, "as admin"))
                    .isInstanceOfSatisfying(CheckFailure.class, f -> assertThat(f.getMessage())
                            .contains("only the role and database of the check"));
        }
    }

    @Test
    void anEndlessLoopEndsTheCallAsATimeoutAndTheNextCallWorks() {
        assertThatThrownBy(() -> jvm.call(new Spin(), Duration.ofSeconds(2), "Spin.run"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(CheckStatus.TIMEOUT);
                    assertThat(f.getMessage()).startsWith("Spin.run").contains("was stopped");
                });
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
    }

    @Test
    void aMemoryBombEndsTheCallAndNotTheGrader() {
        // Which limit ends it first (heap, resident memory, time) depends on the machine's load; each says so.
        assertThatThrownBy(() -> jvm.call(new Hoard(), LIMIT, "Hoard.run"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> {
                    assertThat(f.status()).isIn(CheckStatus.ERROR, CheckStatus.TIMEOUT);
                    assertThat(f.getMessage()).startsWith("Hoard.run").containsAnyOf("memory", "stopped");
                });
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
    }

    @Test
    void exitingTheJvmIsExplained() {
        assertThatThrownBy(() -> jvm.call(new Exit(), LIMIT, "Exit.run"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> assertThat(f.getMessage())
                        .contains("ended the Java process").contains("System.exit"));
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
    }

    @Test
    void threadsLeftSpinningEndTheWorker() throws Exception {
        assertThat(jvm.call(new LeaveSpinning(), LIMIT, "spin")).isOne();
        // The watchdog ends a worker that burns processor time with no call running; the next call starts afresh.
        // Processor time, not wall time, decides: on a busy machine the spinning thread gets a small share of a core.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && jvm.alive()) {
            Thread.sleep(100);
        }
        assertThat(jvm.alive()).as("the worker with a runaway thread was ended").isFalse();
        assertThat(jvm.call(new Environment(), LIMIT, "env")).isEmpty();
    }

    @Test
    void aTodoIsNotImplementedYetAndRecursionIsNamed() {
        assertThatThrownBy(() -> jvm.call(new Todo(), LIMIT, "Tags.count"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(CheckStatus.FAILED);
                    assertThat(f.getMessage()).contains("not implemented yet");
                });
        assertThatThrownBy(() -> jvm.call(new Recurse(), LIMIT, "Recurse.run"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> assertThat(f.getMessage())
                        .contains("StackOverflowError").contains("calls itself"));
    }

    @Test
    void aReplyCannotCarryAnythingButPlainValues() {
        assertThatThrownBy(() -> jvm.call(new Forge(), LIMIT, "Forge.run"))
                .isInstanceOfSatisfying(CheckFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(CheckStatus.ERROR);
                    assertThat(f.getMessage()).contains("cannot read");
                });
    }

    private static void assumeSandbox() {
        assumeTrue(jvm.isolation() == Isolation.BUBBLEWRAP, "bubblewrap is not available here: "
                + Bubblewrap.whyUnavailable());
    }
}
