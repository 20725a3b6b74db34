package dev.pglabs.grading;

import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One graded check: a JUnit test with points and a visibility. Its {@code @DisplayName} is the title the
 * student reads, so write it as the requirement ("lists the five newest published posts, newest first").
 * With {@link #hiddenOn()} the same method also runs as a hidden check on a variant dataset.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(CheckVariants.class)
public @interface Check {

    /** Stable id within the lab; defaults to the method name. Name it after the exercise file. */
    String id() default "";

    double points() default 1;

    Visibility visibility() default Visibility.VISIBLE;

    /** A hint added under the feedback when the check does not pass: the usual mistake and how to fix it. */
    String hint() default "";

    /** The dataset (from the lab's entry in course.json) the check's database is cloned from. */
    String dataset() default "default";

    /**
     * A variant dataset to run this check on once more, as a hidden check with id {@code <id>:hidden}:
     * an answer that hard-codes today's rows passes the visible run and fails this one.
     */
    String hiddenOn() default "";

    /**
     * What this check guards when it guards production data or security, completing "check X guards …": e.g.
     * {@code "the posts against callers who do not own them"}. When such a check (or its hidden run) does not pass, the
     * lab's score is capped at 40 % of its points ({@link dev.pglabs.results.ScoreCap}) and every report says why.
     * Empty (the default): an ordinary check.
     */
    String guards() default "";
}
