package dev.pglabs.classroom;

import java.util.Optional;

/**
 * One lab of one student under the course policy: the raw points the checks gave, what they count for in the
 * course (scaled to the lab's points, or times its weight), and what lateness takes off.
 * {@code finalPoints = counted - penalty}, {@code penalty = counted × penaltyPercent / 100}, each rounded to hundredths.
 *
 * @param lab            the lab folder, e.g. {@code 01-sql-basics}
 * @param handedIn       when, if the folder tells (see {@link SubmissionTime})
 * @param daysLate       started days past the deadline (0: on time, within the grace period, or no deadline)
 */
public record LabGrade(String lab, double raw, double rawMax, double counted, double countedMax,
                       Optional<SubmissionTime> handedIn, long daysLate, double penaltyPercent, double penalty,
                       double finalPoints) {
}
