package ${PACKAGE};

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.SqlCheck;
import org.junit.jupiter.api.DisplayName;

/**
 * Grades lab ${ID} (${TITLE}). Each check runs visibly on the lab's data and, hidden, on a variant of it
 * ({@code hiddenOn}), so an answer that hard-codes today's rows fails. Its reference answer is
 * {@code references/<check>.sql} beside this class.
 */
@Grader(lab = "${FOLDER}")
@DisplayName("Lab ${ID} · ${TITLE}")
class ${CLASS} {

    private static final String HIDDEN_DATA = "hidden";

    @Check(id = "01-items-by-price", hiddenOn = HIDDEN_DATA,
            hint = "Two columns of items. Cheapest first, and the task says how to order items of the same price.")
    @DisplayName("01 lists every item's name and price, cheapest first")
    void e01_itemsByPrice(SqlCheck sql) {
        sql.assertQuery("01-items-by-price.sql", reference("01-items-by-price"),
                CompareOptions.ordered().withColumnNames());
    }

    private static ReferenceAnswer reference(String name) {
        return ReferenceAnswer.beside(${CLASS}.class, name);
    }
}
