package dev.pglabs.orm;

import dev.pglabs.orm.StatementLog.Entry;
import org.opentest4j.AssertionFailedError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A budget of SQL statements for one operation, with feedback that shows what was sent: the numbered statements
 * with their parameters, and the query that repeats once per row when the cause is the N+1 pattern.
 */
public final class SqlBudget {

    /** Statements listed in feedback; an N+1 loop over a whole table would otherwise print hundreds. */
    static final int SHOWN = 12;
    /** A query that runs this often with other parameters inside one operation is a loop of queries. */
    static final int REPEATS = 3;

    private SqlBudget() {
    }

    /**
     * Passes when {@code statements} has at most {@code budget} entries; otherwise fails with the statements.
     *
     * @param operation how the student knows the call, e.g. "postsWithAuthors(10)"
     * @param advice    what to change, e.g. "fetch the author with the posts: .author.fetch()"
     */
    public static void assertWithin(List<Entry> statements, int budget, String operation, String advice) {
        if (statements.size() <= budget) {
            return;
        }
        StringBuilder sb = new StringBuilder(operation).append(" sent ").append(statements.size())
                .append(" SQL statements to the database; it may send at most ").append(budget).append('.');
        repeated(statements).ifPresent(r -> sb.append("\nOne query ran ").append(r.count())
                .append(" times, each time with other parameters: a query per row, the N+1 pattern. It was:\n    ")
                .append(r.sql()));
        if (statements.stream().anyMatch(s -> s.sql().contains("__lazy"))) {
            sb.append("\nQueries marked __lazy are Ebean's lazy loading: the code touched a relation (a getter such "
                    + "as getAuthor().getName()) that the query had not fetched, so Ebean went back to the database "
                    + "for it.");
        }
        sb.append("\n").append(listing(statements));
        if (advice != null && !advice.isBlank()) {
            sb.append("\n").append(advice);
        }
        throw new AssertionFailedError(sb.toString());
    }

    /** The statements numbered, one per line; long lists keep their head and tail. */
    public static String listing(List<Entry> statements) {
        if (statements.isEmpty()) {
            return "No SQL statement was sent.";
        }
        StringBuilder sb = new StringBuilder("The statements, in order:");
        int n = statements.size();
        for (int i = 0; i < n; i++) {
            if (n > SHOWN && i == SHOWN - 2) {
                sb.append("\n  … ").append(n - SHOWN + 1).append(" more like these …");
                i = n - 2;
                continue;
            }
            sb.append(String.format("%n  %2d. ", i + 1)).append(statements.get(i).shown());
        }
        return sb.toString();
    }

    /** The most repeated query text (if it repeats at least {@link #REPEATS} times). */
    public static Optional<Repeat> repeated(List<Entry> statements) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        statements.forEach(s -> counts.merge(s.normalized(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() >= REPEATS)
                .max(Map.Entry.comparingByValue())
                .map(e -> new Repeat(e.getKey(), e.getValue()));
    }

    /** A query text and how often it ran. */
    public record Repeat(String sql, int count) {
    }
}
