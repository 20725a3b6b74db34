package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.orm.StatementLog;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A {@link StatementLog.Entry} as data, so the statements the student's code sent cross from the worker. */
public record Sent(String sql, List<String> parameters, int batchSize, boolean transactionControl)
        implements Serializable {

    public Sent {
        parameters = new ArrayList<>(parameters);
    }

    static List<Sent> of(List<StatementLog.Entry> entries) {
        List<Sent> sent = new ArrayList<>();
        for (StatementLog.Entry e : entries) {
            sent.add(new Sent(e.sql(), e.parameters(), e.batchSize(), e.transactionControl()));
        }
        return sent;
    }

    /** Back to the harness's entry, for {@link dev.pglabs.orm.SqlBudget} and the listings in feedback. */
    public StatementLog.Entry entry() {
        return new StatementLog.Entry(sql, List.copyOf(parameters), batchSize, transactionControl);
    }

    public static List<StatementLog.Entry> entries(List<Sent> sent) {
        return sent.stream().map(Sent::entry).toList();
    }
}
