-- The GiST exclusion constraint on assignment periods cost about half of a 100,000-row register
-- import (every new enterprise gets a period). Periods stay apart by the service's rules instead:
-- it appends (closes the open period on the day and opens the next, refuses a change dated before
-- the open period began), one open period per enterprise is a unique index, and the tests check
-- that no two periods of an enterprise overlap.
ALTER TABLE enterprise_assignment DROP CONSTRAINT IF EXISTS enterprise_assignment_no_overlap;
