package dev.pglabs.submission;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlScript;

import java.util.List;

/** The SQL text of one answer file, with where it came from for messages. */
public record SqlAnswer(String origin, String text) {

    public List<SqlScript.Statement> statements() {
        return SqlScript.split(text);
    }

    /** The answer as one statement, refusing files that hold several where the exercise asks for one query. */
    public String singleStatement() {
        List<SqlScript.Statement> statements = statements().stream()
                .filter(s -> !SqlScript.withoutComments(s.sql()).isEmpty())
                .toList();
        if (statements.size() != 1) {
            throw new SubmissionProblem(CheckStatus.FAILED, origin + " should hold exactly one query, but it has "
                    + statements.size() + " statements (starting on lines "
                    + statements.stream().map(s -> Integer.toString(s.line())).reduce((a, b) -> a + ", " + b).orElse("")
                    + "). Keep only the query that answers the exercise.");
        }
        return statements.get(0).sql();
    }
}
