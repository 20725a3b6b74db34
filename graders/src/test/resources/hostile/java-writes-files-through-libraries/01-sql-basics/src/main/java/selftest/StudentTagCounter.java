package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.sql.Connection;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Files written through an XSLT transform (the bytecode policy sees no file access): the sandbox's own /tmp
        // takes it and is gone with the worker; the submission and the course folder are not there to write to.
        throw new IllegalStateException("LEAK[tmp=" + write("/tmp/pglabs-hostile-planted.xml")
                + " submission=" + write("@SUBMISSION@/pglabs-hostile-planted.xml")
                + " course=" + write("@PGLABS_HOME@/pglabs-hostile-planted.xml") + "]");
    }

    private static String write(String path) {
        try {
            TransformerFactory.newInstance().newTransformer().transform(
                    new StreamSource(new StringReader("<planted/>")), new StreamResult("file://" + path));
            return "written";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
