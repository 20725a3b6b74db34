package dev.pglabs.provisioning;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Lab templates kept between runs of the embedded server: reused, rebuilt when their data changes, never trusted blindly. */
class ClusterCacheTest {

    @TempDir
    Path cacheDir;
    @TempDir
    Path scripts;
    ClusterCache cache;
    Dataset pets;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(System.getenv(Provisioning.DATABASE_URL) == null,
                "tests the embedded server; this run uses DATABASE_URL and the embedded tests ran without it");
        cache = ClusterCache.fromEnvironment(Map.of(CacheFolder.DIRECTORY, cacheDir.toString())).orElseThrow();
        Files.writeString(scripts.resolve("schema.sql"), "CREATE TABLE pets (id int PRIMARY KEY, name text NOT NULL);");
        Files.writeString(scripts.resolve("pets.csv"), "id,name\n1,Rex\n2,Tom\n");
        pets = Dataset.of(List.of(scripts.resolve("schema.sql"), scripts.resolve("pets.csv")));
    }

    private static long count(CheckDatabase db, String sql) throws SQLException {
        ConnectionTarget student = db.studentTarget();
        try (Connection c = DriverManager.getConnection(student.jdbcUrl(), student.properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path snapshot() {
        return cacheDir.resolve("embedded-cluster-f" + ClusterCache.FORMAT).resolve("snapshot");
    }

    @Test
    @DisplayName("a template built in one run is ready at the start of the next, with its data, and the cache is not rewritten")
    void templatesSurviveTheRun() throws Exception {
        Path firstData;
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache)) {
            assertThat(server.cachedTemplates()).isEmpty();
            try (DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
                assertThat(farm.isReady(pets)).isFalse();
                try (CheckDatabase db = farm.create(pets)) {
                    assertThat(count(db, "SELECT count(*) FROM pets")).isEqualTo(2);
                }
            }
            firstData = Path.of(server.description().replaceAll(".*\\(data in (.*)\\)$", "$1"));
        }
        assertThat(firstData).as("the run's own copy is removed").doesNotExist();
        assertThat(snapshot().resolve("templates.properties")).exists();
        long saved = Files.getLastModifiedTime(snapshot().resolve("templates.properties")).toMillis();

        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache)) {
            assertThat(server.cachedTemplates()).hasSize(1);
            try (DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
                assertThat(farm.isReady(pets)).as("ready before any check asked for it").isTrue();
                try (CheckDatabase db = farm.create(pets)) {
                    assertThat(count(db, "SELECT count(*) FROM pets WHERE name IN ('Rex', 'Tom')")).isEqualTo(2);
                    // Student rights are the same as on a fresh template.
                    assertThat(count(db, "SELECT count(*) FROM (SELECT 1 FROM pets FOR UPDATE) x")).isEqualTo(2);
                }
            }
            // Passwords are required on a cluster from the cache too.
            ConnectionTarget noPassword = server.admin().withUser("postgres", null);
            assertThatThrownBy(() -> DriverManager.getConnection(noPassword.jdbcUrl(), noPassword.properties()).close())
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Files.getLastModifiedTime(snapshot().resolve("templates.properties")).toMillis())
                .as("nothing new was built, so the cache was not copied again").isEqualTo(saved);
    }

    @Test
    @DisplayName("changed data gets a new template next to the cached one")
    void changedDataIsBuiltAgain() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache);
             DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
            farm.template(pets);
        }
        Files.writeString(scripts.resolve("pets.csv"), "id,name\n1,Rex\n2,Tom\n3,Kit\n");
        Dataset changed = Dataset.of(List.of(scripts.resolve("schema.sql"), scripts.resolve("pets.csv")));
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache);
             DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
            assertThat(farm.isReady(changed)).isFalse();
            try (CheckDatabase db = farm.create(changed)) {
                assertThat(count(db, "SELECT count(*) FROM pets")).isEqualTo(3);
            }
        }
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache)) {
            assertThat(server.cachedTemplates()).hasSize(2);
        }
    }

    @Test
    @DisplayName("a cache the server cannot start on is thrown away and the run starts fresh")
    void aBrokenCacheIsDiscarded() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache);
             DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
            farm.template(pets);
        }
        Files.writeString(snapshot().resolve("data").resolve("PG_VERSION"), "9\n");  // a cluster of another major
        try (EmbeddedServer server = EmbeddedServer.start(Map.of(), cache);
             DatabaseFarm farm = new DatabaseFarm(server, SandboxLimits.defaults())) {
            assertThat(server.cachedTemplates()).isEmpty();
            try (CheckDatabase db = farm.create(pets)) {
                assertThat(count(db, "SELECT count(*) FROM pets")).isEqualTo(2);
            }
        }
        assertThat(Files.readString(snapshot().resolve("data").resolve("PG_VERSION")).strip()).isNotEqualTo("9");
    }

    @Test
    @DisplayName("PGLABS_TEMPLATE_CACHE=off turns the cache off")
    void canBeTurnedOff() {
        assertThat(ClusterCache.fromEnvironment(Map.of(ClusterCache.SWITCH, "off"))).isEmpty();
        assertThat(ClusterCache.fromEnvironment(Map.of())).isPresent();
    }
}
