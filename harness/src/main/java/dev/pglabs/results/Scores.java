package dev.pglabs.results;

/** Point arithmetic: sums of fractional points are rounded to hundredths so 0.1 + 0.2 prints as 0.3. */
public final class Scores {
    private Scores() {
    }

    public static double round(double points) {
        return Math.round(points * 100.0) / 100.0;
    }

    /** "7", "7.5": whole points without a trailing ".0". */
    public static String format(double points) {
        double r = round(points);
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
