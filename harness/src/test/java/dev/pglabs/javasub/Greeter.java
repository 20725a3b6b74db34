package dev.pglabs.javasub;

/** The course-side interface test submissions implement (shared with the grader's class loader). */
public interface Greeter {
    String greet(String name) throws Exception;
}
