package dev.pglabs.classroom.similarity;

/**
 * One exercise: an SQL file of a lab's starter, which each student answers in the file of the same path.
 *
 * @param lab     the lab folder, e.g. {@code 01-sql-basics}
 * @param file    the path inside the lab folder, with {@code /}, e.g. {@code 02-users-in-lisbon.sql}
 * @param starter the starter's text (the task and the TODO line), which never counts as similarity
 */
public record Exercise(String lab, String file, String starter) {

    /** How the exercise is named in reports: {@code 01-sql-basics/02-users-in-lisbon.sql}. */
    public String name() {
        return lab + "/" + file;
    }
}
