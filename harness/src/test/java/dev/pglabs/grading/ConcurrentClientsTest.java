package dev.pglabs.grading;

import dev.pglabs.grading.ConcurrentClients.Call;
import dev.pglabs.grading.ConcurrentClients.Isolation;
import dev.pglabs.grading.ConcurrentClients.Options;
import dev.pglabs.grading.ConcurrentClients.Report;
import dev.pglabs.grading.ConcurrentClients.Result;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.DatabaseFarm;
import dev.pglabs.provisioning.DatabaseServer;
import dev.pglabs.provisioning.Dataset;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.SandboxLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The concurrent-client runner on a real server: its gates make races happen on every run (no timing in the
 * assertions: each outcome below is forced by the locks, not by luck), retries are counted, and a run that hangs
 * is stopped.
 */
@Tag("provider")
class ConcurrentClientsTest {

    @TempDir
    static Path scripts;
    static DatabaseServer server;
    static DatabaseFarm farm;
    static Dataset dataset;

    private static final String FUNCTIONS = """
            CREATE FUNCTION bump_read_then_write(p_id integer) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE v integer;
            BEGIN
                SELECT n INTO v FROM counters WHERE id = p_id;
                UPDATE counters SET n = v + 1 WHERE id = p_id;
            END $$;
            CREATE FUNCTION bump(p_id integer) RETURNS void LANGUAGE sql AS
                'UPDATE counters SET n = n + 1 WHERE id = p_id';
            CREATE FUNCTION move_in_direction(p_from integer, p_to integer) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE counters SET n = n - 1 WHERE id = p_from;
                UPDATE counters SET n = n + 1 WHERE id = p_to;
            END $$;
            CREATE FUNCTION move_in_id_order(p_from integer, p_to integer) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM counters WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;
                UPDATE counters SET n = n - 1 WHERE id = p_from;
                UPDATE counters SET n = n + 1 WHERE id = p_to;
            END $$;
            """;

    @BeforeAll
    static void startFarm() throws Exception {
        server = Provisioning.fromEnvironment().start(Optional.empty());
        farm = new DatabaseFarm(server, SandboxLimits.defaults());
        Files.writeString(scripts.resolve("schema.sql"),
                "CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counters VALUES (1, 0), (2, 0);");
        dataset = Dataset.of(List.of(scripts.resolve("schema.sql")));
    }

