package dev.pglabs.graders.lab06;

import dev.pglabs.comparison.ResultTable;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.provisioning.ProvisioningException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank and box office of one check, read and prepared as the grader (never as the student), and the records
 * the checks reason about. One administrative connection per check: JUnit makes a new grader instance for every
 * check, and each check makes its own Bank.
 */
final class Bank {

    record Account(int id, String owner, BigDecimal balance) {
    }

    record Show(int id, String title, int capacity, int seatsLeft, long bookings, int maxBookingId) {
    }

    private final CheckDatabase db;
    private Connection admin;

    Bank(CheckDatabase db) {
        this.db = db;
    }

    private Connection admin() throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = db.openAdmin();
        }
        return admin;
    }

    List<Account> accounts() {
        return asAdmin("SELECT id, owner, balance FROM accounts ORDER BY id").rows().stream()
                .map(r -> new Account(intOf(r.get(0)), (String) r.get(1), decimalOf(r.get(2))))
                .toList();
    }

    List<Account> richest(int n) {
        return asAdmin("SELECT id, owner, balance FROM accounts ORDER BY balance DESC, id LIMIT " + n).rows()
                .stream()
                .map(r -> new Account(intOf(r.get(0)), (String) r.get(1), decimalOf(r.get(2))))
                .sorted((x, y) -> Integer.compare(x.id(), y.id()))
                .toList();
    }

    List<Show> shows() {
        return asAdmin("""
                SELECT s.id, s.title, s.capacity, s.seats_left, count(b.id), coalesce(max(b.id), 0)
                FROM shows s LEFT JOIN bookings b ON b.show_id = s.id
                GROUP BY s.id ORDER BY s.id""").rows().stream()
                .map(r -> new Show(intOf(r.get(0)), (String) r.get(1), intOf(r.get(2)),
                        intOf(r.get(3)), intOf(r.get(4)), intOf(r.get(5))))
                .toList();
    }

    int maxTransferId() {
        return intOf(asAdmin("SELECT coalesce(max(id), 0) FROM transfers").rows().get(0).get(0));
    }

    int transferCount() {
        return intOf(asAdmin("SELECT count(*) FROM transfers").rows().get(0).get(0));
    }

    int countUpTo(int id) {
        return intOf(asAdmin("SELECT count(*) FROM transfers WHERE id <= " + id).rows().get(0).get(0));
    }

    ResultTable asAdmin(String sql) {
        try (Statement st = admin().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return ResultTable.read(rs, 100_000);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader's own query failed (a bug in the grader, not in your answer): "
                    + e.getMessage(), e);
        }
    }

    void execAsAdmin(String sql) {
        try (Statement st = admin().createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new ProvisioningException("The grader could not prepare the database (a bug in the grader, not in "
                    + "your answer): " + e.getMessage(), e);
        }
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static void move(Map<Integer, BigDecimal> balances, List<List<Object>> log, int from, int to,
                             BigDecimal amount) {
        balances.merge(from, amount.negate(), BigDecimal::add);
        balances.merge(to, amount, BigDecimal::add);
        log.add(List.of(from, to, amount));
    }

    static Map<Integer, BigDecimal> balances(List<Account> accounts) {
        Map<Integer, BigDecimal> map = new LinkedHashMap<>();
        accounts.forEach(a -> map.put(a.id(), a.balance()));
        return map;
    }

    /** The show with the most seats left (ties: the lowest id). */
    static Show mostSeatsLeft(List<Show> shows) {
        return shows.stream().max((x, y) -> x.seatsLeft() != y.seatsLeft()
                ? Integer.compare(x.seatsLeft(), y.seatsLeft()) : Integer.compare(y.id(), x.id())).orElseThrow();
    }

    static Show soldOut(List<Show> shows) {
        return shows.stream().filter(s -> s.seatsLeft() == 0).findFirst().orElseThrow();
    }

    /** The accounts with money, poorest first (ties by id): the ones a transfer can empty or overdraw. */
    static List<Account> poorestFirst(List<Account> accounts) {
        return accounts.stream().filter(a -> a.balance().signum() > 0)
                .sorted((x, y) -> x.balance().compareTo(y.balance()) != 0 ? x.balance().compareTo(y.balance())
                        : Integer.compare(x.id(), y.id()))
                .toList();
    }

    static Show fewestSeatsLeft(List<Show> shows) {
        return shows.stream().filter(s -> s.seatsLeft() > 0).min((x, y) -> x.seatsLeft() != y.seatsLeft()
                ? Integer.compare(x.seatsLeft(), y.seatsLeft()) : Integer.compare(x.id(), y.id())).orElseThrow();
    }

    /** Ids of identity columns come back as text (the driver calls their type "serial"); numbers otherwise. */
    static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
    }

    static BigDecimal decimalOf(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value).strip());
    }
}
