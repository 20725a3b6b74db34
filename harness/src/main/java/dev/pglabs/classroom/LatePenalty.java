package dev.pglabs.classroom;

import java.time.Duration;

/**
 * A course's rule for late work: a percent of the lab's points per started day late, up to a maximum, and
 * optionally nothing at all after a number of days. Work handed in within the grace period after the deadline is on
 * time; past it, days are counted from the deadline itself (1 minute past the grace period is day 1).
 *
 * @param percentPerDay percent of the lab's points taken off per started day late (0 to 100)
 * @param maxPercent    the most that is taken off, however late (0 to 100)
 * @param zeroAfterDays work more than this many days late scores 0 (null: no such cutoff)
 * @param grace         how long after the deadline work still counts as on time
 */
public record LatePenalty(double percentPerDay, double maxPercent, Integer zeroAfterDays, Duration grace) {

    /** No penalty at all: the rule of a course without a late-penalty section. */
    public static final LatePenalty NONE = new LatePenalty(0, 0, null, Duration.ZERO);

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    /** Started days late: 0 when on time or within the grace period. */
    public long daysLate(Duration late) {
        if (late.compareTo(grace) <= 0) {  // grace is never negative: early work lands here too
            return 0;
        }
        long seconds = late.toSeconds() + (late.toNanosPart() > 0 ? 1 : 0);
        return (seconds + DAY_SECONDS - 1) / DAY_SECONDS;
    }

    /** The percent of the lab's points taken off for work this late (0 to 100). */
    public double percent(Duration late) {
        long days = daysLate(late);
        if (days == 0) {
            return 0;
        }
        if (zeroAfterDays != null && days > zeroAfterDays) {
            return 100;
        }
        return Math.min(maxPercent, days * percentPerDay);
    }
}
