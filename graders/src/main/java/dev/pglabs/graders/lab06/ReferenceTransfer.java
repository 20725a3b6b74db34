package dev.pglabs.graders.lab06;

/** Exercise 03's stand-in for the student's transfer(). */
final class ReferenceTransfer {

    private ReferenceTransfer() {
    }

    /**
     * The grader's stand-in for transfer(), so that exercise 03 is graded on its own, whatever 01-transfer.sql holds.
     * Check 03 calls it from one client only, so it takes no locks: it is not exercise 01's answer (which students
     * receive in the graders' source), only its refusals and effects, with the same messages.
     */
    static void install(Bank bank) {
        bank.execAsAdmin("""
                DROP FUNCTION IF EXISTS transfer(integer, integer, numeric);
                CREATE FUNCTION transfer(p_from integer, p_to integer, p_amount numeric) RETURNS void
                LANGUAGE plpgsql AS $$
                DECLARE
                    missing integer;
                    has numeric;
                BEGIN
                    IF NOT coalesce(p_amount > 0, false) THEN
                        RAISE EXCEPTION 'amount must be positive, not %', p_amount;
                    END IF;
                    missing := (SELECT w.wanted FROM (VALUES (1, p_from), (2, p_to)) AS w(n, wanted)
                                WHERE NOT EXISTS (SELECT FROM accounts a WHERE a.id = w.wanted) ORDER BY w.n LIMIT 1);
                    IF missing IS NOT NULL THEN
                        RAISE EXCEPTION 'account % does not exist', missing;
                    END IF;
                    has := (SELECT a.balance FROM accounts a WHERE a.id = p_from);
                    IF has < p_amount THEN
                        RAISE EXCEPTION 'insufficient funds: account % has %, needs %', p_from, has, p_amount;
                    END IF;
                    UPDATE accounts a SET balance = a.balance + CASE WHEN a.id = p_from THEN -p_amount ELSE p_amount END
                    WHERE a.id IN (p_from, p_to);
                    INSERT INTO transfers (from_id, to_id, amount) SELECT p_from, p_to, p_amount;
                END
                $$""");
    }
}
