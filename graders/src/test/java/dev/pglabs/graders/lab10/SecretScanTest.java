package dev.pglabs.graders.lab10;

import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lab 10's scan for secrets in code: what it flags, what it leaves alone, and that it never repeats a secret. */
class SecretScanTest {

    @TempDir
    Path submission;

    private List<SecretScan.Finding> scan(String code) throws IOException {
        Path dir = submission.resolve("10-rds-connections/src/main/java/app/db");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Config.java"), code);
        return SecretScan.scan(new Submission(submission).lab("10-rds-connections"));
    }

    @Test
    @DisplayName("passwords in strings, URLs and setters are found, shown with their strings masked")
    void findsSecrets() throws IOException {
        List<SecretScan.Finding> findings = scan("""
                class Config {
                    static final String DB_PASSWORD = "hunter2!";
                    static final String URL = "postgresql://app:hunter2!@db.example.com/blog";
                    void a(com.zaxxer.hikari.HikariConfig c) { c.setPassword("hunter2!"); }
                    void b(java.util.Properties p) { p.setProperty("password", "hunter2!"); }
                    static final String JDBC = "jdbc:postgresql://db/blog?user=app&password=hunter2!";
                }
                """);
        assertThat(findings).extracting(SecretScan.Finding::line).containsExactly(2, 3, 4, 5, 6);
        assertThat(findings).allSatisfy(f -> assertThat(f.toString()).doesNotContain("hunter2").contains("\"****\""));
        assertThat(findings.get(0).toString()).startsWith("src/main/java/app/db/Config.java:2: a password variable");
    }

    @Test
    @DisplayName("names of variables, placeholders, masks and comments are not secrets")
    void leavesHonestCodeAlone() throws IOException {
        assertThat(scan("""
                class Config {
                    static final String PASSWORD_VARIABLE = "DB_PASSWORD";
                    // postgresql://app:hunter2@db/blog is how a URL looks
                    /* config.setPassword("hunter2"); */
                    String shown(java.util.Properties p) { p.setProperty("password", "****"); return "x"; }
                    String example = "DATABASE_URL=postgresql://app:…@localhost:5432/blog";
                    String password = env.get("DB_PASSWORD");
                    String s = "a // not a comment"; String t = "password=";
                }
                """)).isEmpty();
    }

    @Test
    @DisplayName("a literal that only names the password parameter of a URL being built holds no secret")
    void parameterNameIsNoSecret() throws IOException {
        assertThat(scan("""
                class Config {
                    String url(String base, String user, String password) {
                        return base + "?user=" + user + "&password=" + password + "&sslmode=verify-full";
                    }
                    String other(String password) { return "jdbc:postgresql://db/blog?password=" + password; }
                    char q = '"'; String u = "?password=" + System.getenv("DB_PASSWORD");
                }
                """)).isEmpty();
    }

    @Test
    @DisplayName("beside a parameter name, a real password is still found")
    void passwordBesideParameterName() throws IOException {
        List<SecretScan.Finding> findings = scan("""
                class Config {
                    String url(String base) { return base + "?password=" + "hunter2!"; }
                    String a = "?password="; String dbPassword = "hunter2!";
                    String b = "?user=app&password=hunter2!";
                }
                """);
        assertThat(findings).extracting(SecretScan.Finding::line).containsExactly(2, 3, 4);
        assertThat(findings).allSatisfy(f -> assertThat(f.toString()).doesNotContain("hunter2"));
    }
}
