-- Order numbers (decision 0027): each process leases a worker number 000–999 from this sequence
-- once when it starts and counts within the second itself, so no two processes make the same number.
CREATE SEQUENCE "public"."order_number_workers" INCREMENT BY 1 MINVALUE 0 MAXVALUE 999 START WITH 0 CACHE 1 CYCLE;
