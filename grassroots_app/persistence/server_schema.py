"""A shared PostgreSQL server's security, as SQL: roles, grants, row-level security, clerks and the audit.

Who may see and change what is PostgreSQL's to enforce, not the application's:

- `grassroots_owner` (NOLOGIN, BYPASSRLS, CREATEROLE) owns every table and the private functions; no one logs in
  as it. `grassroots_clerk` (NOLOGIN) holds the clerks' grants; each clerk is a LOGIN role (SCRAM password) and
  a member of it, owning nothing and not bypassing row security.
- A clerk's scope is one or more subtree roots (`grassroots_server.clerk_scope`); the units below them come from
  the closure table. The units above the roots (their names and links: the way down from the province, which
  the reports' headings and the tree need) are readable too, nothing else of theirs. Every table of the application has row-level security enabled and forced, with one policy
  per command. The policies call the functions of `grassroots_private`, which run as the owner (so they may read
  the scope and the closure) with a fixed search_path, and key on `session_user`: inside such a function
  `current_user` is the function's owner, while `session_user` is the clerk who logged in, which no statement
  of the clerk's (SET, SET ROLE) can change. Writing needs a place the clerk may write (not read-only): always
  a subset of what the clerk may read.
- Every insert, update and delete on a table of the application writes one row of `grassroots_server.audit_log`
  by a trigger: when, the login, the table, the row, the changed columns' old and new values, the transaction.
  Clerks read the rows of their scope (and their own); nobody changes or deletes one.
"""

from __future__ import annotations

from dataclasses import dataclass

OWNER = "grassroots_owner"
CLERK = "grassroots_clerk"
PRIVATE = "grassroots_private"
SERVER = "grassroots_server"
COMMANDS = ("select", "insert", "update", "delete")
SEARCH_PATH = f"SET search_path = pg_catalog, public, {SERVER}, pg_temp"  # pg_temp last: no shadowing


@dataclass(frozen=True)
class Place:
    """Where a table's rows lie: groups of columns; a row is readable when any group holds a readable place, and
    writable when every group holds a writable one. A group holds a place when any of its terms does."""

    groups: tuple[tuple[tuple[str, str], ...], ...]  # ((kind, column), ...) per group; kind: unit, cluster, …
    shared: bool = False  # no place: readable by every clerk with a scope, writable by every clerk who may write
    reference: bool = False  # readable by every clerk, written by the administrator only
    seen: str = ""  # a column read also where it names a unit above the scope (the way down to it)
    inserting: str = ""  # the check of a new row, where it differs from writing


def _place(*groups: tuple[tuple[str, str], ...]) -> Place:
    return Place(groups)


