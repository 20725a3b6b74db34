package dev.pglabs.grading;

import dev.pglabs.results.Visibility;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a {@link Check}: on which dataset, with which visibility, under which id. A check with
 * {@link Check#hiddenOn()} runs twice — visible on its dataset, then hidden on the variant — so a grader
 * writes each requirement once.
 */
public record CheckVariant(String id, String titleSuffix, String dataset, Visibility visibility, double points) {

    static final String HIDDEN_SUFFIX = ":hidden";

    /**
     * The exercise a check id belongs to: the id without the hidden suffix, so a check and its hidden twin (a
     * {@link Check#hiddenOn()} variant, or a hiddenGrader check named {@code <id>:hidden}) share it.
     */
    public static String exerciseOf(String checkId) {
        return checkId.endsWith(HIDDEN_SUFFIX) ? checkId.substring(0, checkId.length() - HIDDEN_SUFFIX.length()) : checkId;
    }

    static List<CheckVariant> of(Check check, String methodName) {
        return of(check, methodName, CheckScope.ALL);
    }

    /** The runs of a check within a scope: none for a hidden check when only visible ones run. */
    static List<CheckVariant> of(Check check, String methodName, CheckScope scope) {
        String id = check.id().isEmpty() ? methodName : check.id();
        List<CheckVariant> variants = new ArrayList<>();
        variants.add(new CheckVariant(id, "", check.dataset(), check.visibility(), check.points()));
        if (!check.hiddenOn().isEmpty()) {
            variants.add(new CheckVariant(id + HIDDEN_SUFFIX, " (on other data)", check.hiddenOn(),
                    Visibility.HIDDEN, check.points()));
        }
        return variants.stream().filter(v -> scope.includes(v.visibility())).toList();
    }
}
