package dev.pglabs.grading;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit test class as the grader of a lab. Its {@link Check} methods receive the lab's files
 * ({@link dev.pglabs.submission.LabFiles}), a fresh database ({@link dev.pglabs.provisioning.CheckDatabase})
 * or the SQL helper ({@link SqlCheck}) as parameters. Checks run in method-name order, so name them
 * after the exercise ({@code e03_latestPublished}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(GradingExtension.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@Tag("grader")
public @interface Grader {

    /** The lab folder this grader grades, e.g. "01-sql-basics". */
    String lab();

    /**
     * Builds the lab's Java as a project with Ebean does ({@code mvn process-classes}): the query-bean generator runs
     * and entities are enhanced, for {@link dev.pglabs.javasub.CompiledSubmission} parameters (labs 08 and 09, whose
     * worker tasks start Ebean on those classes).
     */
    boolean ebean() default false;

    /**
     * Programs besides the database that the checks need (registered {@link LabService}s). {@code pglabs grade} starts
     * them before any lab is graded, and when one cannot run the lab is not graded (the run stops with the reason),
     * instead of every check failing. Checks reach them with {@link GradingSession#service}.
     */
    Class<? extends LabService>[] services() default {};
}