UNIT_OR_CLUSTER = (("unit", "unit_id"), ("cluster", "cluster_id"))
PLACES: dict[str, Place] = {
    # A new unit has no place until its link is written: checked at commit (check_placed). A new link places a
    # unit made in the same transaction, or one the clerk may write, under a unit the clerk may write.
    "unit": Place(((("unit", "id"),),), seen="id", inserting=f"{PRIVATE}.may_write()"),
    "unit_link": Place(((("unit", "unit_id"),), (("unit", "parent_id"),)), seen="unit_id",
                       inserting=f"parent_id IN (SELECT {PRIVATE}.writable_units()) AND {PRIVATE}.may_place(unit_id)"),
    "unit_lineage": _place((("unit", "source_id"),), (("unit", "target_id"),)),
    "unit_closure": _place((("unit", "descendant_id"),)),
    "cluster": _place((("unit", "parent_id"),)),
    "cluster_member": _place((("cluster", "cluster_id"),), (("unit", "commune_id"),)),
    "cadre": _place((("unit", "home_unit_id"), ("cadre", "id"))),
    "assignment": _place(UNIT_OR_CLUSTER),
    "base_visit": _place(UNIT_OR_CLUSTER),
    "activity": _place(UNIT_OR_CLUSTER),
    "recommendation": _place((("unit", "unit_id"),)),
    "recommendation_change": _place((("recommendation", "recommendation_id"),)),
    "rating": _place((("unit", "unit_id"),)),
    "report": _place((("unit", "scope_id"), ("cluster", "scope_id"))),
    "meeting": Place((), shared=True),
    "meeting_attendee": _place((("cadre", "cadre_id"),)),
    "setting": Place((), reference=True),
    "grasp_rule": Place((), reference=True),
    "holiday_override": Place((), reference=True),
    "alembic_version": Place((), reference=True),
}
DERIVED = frozenset({"unit_closure"})  # kept by grassroots_private.refresh_closure only
NOT_AUDITED = DERIVED | {"alembic_version"}
# Where an audit row lies: the unit (or the cluster's unit) a changed row is about.
AUDIT_PLACE = {
    "unit": "r->>'id'", "unit_link": "r->>'unit_id'", "unit_lineage": "r->>'target_id'",
    "cluster": "r->>'parent_id'", "cluster_member": "r->>'commune_id'", "cadre": "r->>'home_unit_id'",
    "assignment": "coalesce(r->>'unit_id', cluster_unit(r->>'cluster_id'))",
    "base_visit": "coalesce(r->>'unit_id', cluster_unit(r->>'cluster_id'))",
    "activity": "coalesce(r->>'unit_id', cluster_unit(r->>'cluster_id'))",
    "recommendation": "r->>'unit_id'",
    "recommendation_change": "(SELECT unit_id FROM public.recommendation WHERE id = r->>'recommendation_id')",
    "rating": "r->>'unit_id'", "report": "coalesce(cluster_unit(r->>'scope_id'), r->>'scope_id')",
}


def _term(kind: str, column: str, mode: str) -> str:
    """Return the condition that a column names a place of the kind that the clerk may read or write (mode)."""
    return f"{column} IN (SELECT {PRIVATE}.{mode}_{kind}s())"


def policy_condition(place: Place, mode: str) -> str:
    """Return a table's condition for reading (mode 'readable': any group) or writing ('writable': every group)."""
    if place.reference:
        return "true" if mode == "readable" else "false"
    if place.shared:
        return f"{PRIVATE}.has_scope()" if mode == "readable" else f"{PRIVATE}.may_write()"
    groups = ["(" + " OR ".join(_term(kind, column, mode) for kind, column in group) + ")" for group in place.groups]
    if mode == "readable" and place.seen:
        groups.append(f"{place.seen} IN (SELECT {PRIVATE}.units_above())")
    return (" OR " if mode == "readable" else " AND ").join(groups)


def table_policies(table: str, place: Place) -> list[str]:
    """Return the statements that put row-level security on a table: enabled, forced, one policy per command."""
    reading, writing = policy_condition(place, "readable"), policy_condition(place, "writable")
    inserting = place.inserting or writing
    statements = [f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY",
                  f"ALTER TABLE public.{table} FORCE ROW LEVEL SECURITY"]
    statements += [f"DROP POLICY IF EXISTS {table}_{command} ON public.{table}" for command in COMMANDS]
    statements += [
        f"CREATE POLICY {table}_select ON public.{table} FOR SELECT TO {CLERK} USING ({reading})",
        f"CREATE POLICY {table}_insert ON public.{table} FOR INSERT TO {CLERK} WITH CHECK ({inserting})",
        f"CREATE POLICY {table}_update ON public.{table} FOR UPDATE TO {CLERK} USING ({writing}) "
        f"WITH CHECK ({writing})",
        f"CREATE POLICY {table}_delete ON public.{table} FOR DELETE TO {CLERK} USING ({writing})",
    ]
    return statements


def _create_role(name: str, attributes: str) -> str:
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} {attributes}; END IF; END $$")


