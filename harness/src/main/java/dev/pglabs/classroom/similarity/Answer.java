package dev.pglabs.classroom.similarity;

/**
 * One student's answer to one exercise.
 *
 * @param student the student's folder name (untrusted: escape it wherever it is shown)
 * @param text    the file as handed in (untrusted)
 * @param form    its normal form without the starter's statements (see {@link SqlNormaliser})
 * @param tokens  the number of tokens of the normal form
 * @param parsed  false when some statement could only be compared as tokens
 */
public record Answer(String student, Exercise exercise, String text, String form, int tokens, boolean parsed) {
}
