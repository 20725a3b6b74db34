package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

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
        // System.exit called by an XSLT extension function: the bytecode policy sees only javax.xml.transform.
        String sheet = "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                + " xmlns:sys='http://xml.apache.org/xalan/java/java.lang.System'>"
                + "<xsl:template match='/'><xsl:value-of select='sys:exit(0)'/></xsl:template></xsl:stylesheet>";
        try {
            TransformerFactory.newInstance().newTransformer(new StreamSource(new StringReader(sheet)))
                    .transform(new StreamSource(new StringReader("<x/>")), new StreamResult(new StringWriter()));
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }
}
