package dev.pglabs.mutation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlMutantsTest {

    private static List<String> statements(String sql) {
        return SqlMutants.of(sql).mutants().stream().map(Mutant::statement).toList();
    }

    @Test
    @DisplayName("bounds, AND/OR, dropped predicates, ordering and LIMIT of a filtered, sorted query")
    void filteredSortedQuery() {
        List<String> mutants = statements("""
                -- the five newest published posts
                SELECT id, title FROM posts
                WHERE status = 'published' AND views > 100
                ORDER BY published_at DESC, id
                LIMIT 5;
                """);
        assertThat(mutants).contains(
                "SELECT id, title FROM posts WHERE status = 'published' AND views >= 100 ORDER BY published_at DESC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE status <> 'published' AND views > 100 ORDER BY published_at DESC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' OR views > 100 ORDER BY published_at DESC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' ORDER BY published_at DESC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE views > 100 ORDER BY published_at DESC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY published_at ASC, id LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY id LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY published_at DESC LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 LIMIT 5",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY published_at DESC, id LIMIT 6",
                "SELECT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY published_at DESC, id LIMIT 4",
                "SELECT DISTINCT id, title FROM posts WHERE status = 'published' AND views > 100 ORDER BY published_at DESC, id LIMIT 5");
        assertThat(mutants).as("each mutant differs from the reference and from the others").doesNotHaveDuplicates()
                .doesNotContain("SELECT id, title FROM posts WHERE status = 'published' AND views > 100 "
                        + "ORDER BY published_at DESC, id LIMIT 5");
    }

    @Test
    @DisplayName("joins, counts, aggregates, NULL tests, BETWEEN and letter case")
    void joinsAndAggregates() {
        List<Mutant> mutants = SqlMutants.of("""
                SELECT u.username, count(p.id) AS posts, max(p.views)
                FROM users u LEFT JOIN posts p ON p.author_id = u.id
                WHERE u.city IS NOT NULL AND u.created_at BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'
                  AND u.email ILIKE '%@example.org'
                GROUP BY u.username
                """).mutants();
        assertThat(mutants).extracting(Mutant::change).contains(
                "LEFT JOIN p  →  JOIN".replace("p", "posts p"),
                "count(p.id)  →  count(*)",
                "count(p.id)  →  with DISTINCT",
                "max  →  min",
                "u.city IS NOT NULL  →  IS NULL",
                "u.email ILIKE '%@example.org'  →  LIKE");
        assertThat(mutants).filteredOn(m -> m.operator().equals("bound")).extracting(Mutant::killedBy)
                .contains("a row where u.created_at = DATE '2024-12-31'", "a row where u.created_at = DATE '2024-01-01'");
        assertThat(mutants).extracting(Mutant::statement).allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
        assertThat(mutants).filteredOn(m -> m.operator().equals("distinct"))
                .as("no DISTINCT added to a grouped query: it changes nothing").isEmpty();
    }

    @Test
    @DisplayName("a file of several statements changes one statement per mutant; unreadable statements are listed")
    void severalStatements() {
        String file = "UPDATE posts SET status = 'archived' WHERE status = 'draft' AND created_at < DATE '2024-01-01';\n"
                + "SELECT 1 FROM nowhere WHERE this is not sql at all;\n";
        SqlMutants.Result result = SqlMutants.of(file);
        assertThat(result.unparsed()).containsExactly("line 2");
        assertThat(result.mutants()).extracting(Mutant::file).contains(
                "UPDATE posts SET status = 'archived' WHERE status = 'draft' AND created_at <= DATE '2024-01-01';\n"
                        + "SELECT 1 FROM nowhere WHERE this is not sql at all;\n");
        assertThat(result.mutants()).allSatisfy(m -> assertThat(m.line()).isEqualTo(1));
    }

    @Test
    @DisplayName("the parser's own rewrite of the reference keeps every statement")
    void roundTrip() {
        assertThat(SqlMutants.roundTrip("select  id from   tags -- all\n; delete from tags where id = 3;"))
                .isEqualTo("SELECT id FROM tags;\nDELETE FROM tags WHERE id = 3;\n");
    }
}
