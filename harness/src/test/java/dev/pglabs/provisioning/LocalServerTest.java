package dev.pglabs.provisioning;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code pglabs db start}: password-only, state only its owner can read and trust, and a run that never fails for it. */
class LocalServerTest {

    private Path cache;
    private Map<String, String> environment;
    private LocalServer local;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        cache = Files.createTempDirectory("pglabs-local-server-test-");
        environment = Map.of(CacheFolder.DIRECTORY, cache.toString(), ClusterCache.SWITCH, "off");
        local = LocalServer.fromEnvironment(environment);
    }

    @AfterEach
    void tearDown() {
        try {
            local.stop();
        } finally {
            ScratchFolders.deleteTree(cache);
        }
    }

    @Test
    @DisplayName("db start: every connection needs the password, the state is the owner's alone, db url works")
    void passwordOnlyAndOwnerOnly() throws Exception {
        LocalServer.State state = local.start();

        assertThat(local.folder()).isEqualTo(cache.resolve("server"));
        assertThat(permissions(local.folder())).isEqualTo("rwx------");
        assertThat(permissions(local.folder().resolve("server.json"))).isEqualTo("rw-------");
        assertThat(permissions(local.passwordFile())).isEqualTo("rw-------");
        assertThat(local.running()).contains(state);
        assertThat(local.start()).as("a second start finds the first server").isEqualTo(state);

        ConnectionTarget admin = state.admin();
        assertThatThrownBy(() -> connect(admin.withUser("postgres", null))).as("no password").isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(admin.withUser("postgres", "guess"))).as("a wrong password")
                .isInstanceOf(SQLException.class);
        try (Connection c = connect(admin)) {
            assertThat(c.isValid(5)).isTrue();
        }

        String url = local.url(state);
        assertThat(url).startsWith("postgresql://postgres@localhost:" + state.port() + "/postgres?passfile=")
                .doesNotContain(state.password());
        assertThat(Files.readString(local.passwordFile())).contains("*:" + state.port() + ":*:postgres:" + state.password());
        Optional<String> psql = onPath("psql");
        if (psql.isPresent()) {  // the README's psql "$(./pglabs db url)"
            Process p = new ProcessBuilder(psql.get(), url, "-XAtc", "SELECT 42").redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .as("psql with db url's passfile").isEqualTo("42");
        }
    }

    @Test
    @DisplayName("state that others may read, or a server that is not ours on the recorded port, is never used")
    void neverTrustsWhatIsNotOurs() throws Exception {
        LocalServer.State state = local.start();
        Path folder = local.folder();
        Path stateFile = folder.resolve("server.json");

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(local.recorded()).as("state in a folder others may enter").isEmpty();
        assertThat(new Provisioning(environment, notices::add).start(Optional.of(ProviderKind.EMBEDDED)))
                .satisfies(server -> {
                    try (server) {
                        assertThat(server.description()).doesNotContain("db start");
                    }
                });
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(local.recorded()).as("a state file others may read").isEmpty();
        Files.setPosixFilePermissions(stateFile, PosixFilePermissions.fromString("rw-------"));
        assertThat(local.running()).contains(state);

        // Another server on the recorded port (our server gone, the port taken): it may even let anyone in
        // (trust), but it does not hold our marker.
        ConnectionTarget other = TestServers.shared().admin();
        LocalServer.State impostor = new LocalServer.State(other.port(), state.dataDirectory(), state.pid(),
                other.password() == null ? state.password() : other.password(), state.marker());
        Files.writeString(stateFile, new ObjectMapper().writeValueAsString(impostor));
        assertThat(local.recorded()).contains(impostor);
        assertThat(local.running()).as("a server without our marker").isEmpty();
        Files.writeString(stateFile, new ObjectMapper().writeValueAsString(state));
    }

    @Test
    @DisplayName("a run falls back to a private server, saying so in one line, when the course server goes away")
    void fallsBackWhenTheCourseServerGoesAway() {
        local.start();
        Provisioning provisioning = new Provisioning(environment, notices::add);

        // Gone between the check (start) and the first use (the farm): stopped out from under the run.
        DatabaseServer checked = provisioning.start(Optional.of(ProviderKind.EMBEDDED));
        assertThat(checked.description()).contains("db start");
        assertThat(notices).isEmpty();
        local.stop();
        DatabaseFarm farm = provisioning.farm(checked, SandboxLimits.defaults());
        try {
            assertThat(farm.server()).isNotSameAs(checked);
            assertThat(farm.server().description()).doesNotContain("db start");
            assertThat(farm.serverVersion()).isNotBlank();
        } finally {
            farm.close();
            farm.server().close();
        }
        assertThat(notices).hasSize(1).first().asString().contains("db start").contains("private embedded server");

        // Gone before the check: the recorded server does not answer.
        notices.clear();
        LocalServer.State state = local.start();
        ProcessHandle.of(state.pid()).ifPresent(p -> {
            p.destroy();
            p.onExit().join();
        });
        try (DatabaseServer server = provisioning.start(Optional.of(ProviderKind.EMBEDDED));
             DatabaseFarm second = provisioning.farm(server, SandboxLimits.defaults())) {
            assertThat(second.server().description()).doesNotContain("db start");
        }
        assertThat(notices).hasSize(1).first().asString().contains("does not answer");
    }

    private static Connection connect(ConnectionTarget target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.properties());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Optional<String> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
