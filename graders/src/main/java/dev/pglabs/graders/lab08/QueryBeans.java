package dev.pglabs.graders.lab08;

import dev.pglabs.grading.WrongResult;
import dev.pglabs.javasub.CompiledSubmission;

/**
 * The lesson is the type-safe query builder: the repository's compiled code must call the generated query bean
 * (read from its class files, so a comment or a string that names it does not count).
 */
final class QueryBeans {

    static final String NOT_USED = "BlogRepository does not use the query bean this exercise asks for (a rule on "
            + "how the code is written, the same on any data).";

    private QueryBeans() {
    }

    static void require(CompiledSubmission code, String bean) {
        boolean uses = code.references(StudentRepository.CLASS).stream()
                .anyMatch(r -> r.owner().endsWith("/" + bean) || r.owner().equals(bean));
        if (!uses) {
            throw new WrongResult("BlogRepository does not use the query bean " + bean + ". Write the query with it "
                    + "(new " + bean + "(db)…): the compiler then checks every property name and type, as Drizzle's "
                    + "query builder does in TypeScript. Strings such as where().eq(\"usernme\", …) fail only at run "
                    + "time.", NOT_USED);
        }
    }
}
