-- The demo clock's offset (only where stride.demo.clock-control is on, never in prod): the pages' "today" follows the
-- demo's time across a restart, as reminder-service's does. One row; only ever moves forward.
CREATE TABLE clock_offset (
    id      integer PRIMARY KEY CHECK (id = 1),
    seconds bigint  NOT NULL
);
