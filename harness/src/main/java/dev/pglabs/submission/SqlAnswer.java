package dev.pglabs.submission;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.sql.SqlScript;

import java.util.List;

/**
 * The SQL text of one answer file, with where it came from for messages, and its statements: split once, when the file
 * is read ({@link LabFiles#sql}), and run as they are ({@code StudentSession.query(statements, origin)}).
 */
public record SqlAnswer(String origin, String text, List<SqlScript.Statement> statements) {

    public SqlAnswer {
        statements = List.copyOf(statements);
    }

    /** The answer as one statement, refusing files that hold several where the exercise asks for one query. */
    public String singleStatement() {
        List<SqlScript.Statement> code = statements.stream()
                .filter(s -> !SqlScript.withoutComments(s.sql()).isEmpty())
                .toList();
        if (code.size() != 1) {
            throw new SubmissionProblem(CheckStatus.FAILED, origin + " should hold exactly one query, but it has "
                    + code.size() + " statements (starting on lines "
                    + code.stream().map(s -> Integer.toString(s.line())).reduce((a, b) -> a + ", " + b).orElse("")
                    + "). Keep only the query that answers the exercise.");
        }
        return code.get(0).sql();
    }
}
