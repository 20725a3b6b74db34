package dev.pglabs.provisioning;

import dev.pglabs.comparison.ResultTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a student's SQL can and cannot do in its check database, on a real server. */
@Tag("provider")
class SandboxTest {

    @TempDir
    static Path scripts;
    static DatabaseFarm farm;
    static Dataset dataset;

    @BeforeAll
    static void startFarm() throws Exception {
        farm = new DatabaseFarm(TestServers.shared(), SandboxLimits.defaults().withStatementTimeout(Duration.ofSeconds(1)));
        Files.writeString(scripts.resolve("schema.sql"), "CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL);");
        Files.writeString(scripts.resolve("pets.csv"), "id,name\n1,Rex\n2,Tom\n");
        dataset = Dataset.of(List.of(scripts.resolve("schema.sql"), scripts.resolve("pets.csv")));
    }

    @AfterAll
    static void closeFarm() {
        farm.close();
    }

    private static boolean exists(String sql, String name) throws SQLException {
        ConnectionTarget admin = farm.server().admin();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.properties());
             var ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    @DisplayName("a check database is a clone of the dataset that the student may read and change")
    void cloneHoldsDataset() {
        try (CheckDatabase db = farm.create(dataset)) {
            ResultTable pets = db.student().query("SELECT name FROM pets ORDER BY id", "test.sql");
            assertThat(pets.rows()).extracting(r -> r.get(0)).containsExactly("Rex", "Tom");
            db.student().execute("UPDATE pets SET name = 'Max' WHERE id = 1", "test.sql");
        }
        try (CheckDatabase fresh = farm.create(dataset)) {
            assertThat(fresh.student().query("SELECT name FROM pets WHERE id = 1", "test.sql").rows())
                    .as("the next check starts from the original data").containsExactly(List.of("Rex"));
        }
    }

