package dev.pglabs.worker;

import java.io.File;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * The state of a worker JVM that outlives the student's classes: threads, system properties, default locale and time
 * zone, files in its temporary folder. Taken when the worker is ready; a worker that differs from it after a grading
 * is not reused ({@link WorkerContext#recycle}), since the next grading would see what this one left.
 */
record Baseline(Set<Thread> threads, Map<String, String> properties, Locale locale, TimeZone timeZone,
                List<String> tmpFiles) {

    static Baseline now() {
        return new Baseline(Set.copyOf(Thread.getAllStackTraces().keySet()), propertiesNow(), Locale.getDefault(),
                TimeZone.getDefault(), tmpFilesNow());
    }

    /** What differs now (a short description), or null when nothing does. */
    String changedSince(boolean nothingKept) {
        if (!nothingKept) {
            return "objects of the last grading are still kept";
        }
        List<String> strays = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threads.contains(t) && !Pipes.ours(t))
                .map(Thread::getName).sorted().toList();
        if (!strays.isEmpty()) {
            return "threads still running: " + String.join(", ", strays);
        }
        if (!properties.equals(propertiesNow())) {
            return "system properties changed";
        }
        if (!locale.equals(Locale.getDefault()) || !timeZone.equals(TimeZone.getDefault())) {
            return "default locale or time zone changed";
        }
        if (!tmpFiles.equals(tmpFilesNow())) {
            return "files left in the temporary folder";
        }
        return null;
    }

    private static Map<String, String> propertiesNow() {
        Map<String, String> copy = new HashMap<>();
        System.getProperties().forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
        return copy;
    }

    private static List<String> tmpFilesNow() {
        String[] names = new File(Objects.requireNonNullElse(System.getProperty("java.io.tmpdir"), "/tmp")).list();
        return names == null ? List.of() : Arrays.stream(names).sorted().collect(Collectors.toList());
    }
}
