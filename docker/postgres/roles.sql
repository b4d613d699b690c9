-- The database roles of HalloWerk (docs/security.md, "Database roles"). Run by a superuser
-- with psql, once per server and again whenever it changes; every statement may run twice.
--   owner   owns the database and every table: `migrate`, backup/restore, the tests.
--   app     what the web, worker and beat processes connect as: neither owner nor superuser,
--           so it cannot TRUNCATE, ALTER, DROP or disable triggers, nor set
--           session_replication_role. Its table rights come from `migrate`
--           (hallowerk/database_roles.py: every table, less the audit log's UPDATE/DELETE).
-- Variables (psql -v): owner, app, owner_password, app_password, database, and
-- owner_options (CREATEDB where the owner's tests create their own databases, else NOCREATEDB).
-- docker/postgres/initdb.sh runs it in the postgres container; hallowerk/settings/embedded.py
-- runs it on the embedded server.

-- Two processes that start together (pytest -n 2 on the embedded server) take turns.
SELECT pg_advisory_lock(hashtext('hallowerk.database_roles')) \gset

SELECT format('CREATE ROLE %I', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I', :'app')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec

ALTER ROLE :"owner" LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS :owner_options
    PASSWORD :'owner_password';
ALTER ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'app_password';
-- The owner may act as the application role (SET ROLE): the tests check that role's limits
-- that way. Never the other way round.
GRANT :"app" TO :"owner";

-- The databases the owner works in (the application's, and in development the test and
-- benchmark databases made earlier by the superuser) become the owner's.
SELECT format('ALTER DATABASE %I OWNER TO %I', datname, :'owner')
  FROM pg_database
 WHERE datname NOT IN ('postgres', 'template0', 'template1')
   AND datdba <> (SELECT oid FROM pg_roles WHERE rolname = :'owner') \gexec

\connect :"database"
SELECT pg_advisory_lock(hashtext('hallowerk.database_roles')) \gset

-- Since PostgreSQL 15 only the database owner creates in the schema public; said here too
-- for a database that was upgraded from an older server.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Tables, views, sequences and functions that another role made (a database migrated
-- before these roles existed) move to the owner; sequences of a column move with its table.
SELECT format('ALTER %s %s OWNER TO %I', kind, name, :'owner')
  FROM (SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                              WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
               c.oid::regclass::text AS name
          FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = :'owner')
           AND NOT EXISTS (SELECT FROM pg_depend d
                            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.deptype IN ('a', 'i'))
        UNION ALL
        SELECT 'FUNCTION', p.oid::regprocedure::text
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace
           AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = :'owner')) AS objects
 ORDER BY kind = 'FUNCTION' \gexec