ROLES = [
    _create_role(OWNER, "NOLOGIN BYPASSRLS CREATEROLE"),
    f"ALTER ROLE {OWNER} NOLOGIN BYPASSRLS CREATEROLE",
    _create_role(CLERK, "NOLOGIN"),
    f"ALTER ROLE {CLERK} NOLOGIN NOBYPASSRLS",
    f"GRANT {CLERK} TO {OWNER} WITH ADMIN OPTION",  # the owner's add_clerk makes clerks members of it
]

SERVER_TABLES = [
    f"CREATE SCHEMA IF NOT EXISTS {PRIVATE}",
    f"CREATE SCHEMA IF NOT EXISTS {SERVER}",
    f"""CREATE TABLE IF NOT EXISTS {SERVER}.clerk (
        login name PRIMARY KEY,
        read_only boolean NOT NULL DEFAULT false,
        manager boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        created_by name NOT NULL DEFAULT session_user,
        created_at timestamptz NOT NULL DEFAULT now())""",
    f"""CREATE TABLE IF NOT EXISTS {SERVER}.clerk_scope (
        login name NOT NULL REFERENCES {SERVER}.clerk(login),
        root_id varchar(36) NOT NULL REFERENCES public.unit(id),
        PRIMARY KEY (login, root_id))""",
    f"""CREATE TABLE IF NOT EXISTS {SERVER}.audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        login name NOT NULL DEFAULT session_user,
        table_name name NOT NULL,
        row_id text NOT NULL,
        action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        old_values jsonb,
        new_values jsonb,
        transaction_id bigint NOT NULL DEFAULT txid_current(),
        place_id varchar(36))""",
    f"CREATE INDEX IF NOT EXISTS ix_audit_log_place ON {SERVER}.audit_log (place_id, at)",
    f"CREATE INDEX IF NOT EXISTS ix_audit_log_row ON {SERVER}.audit_log (table_name, row_id, at)",
]


def _function(signature: str, returns: str, body: str, language: str = "sql", volatility: str = "STABLE") -> str:
    return (f"CREATE OR REPLACE FUNCTION {PRIVATE}.{signature} RETURNS {returns} LANGUAGE {language} {volatility} "
            f"SECURITY DEFINER {SEARCH_PATH} AS $fn$ {body} $fn$")


