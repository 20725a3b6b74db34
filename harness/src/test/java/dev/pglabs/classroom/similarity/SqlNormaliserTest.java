package dev.pglabs.classroom.similarity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqlNormaliserTest {

    private static final SqlNormaliser NORMALISER = new SqlNormaliser();

    @AfterAll
    static void stop() {
        NORMALISER.close();
    }

    private static SqlNormaliser.Normalised norm(String sql) {
        return NORMALISER.normalise(sql, Set.of());
    }

    @Test
    void aliasesCaseWhitespaceCommentsAndOperandOrderDoNotHideACopy() {
        String original = """
                -- my answer
                SELECT p.id, p.title, u.username
                FROM posts p JOIN users u ON u.id = p.user_id
                WHERE p.status = 'published' AND p.view_count > 10
                ORDER BY p.id;
                """;
        String disguised = """
                select   Post.ID, post.title,  "Author".username   /* copied? no */
                from POSTS as post inner join users "Author" on post.user_id = "Author".id
                where post.view_count > 11 and 'published' = post.status
                order by post.id
                """;
        SqlNormaliser.Normalised a = norm(original);
        SqlNormaliser.Normalised b = norm(disguised);
        assertThat(a.parsed()).isTrue();
        assertThat(b.parsed()).isTrue();
        assertThat(b.form()).isEqualTo(a.form());
        assertThat(a.form()).contains("posts.id").doesNotContain(" p.").doesNotContain("published");
    }

    @Test
    void innerJoinOrderAndWhereTheConditionsStandDoNotMatter() {
        String form = norm("SELECT p.title, u.username, c.body FROM posts p JOIN users u ON u.id = p.user_id "
                + "JOIN comments c ON c.post_id = p.id WHERE p.status = 'published'").form();
        assertThat(norm("SELECT p.title, u.username, c.body FROM comments c, users u, posts p "
                + "WHERE p.id = c.post_id AND p.status = 'published' AND p.user_id = u.id").form()).isEqualTo(form);
        assertThat(norm("SELECT p.title, u.username, c.body FROM users u INNER JOIN posts p "
                + "ON p.user_id = u.id AND p.status = 'x' INNER JOIN comments c ON c.post_id = p.id").form()).isEqualTo(form);
        // An outer join is not reordered: its tables are not interchangeable.
        assertThat(norm("SELECT p.title FROM posts p LEFT JOIN users u ON u.id = p.user_id").form())
                .isNotEqualTo(norm("SELECT p.title FROM users u LEFT JOIN posts p ON u.id = p.user_id").form());
    }

    @Test
    void aDifferentQueryKeepsADifferentForm() {
        assertThat(norm("SELECT username FROM users WHERE city = 'Lisbon'").form())
                .isNotEqualTo(norm("SELECT username FROM users WHERE city IS NULL").form());
        assertThat(norm("SELECT u.username FROM users u LEFT JOIN posts p ON p.user_id = u.id").form())
                .isNotEqualTo(norm("SELECT u.username FROM users u JOIN posts p ON p.user_id = u.id").form());
    }

    @Test
    void aSelfJoinKeepsItsTwoSidesApart() {
        String form = norm("SELECT a.id FROM users a JOIN users b ON a.city = b.city AND a.id < b.id").form();
        assertThat(form).contains("users_2").contains("users.id < users_2.id");
    }

    @Test
    void cteAndSubqueryNamesAreNumbered() {
        assertThat(norm("WITH counts AS (SELECT user_id, count(*) AS n FROM posts GROUP BY user_id) "
                + "SELECT * FROM counts c WHERE c.n > 2").form())
                .isEqualTo(norm("with per_author as (select user_id, COUNT(*) as n from posts group by user_id) "
                        + "select * from per_author where per_author.n > 2").form());
    }

    @Test
    void unparseableSqlFallsBackToTokensWithoutFailing() {
        String broken = "SELEC username FROM users WHERE city = 'Lisbon' ;;; ((";
        SqlNormaliser.Normalised a = norm(broken);
        SqlNormaliser.Normalised b = norm("selec   USERNAME from users\nwhere city = 'Porto' ;;; ((");
        assertThat(a.parsed()).isFalse();
        assertThat(a.form()).startsWith("~ selec username from users where city = '?'");
        assertThat(b.form()).isEqualTo(a.form());
    }

    @Test
    void pathologicalInputIsComparedAsTokens() {
        String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        SqlNormaliser.Normalised n = norm(deep);
        assertThat(n.form()).isNotEmpty();
        // A long chain of ANDs is parsed and canonicalised whole (the chain is sorted once, not at every link).
        String chain = "SELECT 1 FROM t WHERE " + "a = 1 AND ".repeat(400) + "b = 2";
        SqlNormaliser.Normalised sorted = norm(chain);
        assertThat(sorted.parsed()).isTrue();
        assertThat(sorted.form()).startsWith("select 0 from t where 0 = a and 0 = a").endsWith("0 = a and 0 = b");
        // Deeper than the rewriting can follow: compared as tokens, never an error.
        assertThat(norm("SELECT 1 FROM t WHERE " + "a = 1 AND ".repeat(1900) + "b = 2").form()).isNotEmpty();
        String huge = "SELECT " + "1 + ".repeat(SqlNormaliser.MAX_PARSED_CHARS) + "1";
        assertThat(norm(huge).parsed()).isFalse();
    }

    @Test
    void theStartersStatementsAreLeftOut() {
        String starter = "-- Task: fix the view\nCREATE VIEW v AS SELECT 1;\n-- TODO: write your query here\n";
        Set<String> starterForms = NORMALISER.starterForms(starter);
        assertThat(NORMALISER.normalise(starter, starterForms).form()).isEmpty();
        assertThat(NORMALISER.normalise(starter + "SELECT * FROM v;", starterForms).form()).isEqualTo("select * from v");
        assertThat(NORMALISER.normalise("-- TODO: write your query here\n", Set.of()).form()).isEmpty();
    }
}