    @AfterAll
    static void stopFarm() {
        if (farm != null) {
            farm.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<List<Call>> sameCall(int clients, Call call) {
        List<List<Call>> plan = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            plan.add(List.of(call));
        }
        return plan;
    }

    private static int counter(CheckDatabase db, int id) throws SQLException {
        try (Connection c = db.openAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n FROM counters WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @DisplayName("behind a gate every client reads before anyone writes: read-then-write loses all but one update")
    void gateForcesLostUpdates() throws SQLException {
        try (CheckDatabase db = farm.create(dataset); ConcurrentClients clients = ConcurrentClients.open(db, 8)) {
            clients.session(0).execute(FUNCTIONS, "functions");
            String gate = "SELECT 1 FROM counters WHERE id = 1 FOR UPDATE";

            Report naive = clients.run(sameCall(8, Call.of("bump_read_then_write(1)", "SELECT bump_read_then_write(?)", 1)),
                    Options.readCommitted().gate(gate));
            assertThat(naive.allBlockedAtGate()).isTrue();
            assertThat(naive.succeeded()).hasSize(8);
            assertThat(counter(db, 1)).as("all eight read 0, all eight wrote 1").isEqualTo(1);

            Report relative = clients.run(sameCall(8, Call.of("bump(1)", "SELECT bump(?)", 1)),
                    Options.readCommitted().gate(gate));
            assertThat(relative.succeeded()).hasSize(8);
            assertThat(counter(db, 1)).isEqualTo(1 + 8);
        }
    }

    @Test
    @DisplayName("at REPEATABLE READ the clients behind a gate fail with 40001 and are retried until all succeed")
    void retriesSerializationFailures() throws SQLException {
        try (CheckDatabase db = farm.create(dataset); ConcurrentClients clients = ConcurrentClients.open(db, 6)) {
            clients.session(0).execute(FUNCTIONS, "functions");
            Report report = clients.run(sameCall(6, Call.of("bump(2)", "SELECT bump(?)", 2)),
                    Options.readCommitted().isolation(Isolation.REPEATABLE_READ).retrying(50, "40001")
                            .gate("SELECT 1 FROM counters WHERE id = 2 FOR UPDATE"));
            assertThat(report.unsuccessful()).isEmpty();
            assertThat(report.retries()).as("every client but the first saw the row change after its snapshot")
                    .isGreaterThanOrEqualTo(5);
            assertThat(report.retriesByState()).containsOnlyKeys("40001");
            assertThat(report.retrySummary()).contains("serialization_failure (40001)");
            assertThat(counter(db, 2)).isEqualTo(6);

            Report noRetry = clients.run(sameCall(6, Call.of("bump(2)", "SELECT bump(?)", 2)),
                    Options.readCommitted().isolation(Isolation.REPEATABLE_READ)
                            .gate("SELECT 1 FROM counters WHERE id = 2 FOR UPDATE"));
            assertThat(noRetry.failedWith("40001")).isEqualTo(5);
            assertThat(noRetry.failureSummary()).isEqualTo("5 × serialization_failure (40001)");
        }
    }

    @Test
    @DisplayName("a gate in two stages makes transfers that lock in their own direction deadlock; id order never does")
    void stagedGateForcesDeadlock() {
        try (CheckDatabase db = farm.create(dataset); ConcurrentClients clients = ConcurrentClients.open(db, 4)) {
            clients.session(0).execute(FUNCTIONS, "functions");
            Options staged = Options.readCommitted().gates("SELECT 1 FROM counters WHERE id = 1 FOR UPDATE",
                    "SELECT 1 FROM counters WHERE id = 2 FOR UPDATE");
            List<List<Call>> opposite = List.of(
                    List.of(Call.of("1→2", "SELECT move_in_direction(?, ?)", 1, 2)),
                    List.of(Call.of("2→1", "SELECT move_in_direction(?, ?)", 2, 1)),
                    List.of(Call.of("1→2", "SELECT move_in_direction(?, ?)", 1, 2)),
                    List.of(Call.of("2→1", "SELECT move_in_direction(?, ?)", 2, 1)));
            Report deadlocking = clients.run(opposite, staged);
            assertThat(deadlocking.failedWith("40P01")).isGreaterThanOrEqualTo(1);
            assertThat(deadlocking.unsuccessful()).allSatisfy(o -> {
                assertThat(o.result()).isEqualTo(Result.FAILED);
                assertThat(o.message()).contains("deadlock detected");
            });

            List<List<Call>> ordered = opposite.stream().map(calls -> calls.stream()
                    .map(c -> new Call(c.label(), c.sql().replace("move_in_direction", "move_in_id_order"), c.params()))
                    .toList()).toList();
            Report fine = clients.run(ordered, staged);
            assertThat(fine.unsuccessful()).isEmpty();
            assertThat(fine.allBlockedAtGate()).isTrue();
        }
    }

    @Test
    @DisplayName("a call cancelled at the statement time limit ends the whole run")
    void statementTimeoutEndsTheRun() {
        try (CheckDatabase db = farm.create(dataset); ConcurrentClients clients = ConcurrentClients.open(db, 2)) {
            List<List<Call>> plan = List.of(
                    List.of(Call.of("hangs", "SELECT pg_sleep(30)"), Call.of("after", "SELECT 1")),
                    List.of(Call.of("quick", "SELECT 1")));
            Report report = clients.run(plan, Options.readCommitted().statementTimeout(Duration.ofSeconds(1)));
            assertThat(report.stoppedAtTimeLimit()).isFalse();
            assertThat(report.timedOut()).hasValueSatisfying(o -> {
                assertThat(o.call().label()).isEqualTo("hangs");
                assertThat(o.message()).contains("statement time limit (1 s)");
            });
            assertThat(report.outcomes()).filteredOn(o -> o.call().label().equals("after"))
                    .singleElement().satisfies(o -> assertThat(o.result()).isEqualTo(Result.STOPPED));
        }
    }

    @Test
    @DisplayName("a run that does not finish in its time limit is stopped, and its calls are reported as stopped")
    void stopsAtTheTimeLimit() {
        try (CheckDatabase db = farm.create(dataset); ConcurrentClients clients = ConcurrentClients.open(db, 2)) {
            List<List<Call>> plan = List.of(
                    List.of(Call.of("sleep", "SELECT pg_sleep(60)"), Call.of("after", "SELECT 1")),
                    List.of(Call.of("quick", "SELECT 1")));
            Report report = clients.run(plan, Options.readCommitted().statementTimeout(Duration.ofSeconds(30))
                    .timeLimit(Duration.ofMillis(500)));
            assertThat(report.stoppedAtTimeLimit()).isTrue();
            assertThat(report.outcomes()).hasSize(3);
            assertThat(report.outcomes().stream().filter(o -> o.call().label().equals("quick")).findFirst())
                    .hasValueSatisfying(o -> assertThat(o.succeeded()).isTrue());
            assertThat(report.outcomes().stream().filter(o -> !o.call().label().equals("quick")))
                    .allSatisfy(o -> assertThat(o.result()).isEqualTo(Result.STOPPED));
            assertThat(report.failureSummary()).isEqualTo("2 × stopped (time limit)");
        }
    }
}