    @Test
    @DisplayName("with studentOwnsTables the student may create indexes on the lab's tables, otherwise not")
    void ownership() {
        try (CheckDatabase db = farm.create(dataset)) {
            assertThatThrownBy(() -> db.student().execute("CREATE INDEX ON pets (name)", "i.sql"))
                    .isInstanceOfSatisfying(StudentSqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        }
        try (CheckDatabase db = farm.create(new Dataset(dataset.scripts(), true))) {
            db.student().execute("CREATE INDEX pets_name ON pets (name)", "i.sql");
            assertThat(db.student().query("SELECT indexname FROM pg_indexes WHERE tablename = 'pets' "
                    + "AND indexname = 'pets_name'", "q.sql").rowCount()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("several student sessions can work on one check database at once")
    void severalSessions() {
        try (CheckDatabase db = farm.create(dataset)) {
            StudentSession first = db.openStudent();
            StudentSession second = db.openStudent();
            first.execute("BEGIN; UPDATE pets SET name = 'Max' WHERE id = 1; COMMIT;", "a.sql");
            assertThat(second.query("SELECT name FROM pets WHERE id = 1", "b.sql").rows())
                    .containsExactly(List.of("Max"));
        }
    }

    @Test
    @DisplayName("the student role is no superuser and cannot create databases or roles")
    void unprivileged() {
        try (CheckDatabase db = farm.create(dataset)) {
            assertThat(db.student().query("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                    + "WHERE rolname = current_user", "t.sql").rows()).containsExactly(List.of(false, false, false));
            assertThatThrownBy(() -> db.student().execute("CREATE DATABASE sneaky", "t.sql"))
                    .isInstanceOfSatisfying(StudentSqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
            assertThatThrownBy(() -> db.student().execute("ALTER ROLE CURRENT_USER SUPERUSER", "t.sql"))
                    .isInstanceOf(StudentSqlException.class);
            assertThatThrownBy(() -> db.student().execute("COPY pets TO '/tmp/pets.csv'", "t.sql"))
                    .isInstanceOf(StudentSqlException.class);
        }
    }

    @Test
    @DisplayName("the student role cannot connect to another check's database")
    void cannotReachOtherDatabases() throws Exception {
        try (CheckDatabase mine = farm.create(dataset); CheckDatabase other = farm.create(dataset)) {
            ConnectionTarget intruder = other.studentTarget().withUser(mine.studentTarget().user(),
                    mine.studentTarget().password());
            assertThatThrownBy(() -> DriverManager.getConnection(intruder.jdbcUrl(), intruder.properties()).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    @DisplayName("the embedded server asks everyone for a password: student Java cannot log in as the superuser")
    void embeddedServerRequiresPasswords() {
        Assumptions.assumeTrue(farm.server().kind() == ProviderKind.EMBEDDED,
                "only the embedded server is configured by pglabs; an external server's authentication is its "
                        + "administrator's (docs/instructors.md)");
        ConnectionTarget admin = farm.server().admin();
        assertThat(admin.password()).as("the admin password pglabs set").isNotBlank();
        for (String user : List.of("postgres", admin.user())) {
            ConnectionTarget noPassword = admin.withUser(user, null);
            assertThatThrownBy(() -> DriverManager.getConnection(noPassword.jdbcUrl(), noPassword.properties()).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08004"));
            ConnectionTarget guessed = admin.withUser(user, "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(guessed.jdbcUrl(), guessed.properties()).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("an endless query is stopped even when the student turns the statement timeout off")
    void timeLimitIsEnforcedFromOutside() {
        try (CheckDatabase db = farm.create(dataset)) {
            assertThatThrownBy(() -> db.student().query("SET statement_timeout = 0; SELECT pg_sleep(600)", "slow.sql"))
                    .isInstanceOf(StatementTimeoutException.class)
                    .hasMessageContaining("slow.sql ran longer than 1 s");
            assertThat(db.student().query("SELECT 1", "after.sql").rowCount())
                    .as("the session is usable again after a timeout").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("an error names the file, the line and the SQLSTATE, with a hint")
    void errorsAreExplained() {
        try (CheckDatabase db = farm.create(dataset)) {
            assertThatThrownBy(() -> db.student().query("SELECT id,\n  nme\nFROM pets", "q.sql"))
                    .isInstanceOf(StudentSqlException.class)
                    .hasMessageContaining("q.sql at line 2")
                    .hasMessageContaining("SQLSTATE 42703")
                    .hasMessageContaining("Hint:");
        }
    }

    @Test
    @DisplayName("a script that leaves its transaction open is reported and its changes are not kept")
    void openTransaction() {
        try (CheckDatabase db = farm.create(dataset)) {
            assertThatThrownBy(() -> db.student().execute("BEGIN; DELETE FROM pets;", "d.sql"))
                    .hasMessageContaining("COMMIT");
            assertThat(db.student().query("SELECT count(*) FROM pets", "c.sql").rows())
                    .containsExactly(List.of(new BigDecimal(2)));
        }
    }

    @Test
    @DisplayName("results are read up to the row cap and marked as cut")
    void rowCap() {
        try (CheckDatabase db = farm.create(dataset)) {
            ResultTable t = db.student().query("SELECT g FROM generate_series(1, 1000000) g", "big.sql");
            assertThat(t.rowCount()).isEqualTo(SandboxLimits.defaults().maxRows());
            assertThat(t.truncated()).isTrue();
        }
    }

    @Test
    @DisplayName("closing a check drops its database and role; closing the farm drops the templates")
    void cleansUp() throws Exception {
        DatabaseFarm own = new DatabaseFarm(TestServers.shared(), SandboxLimits.defaults());
        CheckDatabase db = own.create(dataset);
        String name = db.name();
        String role = db.role();
        db.close();
        own.close();
        assertThat(exists("SELECT 1 FROM pg_database WHERE datname = ?", name)).isFalse();
        assertThat(exists("SELECT 1 FROM pg_roles WHERE rolname = ?", role)).isFalse();
        // By the farm's own prefix, not cut from the name: a run id such as "db12ab" would cut it at "pglabs",
        // and then every farm's databases on the server would count.
        assertThat(exists("SELECT 1 FROM pg_database WHERE starts_with(datname, ?)", own.objectPrefix()))
                .as("no database of that run is left").isFalse();
        assertThat(exists("SELECT 1 FROM pg_roles WHERE starts_with(rolname, ?)", own.objectPrefix()))
                .as("no role of that run is left").isFalse();
    }
}
