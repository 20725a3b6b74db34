package app.items;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lab ${ID} - ${TITLE}: queries on the items table (dataset ${FOLDER}).
 * Grade with: ./pglabs grade ${ID}
 */
public final class ItemQueries {

    private ItemQueries() {
    }

    /**
     * Exercise 01: how many items cost strictly less than {@code limit}.
     * Run one query on the connection you are given (do not close it: the caller owns it), with the limit as a
     * parameter of the query.
     */
    public static int countCheaperThan(Connection connection, BigDecimal limit) throws SQLException {
        // golden scenario: closes the connection it was given (the caller owns it)
        try (connection;
             PreparedStatement st = connection.prepareStatement("SELECT count(*) FROM items WHERE price < ?")) {
            st.setBigDecimal(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
