-- R-X1 finds a customer again through customer_key (V15): the keyed hash of the ID number when the
-- customer gave one, else of the mobile. Nothing asks for complaints by id_number_hash itself (the
-- staff search goes by the mobile's hash), yet its index took an entry for every registration, on
-- a page the hash picks at random, so after each checkpoint one in four or five of those writes
-- also logged the page whole (468 - 730 full-page images in the 10 s after one, at 300/s; issue
-- 18, docs/benchmarks.md). The column stays: it is what customer_key was made from, and what a
-- later lookup by identity alone would index again.
drop index complaint_id_number_hash_idx;
