package dev.pglabs.mutation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * What mutation analysis found for one lab: per reference file, the checks that read it and each mutant's fate.
 * The score of a file is the share of its mutants that a check fails, not counting the survivors the grader lists
 * as equivalent (a change that cannot alter the result, with the reason).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationReport(String lab, String folder, List<FileReport> files) {

    /**
     * One reference file.
     *
     * @param notAnalysed why the file has no mutants, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileReport(String file, List<String> checks, List<String> unparsed, List<Outcome> mutants,
                             String notAnalysed) {

        static FileReport notAnalysed(String file, String why) {
            return new FileReport(file, List.of(), List.of(), List.of(), why);
        }

        @JsonProperty
        public int killed() {
            return (int) mutants.stream().filter(Outcome::killed).count();
        }

        @JsonProperty
        public int equivalent() {
            return (int) mutants.stream().filter(m -> !m.killed() && m.equivalent() != null).count();
        }

        @JsonProperty
        public List<Outcome> survivors() {
            return mutants.stream().filter(m -> !m.killed() && m.equivalent() == null).toList();
        }

        /** Killed mutants over those that could be killed; 1 when there are none. */
        @JsonProperty
        public double score() {
            int counted = mutants.size() - equivalent();
            return counted == 0 ? 1 : (double) killed() / counted;
        }
    }

    /**
     * One mutant and what became of it.
     *
     * @param killedBy   the checks that failed it (empty: it survived)
     * @param equivalent why the grader counts this survivor as harmless, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(Mutant mutant, List<String> killedBy, String equivalent) {
        @JsonProperty
        public boolean killed() {
            return !killedBy.isEmpty();
        }
    }

    /** Killed over killable mutants across the lab's analysed files. */
    @JsonProperty
    public double score() {
        int killed = files.stream().mapToInt(FileReport::killed).sum();
        int counted = files.stream().mapToInt(f -> f.mutants().size() - f.equivalent()).sum();
        return counted == 0 ? 1 : (double) killed / counted;
    }

    public void writeJson(Writer out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, this);
    }

    /** For the author: a line per file, then each survivor with its SQL and, with {@code suggest}, the rows to add. */
    public void writeText(PrintStream out, boolean suggest) {
        out.println("Mutation analysis of lab " + lab + " (" + folder + "): " + percent(score()) + " of mutants killed");
        for (FileReport file : files) {
            if (file.notAnalysed() != null) {
                out.println("  " + file.file() + ": not analysed, " + file.notAnalysed());
                continue;
            }
            out.println("  " + file.file() + " (" + String.join(", ", file.checks()) + "): " + file.killed() + " of "
                    + (file.mutants().size() - file.equivalent()) + " killed, " + percent(file.score())
                    + (file.equivalent() > 0 ? ", " + file.equivalent() + " equivalent" : "")
                    + (file.unparsed().isEmpty() ? "" : "; not parsed: " + String.join(", ", file.unparsed())));
            for (Outcome survivor : file.survivors()) {
                Mutant m = survivor.mutant();
                out.println("    survives [" + m.operator() + "] " + m.change());
                out.println("      " + m.statement());
                if (suggest) {
                    out.println("      add to a variant dataset: " + m.killedBy());
                }
            }
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
