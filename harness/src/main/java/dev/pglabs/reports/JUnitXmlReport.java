package dev.pglabs.reports;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;
import dev.pglabs.results.SubmissionResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * JUnit XML (the Ant/Surefire format CI servers read): {@code <testsuites>} with one {@code <testsuite>} per lab
 * and one {@code <testcase>} per check. A failed check has a {@code <failure>}, a check that could not run or
 * ran out of time an {@code <error>} (type {@code error} or {@code timeout}), each with the feedback as its
 * text. Points go to the suite's properties and each case's {@code <system-out>}; every suite also carries the
 * grader version, PostgreSQL version and submission hash. Written with the JDK's XML writer; characters XML
 * cannot hold (a student's output may contain them) are replaced.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    public static void write(SubmissionResult result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            write(result, out);
        }
    }

    public static void write(SubmissionResult result, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "pglabs");
            xml.writeAttribute("tests", Long.toString(count(result, null)));
            xml.writeAttribute("failures", Long.toString(count(result, CheckStatus.FAILED)));
            xml.writeAttribute("errors", Long.toString(count(result, CheckStatus.ERROR) + count(result, CheckStatus.TIMEOUT)));
            xml.writeAttribute("time", seconds(result.run() == null ? 0 : result.run().durationMs()));
            xml.writeCharacters("\n");
            for (LabResult lab : result.labs()) {
                suite(xml, result, lab);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the JUnit XML report: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static void suite(XMLStreamWriter xml, SubmissionResult result, LabResult lab) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(lab.id()));
        xml.writeAttribute("tests", Integer.toString(lab.checks().size()));
        xml.writeAttribute("failures", Long.toString(lab.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).count()));
        xml.writeAttribute("errors", Long.toString(lab.checks().stream()
                .filter(c -> c.status() == CheckStatus.ERROR || c.status() == CheckStatus.TIMEOUT).count()));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(lab.checks().stream().mapToLong(CheckResult::durationMs).sum()));
        var run = result.run();
        if (run != null && run.gradedAt() != null) {
            // JUnit's timestamp has no zone; ours is UTC.
            xml.writeAttribute("timestamp", run.gradedAt().replaceFirst("(\\.\\d+)?Z$", ""));
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "title", lab.title());
        property(xml, "score", Scores.format(lab.score()));
        property(xml, "max", Scores.format(lab.max()));
        if (lab.cap() != null) {
            property(xml, "capped", lab.cap().reason());
        }
        if (run != null) {
            property(xml, "graderVersion", run.graderVersion());
            property(xml, "postgresVersion", run.postgresVersion());
            property(xml, "provider", run.provider());
            property(xml, "submissionSha256", run.submissionSha256());
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (CheckResult check : lab.checks()) {
            testcase(xml, lab, check);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter xml, LabResult lab, CheckResult check) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(lab.id()));
        xml.writeAttribute("name", clean(check.id() + ": " + check.title()));
        xml.writeAttribute("time", seconds(check.durationMs()));
        if (check.status() != CheckStatus.PASSED) {
            boolean failure = check.status() == CheckStatus.FAILED;
            xml.writeCharacters("\n      ");
            xml.writeStartElement(failure ? "failure" : "error");
            xml.writeAttribute("message", clean(check.feedback().lines().findFirst().orElse(check.status().json())));
            xml.writeAttribute("type", check.status().json());
            xml.writeCharacters(clean(check.feedback()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n      ");
        xml.writeStartElement("system-out");
        xml.writeCharacters("points: " + Scores.format(check.points()) + " / " + Scores.format(check.max())
                + " (" + check.visibility().json() + " check)");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value == null ? "" : value));
    }

    private static long count(SubmissionResult result, CheckStatus status) {
        return result.labs().stream().flatMap(l -> l.checks().stream())
                .filter(c -> status == null || c.status() == status).count();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** Keeps only the characters XML 1.0 allows (no NUL, no other C0 controls but tab/newline/CR, no lone surrogates). */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            sb.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return sb.toString();
    }
}
