package dev.pglabs.mutation;

/**
 * One mistake applied to a reference answer.
 *
 * @param operator  the kind of mistake ({@code bound}, {@code and-or}, {@code drop-predicate}, {@code join},
 *                  {@code distinct}, {@code count}, {@code aggregate}, {@code order}, {@code limit},
 *                  {@code null-test}, {@code letter-case}, {@code drop-not}, {@code comparison}, {@code union})
 * @param change    what changed, in SQL ({@code p.views > 100  →  p.views >= 100})
 * @param killedBy  the rows a dataset needs so that the mistake gives another result than the reference
 * @param line      the line of the changed statement in the reference file
 * @param file      the whole file with the change, as a student would hand it in
 * @param statement the changed statement alone
 */
public record Mutant(String operator, String change, String killedBy, int line, String file, String statement) {
}
