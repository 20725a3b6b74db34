package dev.pglabs.comparison;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;

/** A minimal all-text ResultSet, so ResultTable.read can be unit-tested without a server. */
final class FakeResultSet {

    private FakeResultSet() {
    }

    static ResultSet text(List<String> columns, List<List<String>> rows) {
        ResultSetMetaData meta = (ResultSetMetaData) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getColumnCount":
                            return columns.size();
                        case "getColumnLabel":
                        case "getColumnName":
                            return columns.get((Integer) args[0] - 1);
                        case "getColumnTypeName":
                            return "text";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
        int[] cursor = {-1};
        return (ResultSet) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getMetaData":
                            return meta;
                        case "next":
                            return ++cursor[0] < rows.size();
                        case "getString":
                            return rows.get(cursor[0]).get((Integer) args[0] - 1);
                        case "wasNull":
                            return false;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
