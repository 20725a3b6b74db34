package dev.pglabs.sql;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScriptTest {

    private static List<String> sql(String text) {
        return SqlScript.split(text).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    @DisplayName("splits on semicolons and drops empty statements")
    void splitsOnSemicolons() {
        assertThat(sql("SELECT 1; SELECT 2;;\n")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    @DisplayName("a semicolon inside a string, identifier or comment does not end a statement")
    void quotedSemicolons() {
        assertThat(sql("SELECT 'a;b', \"x;y\" -- c;d\nFROM t; /* e; /* nested; */ f; */ SELECT 2"))
                .hasSize(2)
                .first().asString().contains("'a;b'").contains("\"x;y\"");
    }

    @Test
    @DisplayName("doubled quotes and E'' escapes stay inside the string")
    void escapes() {
        assertThat(sql("SELECT 'it''s;'; SELECT E'a\\';b'; SELECT 3")).hasSize(3);
    }

    @Test
    @DisplayName("dollar-quoted bodies keep their semicolons, and $1 is not a tag")
    void dollarQuotes() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;"
                + " DO $$ BEGIN PERFORM 1; END $$; PREPARE p AS SELECT $1::int;";
        assertThat(sql(fn)).hasSize(3);
    }

    @Test
    @DisplayName("each statement knows the line it starts on")
    void lineNumbers() {
        List<SqlScript.Statement> statements = SqlScript.split("-- header\n\nSELECT 1;\n\n  SELECT\n 2;");
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(3, 5);
    }

    @Test
    @DisplayName("a file of only comments has no code")
    void onlyComments() {
        assertThat(SqlScript.withoutComments("-- TODO: write your query here\n/* nothing */\n")).isEmpty();
        assertThat(SqlScript.split("-- TODO\n")).isEmpty();
        assertThat(SqlScript.withoutComments("SELECT '--not a comment' -- a comment")).isEqualTo("SELECT '--not a comment'");
    }
}