ACTIVE_CLERK = "SELECT login, read_only FROM clerk WHERE login = session_user AND NOT disabled"
FUNCTIONS = [
    _function("readable_units()", "SETOF varchar",
              f"SELECT c.descendant_id FROM unit_closure c JOIN clerk_scope s ON s.root_id = c.ancestor_id "
              f"JOIN ({ACTIVE_CLERK}) k ON k.login = s.login"),
    _function("writable_units()", "SETOF varchar",
              f"SELECT c.descendant_id FROM unit_closure c JOIN clerk_scope s ON s.root_id = c.ancestor_id "
              f"JOIN ({ACTIVE_CLERK}) k ON k.login = s.login WHERE NOT k.read_only"),
    _function("units_above()", "SETOF varchar",
              f"SELECT c.ancestor_id FROM unit_closure c JOIN clerk_scope s ON s.root_id = c.descendant_id "
              f"JOIN ({ACTIVE_CLERK}) k ON k.login = s.login"),
    _function("readable_clusters()", "SETOF varchar",
              f"SELECT id FROM cluster WHERE parent_id IN (SELECT {PRIVATE}.readable_units())"),
    _function("writable_clusters()", "SETOF varchar",
              f"SELECT id FROM cluster WHERE parent_id IN (SELECT {PRIVATE}.writable_units())"),
    _function("readable_cadres()", "SETOF varchar",
              f"SELECT id FROM cadre WHERE home_unit_id IN (SELECT {PRIVATE}.readable_units()) UNION "
              f"SELECT cadre_id FROM assignment WHERE unit_id IN (SELECT {PRIVATE}.readable_units()) "
              f"OR cluster_id IN (SELECT {PRIVATE}.readable_clusters())"),
    _function("writable_cadres()", "SETOF varchar",
              f"SELECT id FROM cadre WHERE home_unit_id IN (SELECT {PRIVATE}.writable_units()) UNION "
              f"SELECT cadre_id FROM assignment WHERE unit_id IN (SELECT {PRIVATE}.writable_units()) "
              f"OR cluster_id IN (SELECT {PRIVATE}.writable_clusters())"),
    _function("readable_recommendations()", "SETOF varchar",
              f"SELECT id FROM recommendation WHERE unit_id IN (SELECT {PRIVATE}.readable_units())"),
    _function("writable_recommendations()", "SETOF varchar",
              f"SELECT id FROM recommendation WHERE unit_id IN (SELECT {PRIVATE}.writable_units())"),
    _function("may_write()", "boolean",
              f"SELECT EXISTS (SELECT FROM clerk_scope s JOIN ({ACTIVE_CLERK}) k ON k.login = s.login "
              "WHERE NOT k.read_only)"),
    _function("has_scope()", "boolean",
              f"SELECT EXISTS (SELECT FROM clerk_scope s JOIN ({ACTIVE_CLERK}) k ON k.login = s.login)"),
    _function("may_place(wanted varchar)", "boolean",
              f"SELECT wanted IN (SELECT {PRIVATE}.writable_units()) OR EXISTS (SELECT FROM unit "
              "WHERE id = wanted AND xmin = pg_current_xact_id()::xid)"),  # made by this very transaction
    _function("cluster_unit(wanted varchar)", "varchar", "SELECT parent_id FROM cluster WHERE id = wanted"),
]
# The audit: one row per row changed, written as the owner (clerks have no grant on the table).
AUDIT_FUNCTION = _function(
    "audit_row()", "trigger", f"""
DECLARE
    before jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    after jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    r jsonb := coalesce(after, before);
    changed text[];
BEGIN
    SELECT array_agg(key) INTO changed FROM jsonb_object_keys(r) AS key
     WHERE before IS NULL OR after IS NULL OR before -> key IS DISTINCT FROM after -> key;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (login, table_name, row_id, action, old_values, new_values, place_id)
    VALUES (session_user, TG_TABLE_NAME, {PRIVATE}.row_key(TG_TABLE_NAME, r), lower(TG_OP),
            (SELECT jsonb_object_agg(key, before -> key) FROM unnest(changed) AS key WHERE before IS NOT NULL),
            (SELECT jsonb_object_agg(key, after -> key) FROM unnest(changed) AS key WHERE after IS NOT NULL),
            {PRIVATE}.place_of(TG_TABLE_NAME, r));
    RETURN NULL;
END""", language="plpgsql", volatility="VOLATILE")
ROW_KEY_FUNCTION = _function(
    "row_key(tab name, r jsonb)", "text",
    "SELECT string_agg(r ->> a.attname, '/' ORDER BY array_position(i.indkey::int2[], a.attnum)) "
    "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
    "WHERE i.indrelid = ('public.' || quote_ident(tab))::regclass AND i.indisprimary")


def _place_of_function() -> str:
    cases = " ".join(f"WHEN '{table}' THEN {expression}" for table, expression in AUDIT_PLACE.items())
    return _function("place_of(tab name, r jsonb)", "varchar",
                     f"SELECT CASE tab {cases} END".replace("cluster_unit(", f"{PRIVATE}.cluster_unit("))


# A new unit must end up inside the writer's scope: checked at commit, once its link and closure rows exist.
PLACED_FUNCTION = _function(
    "check_placed()", "trigger", f"""
BEGIN
    IF EXISTS (SELECT FROM clerk WHERE login = session_user)
       AND NEW.id NOT IN (SELECT {PRIVATE}.writable_units()) THEN
        RAISE EXCEPTION 'new row violates row-level security policy for table "unit"'
              USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END""", language="plpgsql", volatility="VOLATILE")
NO_CHANGE_FUNCTION = _function(
    "refuse_change()", "trigger",
    "BEGIN RAISE EXCEPTION 'the audit is append-only' USING ERRCODE = 'insufficient_privilege'; END",
    language="plpgsql", volatility="VOLATILE")


