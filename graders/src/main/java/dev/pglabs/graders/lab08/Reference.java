package dev.pglabs.graders.lab08;

import dev.pglabs.graders.lab08.sandboxed.Beans;
import dev.pglabs.provisioning.CheckDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The grader's own answers, read with plain SQL as the administrator of the check's database. */
final class Reference {

    private Reference() {
    }

    static List<List<Object>> rows(CheckDatabase db, String sql, Object... params) {
        try (Connection c = db.openAdmin(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(Beans.normal(v));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("the grader's reference query failed: " + e.getMessage(), e);
        }
    }

    static Object value(CheckDatabase db, String sql, Object... params) {
        List<List<Object>> rows = rows(db, sql, params);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    static void execute(CheckDatabase db, String sql, Object... params) {
        try (Connection c = db.openAdmin(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the grader's set-up failed: " + e.getMessage(), e);
        }
    }
}
