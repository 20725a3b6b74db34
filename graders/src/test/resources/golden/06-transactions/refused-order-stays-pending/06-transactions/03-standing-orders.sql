-- Lab 06 · Exercise 03: the monthly standing-orders batch
--
-- Write a PL/pgSQL function
--
--     pay_standing_orders() RETURNS integer
--
-- that pays this month's standing orders (table standing_orders):
--
--   * Go through the orders whose status is 'pending', in id order (the order
--     matters: an earlier payment can bring in the money a later one needs).
--   * Pay each one with transfer(from_id, to_id, amount) and set its status to
--     'paid'.
--   * When transfer() refuses an order (it raises an exception, for example
--     'insufficient funds'), that order alone is undone and its status set to
--     'failed'; the batch goes on with the next order. One failing order must
--     not undo or stop the others.
--   * Orders that are not 'pending' stay as they are.
--   * Return the number of orders paid.
--
-- The grader installs its own, correct transfer() (the one exercise 01 asks
-- for: it raises an exception with SQLSTATE P0001 when it refuses), so this
-- exercise is graded on its own. Don't create transfer() in this file.
-- It calls your function once: SELECT pay_standing_orders();
--
-- Read sections 4 and 9 of README.md first. Grade with: ./pglabs grade 06

CREATE OR REPLACE FUNCTION pay_standing_orders()
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    o      record;
    v_paid integer := 0;
BEGIN
    FOR o IN
        SELECT id, from_id, to_id, amount
        FROM standing_orders
        WHERE status = 'pending'
        ORDER BY id
    LOOP
        -- A block with EXCEPTION is a savepoint: when transfer() raises, only
        -- what happened inside this block is rolled back.
        BEGIN
            PERFORM transfer(o.from_id, o.to_id, o.amount);
            UPDATE standing_orders SET status = 'paid' WHERE id = o.id;
            v_paid := v_paid + 1;
        EXCEPTION WHEN raise_exception THEN
            RAISE NOTICE 'standing order % not paid: %', o.id, SQLERRM;
        END;
    END LOOP;
    RETURN v_paid;
END
$$;
