package dev.pglabs.provisioning;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On a server that allows PREPARE TRANSACTION, a student's prepared transaction does not outlive its check. */
@Tag("provider")
class PreparedTransactionsTest {

    @TempDir
    Path scripts;

    @Test
    @DisplayName("a prepared transaction left by a student is rolled back and the check database still goes")
    void preparedTransactionDoesNotBlockTheDrop() throws Exception {
        Files.writeString(scripts.resolve("schema.sql"), "CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL);");
        Dataset dataset = Dataset.of(List.of(scripts.resolve("schema.sql")));
        try (EmbeddedServer server = EmbeddedServer.start(Map.of("max_prepared_transactions", "2"))) {
            DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults());
            String name;
            try (CheckDatabase db = farm.create(dataset)) {
                name = db.name();
                db.student().execute("BEGIN; INSERT INTO pets VALUES (1, 'Rex'); PREPARE TRANSACTION 'held';", "p.sql");
                assertThat(count(server, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared").isEqualTo(1);
            }
            farm.close();
            assertThat(count(server, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared after the check").isZero();
            assertThat(count(server, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))
                    .as("the check database after the run").isZero();
        }
    }

    private static int count(DatabaseServer server, String sql) throws SQLException {
        ConnectionTarget admin = server.admin();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