# Clerks made and disabled by the administrator, or by a managing clerk inside the manager's own scope, granting
# no more than the manager holds. Refusals carry a code the application turns into the clerk's message.
MANAGER_CHECK = f"""
    IF NOT {PRIVATE}.is_administrator() THEN
        IF NOT EXISTS (SELECT FROM clerk WHERE login = session_user AND manager AND NOT disabled) THEN
            RAISE EXCEPTION 'grassroots:not-a-manager' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF EXISTS (SELECT FROM unnest(roots) AS root
                   WHERE root NOT IN (SELECT {PRIVATE}.readable_units())
                      OR (NOT only_read AND root NOT IN (SELECT {PRIVATE}.writable_units()))) THEN
            RAISE EXCEPTION 'grassroots:out-of-scope' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF manages AND NOT EXISTS (SELECT FROM clerk WHERE login = session_user AND manager) THEN
            RAISE EXCEPTION 'grassroots:not-a-manager' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;"""
ADMINISTRATOR_FUNCTION = _function(
    "is_administrator()", "boolean",
    "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND (rolsuper OR rolcreaterole)) "
    "AND NOT EXISTS (SELECT FROM clerk WHERE login = session_user)")
ADD_CLERK_FUNCTION = _function(
    "add_clerk(who name, secret text, roots varchar[], only_read boolean, manages boolean)", "void", f"""
BEGIN
    IF roots IS NULL OR cardinality(roots) = 0 THEN
        RAISE EXCEPTION 'grassroots:no-scope' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM unnest(roots) AS root WHERE root NOT IN (SELECT id FROM unit)) THEN
        RAISE EXCEPTION 'grassroots:no-such-unit' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    {MANAGER_CHECK}
    IF who !~ '^[a-z_][a-z0-9_]{{0,62}}$' THEN
        RAISE EXCEPTION 'grassroots:bad-login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = who) THEN
        RAISE EXCEPTION 'grassroots:login-taken' USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE {CLERK}', who, secret);
    INSERT INTO clerk (login, read_only, manager) VALUES (who, only_read, manages);
    INSERT INTO clerk_scope (login, root_id) SELECT DISTINCT who, root FROM unnest(roots) AS root;
END""", language="plpgsql", volatility="VOLATILE")
DISABLE_CLERK_FUNCTION = _function(
    "disable_clerk(who name)", "void", f"""
DECLARE
    roots varchar[] := ARRAY(SELECT root_id FROM clerk_scope WHERE login = who);
    only_read boolean := true;
    manages boolean := false;
BEGIN
    IF NOT EXISTS (SELECT FROM clerk WHERE login = who) THEN
        RAISE EXCEPTION 'grassroots:no-such-clerk' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    {MANAGER_CHECK}
    UPDATE clerk SET disabled = true WHERE login = who;
    EXECUTE format('ALTER ROLE %I NOLOGIN', who);
END""", language="plpgsql", volatility="VOLATILE")
CLERKS_FUNCTION = _function(
    "clerks()", "TABLE(login name, read_only boolean, manager boolean, disabled boolean, roots varchar[])",
    f"""SELECT k.login, k.read_only, k.manager, k.disabled, ARRAY(SELECT root_id FROM clerk_scope s
                WHERE s.login = k.login ORDER BY root_id)
        FROM clerk k
        WHERE {PRIVATE}.is_administrator() OR k.login = session_user
           OR NOT EXISTS (SELECT root_id FROM clerk_scope s WHERE s.login = k.login
                          EXCEPT SELECT {PRIVATE}.readable_units())
        ORDER BY k.login""")


