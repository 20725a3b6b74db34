package dev.pglabs.provisioning;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {

    @Test
    @DisplayName("reads the libpq URI the course uses")
    void libpqUri() {
        ConnectionTarget t = DatabaseUrl.parse("postgresql://postgres:postgres@localhost:5432/pglabs");
        assertThat(t.host()).isEqualTo("localhost");
        assertThat(t.port()).isEqualTo(5432);
        assertThat(t.database()).isEqualTo("pglabs");
        assertThat(t.user()).isEqualTo("postgres");
        assertThat(t.password()).isEqualTo("postgres");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/pglabs");
    }

    @Test
    @DisplayName("accepts postgres:// and defaults the port to 5432")
    void shortSchemeAndDefaultPort() {
        ConnectionTarget t = DatabaseUrl.parse("postgres://app@db.example.com/blog");
        assertThat(t.port()).isEqualTo(5432);
        assertThat(t.host()).isEqualTo("db.example.com");
        assertThat(t.password()).isNull();
    }

    @Test
    @DisplayName("decodes percent-encoded credentials")
    void percentEncodedCredentials() {
        ConnectionTarget t = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw+rd@localhost:5433/db");
        assertThat(t.user()).isEqualTo("us@er");
        assertThat(t.password()).isEqualTo("p@ss:w+rd");
        assertThat(t.port()).isEqualTo(5433);
    }

    @Test
    @DisplayName("keeps query parameters such as sslmode for the driver")
    void keepsParameters() {
        ConnectionTarget t = DatabaseUrl.parse(
                "postgresql://u:p@rds.example.com:5432/app?sslmode=verify-full&sslrootcert=/etc/ca.pem");
        assertThat(t.parameters()).containsEntry("sslmode", "verify-full").containsEntry("sslrootcert", "/etc/ca.pem");
        assertThat(t.jdbcUrl()).contains("sslmode=verify-full");
    }

    @Test
    @DisplayName("reads IPv6 hosts in brackets")
    void ipv6() {
        ConnectionTarget t = DatabaseUrl.parse("postgresql://u@[::1]:6543/db");
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.port()).isEqualTo(6543);
        assertThat(t.jdbcUrl()).startsWith("jdbc:postgresql://[::1]:6543/db");
    }

    @Test
    @DisplayName("reads JDBC URLs with credentials in the query")
    void jdbcUrl() {
        ConnectionTarget t = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret&ssl=false");
        assertThat(t.user()).isEqualTo("postgres");
        assertThat(t.password()).isEqualTo("secret");
        assertThat(t.parameters()).containsOnlyKeys("ssl");
    }

    @Test
    @DisplayName("rejects other schemes and bad ports with a clear message")
    void rejectsMalformed() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root@localhost/db"))
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@localhost:99999/db"))
                .hasMessageContaining("invalid port");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    @DisplayName("never prints a password")
    void redacts() {
        assertThat(DatabaseUrl.redact("postgresql://u:secret@h:5432/db")).doesNotContain("secret");
        assertThat(DatabaseUrl.redact("jdbc:postgresql://h/db?password=secret")).doesNotContain("secret");
        assertThat(DatabaseUrl.parse("postgresql://u:secret@h/db").toString()).doesNotContain("secret");
    }
}
