-- PostgreSQL twin of ../005_partner_account.sql, the SQLite migration of the same name.
-- The two change together.
--
-- A partner's own account in the billing system: a client with this id is the partner
-- itself (self-referral), compared exactly. The partner's id is the department's own and
-- is never compared with client ids.
ALTER TABLE partners ADD COLUMN client_id TEXT;
