package dev.pglabs.graders.lab10;

import dev.pglabs.grading.Problems;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.provisioning.RdsLikeServer;
import dev.pglabs.worker.StudentJvm;

import java.util.Map;

import static dev.pglabs.graders.lab10.Environments.env;
import static dev.pglabs.graders.lab10.Environments.inside;
import static dev.pglabs.graders.lab10.Environments.libpq;
import static dev.pglabs.graders.lab10.Environments.show;
import static dev.pglabs.graders.lab10.Environments.tls;
import static dev.pglabs.graders.lab10.Pools.WRITER;
import static dev.pglabs.graders.lab10.Pools.attempt;
import static dev.pglabs.graders.lab10.Pools.connects;
import static dev.pglabs.graders.lab10.Pools.mustConnect;
import static dev.pglabs.graders.lab10.Pools.result;

/**
 * Exercise 3's impostors: with verify-full, the pool refuses a server whose certificate another CA signed, and one
 * reached by a name its certificate does not hold (127.0.0.1 for a certificate issued to localhost).
 */
final class ImpostorReview {

    private ImpostorReview() {
    }

    static Problems of(StudentDb student, StudentJvm jvm, RdsLikeServer rds, ConnectionTarget t) {
        ConnectionTarget in = inside(jvm, rds, t);
        String ca = jvm.shareFile(rds.caCertificate());
        Map<String, String> right = env("DATABASE_URL", libpq(in, rds.host(), tls("verify-full", ca)));
        Map<String, String> otherCa = env("DATABASE_URL", libpq(in, rds.host(),
                tls("verify-full", jvm.shareFile(rds.untrustedCaCertificate()))));
        Map<String, String> otherName = env("DATABASE_URL", libpq(in, "127.0.0.1", tls("verify-full", ca)));
        // Refusals take HikariCP a second each: they run side by side, and next to the right connection.
        var caAttempt = attempt(() -> connects(student, WRITER, otherCa));
        var nameAttempt = attempt(() -> connects(student, WRITER, otherName));
        mustConnect(student, WRITER, right, "the RDS-like server (with the right CA and host name)");
        Problems problems = new Problems();
        problems.addIf(result(caAttempt), "With sslrootcert naming a CA that did not sign the server's certificate, "
                + "your pool still connected:\n" + show(otherCa) + "\n  So it does not verify the certificate: an "
                + "impostor with any certificate would get your password. Look for sslmode require/prefer or a "
                + "NonValidatingFactory in your code.");
        problems.addIf(result(nameAttempt), "With host 127.0.0.1 (the certificate is issued for localhost only), your "
                + "pool still connected:\n" + show(otherName) + "\n  So it does not check the host name: that is "
                + "verify-ca (or weaker) instead of the verify-full that DATABASE_URL asks for.");
        return problems;
    }
}