def _owned_and_granted(tables: list[str]) -> list[str]:
    """Return the statements giving every table to the owner and the clerks their grants on them."""
    statements = [f"ALTER TABLE public.{table} OWNER TO {OWNER}" for table in tables]
    statements += [f"ALTER TABLE {SERVER}.{table} OWNER TO {OWNER}" for table in ("clerk", "clerk_scope", "audit_log")]
    statements += [
        f"ALTER SCHEMA {PRIVATE} OWNER TO {OWNER}",
        f"ALTER SCHEMA {SERVER} OWNER TO {OWNER}",
        f"GRANT USAGE ON SCHEMA public, {PRIVATE}, {SERVER} TO {CLERK}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {PRIVATE} FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {PRIVATE} TO {CLERK}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {CLERK}",
        f"GRANT SELECT ON {SERVER}.clerk, {SERVER}.clerk_scope, {SERVER}.audit_log TO {CLERK}",
    ]
    for table in tables:
        place = PLACES[table]
        writes = "" if place.reference or table in DERIVED else ", INSERT, UPDATE, DELETE"
        statements.append(f"GRANT SELECT{writes} ON public.{table} TO {CLERK}")
    return statements


def _server_table_policies() -> list[str]:
    """Return row-level security on the server's own tables: a clerk reads their own rows and their scope's audit."""
    statements = []
    conditions = {
        "clerk": "login = session_user",
        "clerk_scope": "login = session_user",
        "audit_log": f"login = session_user OR place_id IN (SELECT {PRIVATE}.readable_units())",
    }
    for table, condition in conditions.items():
        statements += [f"ALTER TABLE {SERVER}.{table} ENABLE ROW LEVEL SECURITY",
                       f"ALTER TABLE {SERVER}.{table} FORCE ROW LEVEL SECURITY",
                       f"DROP POLICY IF EXISTS {table}_select ON {SERVER}.{table}",
                       f"CREATE POLICY {table}_select ON {SERVER}.{table} FOR SELECT TO {CLERK} USING ({condition})"]
    return statements


def _triggers(tables: list[str]) -> list[str]:
    """Return the audit trigger on every audited table, the append-only guard, and the new units' scope check."""
    statements = []
    for table in tables:
        if table in NOT_AUDITED:
            continue
        statements += [
            f"DROP TRIGGER IF EXISTS audit ON public.{table}",
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON public.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {PRIVATE}.audit_row()",
        ]
    statements += [
        f"DROP TRIGGER IF EXISTS append_only ON {SERVER}.audit_log",
        f"CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {SERVER}.audit_log "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {PRIVATE}.refuse_change()",
        "DROP TRIGGER IF EXISTS placed ON public.unit",
        "CREATE CONSTRAINT TRIGGER placed AFTER INSERT ON public.unit DEFERRABLE INITIALLY DEFERRED "
        f"FOR EACH ROW EXECUTE FUNCTION {PRIVATE}.check_placed()",
    ]
    return statements


def init_statements(tables: list[str]) -> list[str]:
    """Return every statement that sets a migrated database up as a shared server (each may be run again)."""
    unknown = sorted(set(tables) - set(PLACES))
    if unknown:
        raise RuntimeError(f"Say where the rows of these tables lie (server_schema.PLACES): {unknown}")
    functions = [*FUNCTIONS, ADMINISTRATOR_FUNCTION, ROW_KEY_FUNCTION, _place_of_function(), AUDIT_FUNCTION,
                 PLACED_FUNCTION, NO_CHANGE_FUNCTION, ADD_CLERK_FUNCTION, DISABLE_CLERK_FUNCTION, CLERKS_FUNCTION]
    owned_functions = [
        "DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT p.oid::regprocedure FROM pg_proc p "
        f"JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = '{PRIVATE}' LOOP "
        f"EXECUTE format('ALTER FUNCTION %s OWNER TO {OWNER}', f); END LOOP; END $$"]
    policies = [statement for table in tables for statement in table_policies(table, PLACES[table])]
    return [*ROLES, *SERVER_TABLES, *functions, *_owned_and_granted(tables), *owned_functions, *policies,
            *_server_table_policies(), *_triggers(tables)]
