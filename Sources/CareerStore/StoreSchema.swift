/// The personnel database schema, as migrations written once in SQLite's SQL and run on either
/// engine (`SQLDialect.renderSchema` turns integer keys into identities, blobs into `BYTEA`).
///
/// Dates are stored as ISO `YYYY-MM-DD` text (sortable, readable with `sqlite3` and `psql`);
/// timestamps as ISO 8601 UTC text. Plans, accounts and the audit log are created here
/// up front so the supervisor and kiosk features add behaviour, not schema surgery.
public enum StoreSchema {
    /// Every migration, in order. Add new ones at the end; never edit a shipped one.
    public static var migrator: StoreMigrator {
        var migrator = StoreMigrator()

        migrator.registerMigration("v1-records") { db in
            try db.execute(sql: """
                CREATE TABLE people (
                    id TEXT PRIMARY KEY NOT NULL,
                    name_th TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    job_line TEXT NOT NULL,
                    level TEXT NOT NULL,
                    level_since TEXT NOT NULL,
                    service_start TEXT NOT NULL,
                    education TEXT NOT NULL,
                    -- Not a foreign key: an import may name a supervisor further down the file.
                    supervisor_id TEXT
                );
                CREATE INDEX people_supervisor ON people(supervisor_id);
                CREATE INDEX people_unit ON people(unit);

                CREATE TABLE assignments (
                    id INTEGER PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    unit TEXT NOT NULL,
                    field TEXT,                 -- NULL: the unit's first work field
                    role TEXT NOT NULL,         -- regular | rotation | acting | task-force | secondment
                    start TEXT NOT NULL,
                    "end" TEXT                  -- NULL: ongoing
                );
                CREATE INDEX assignments_person ON assignments(person_id);

                CREATE TABLE assessments (
                    id INTEGER PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    competency TEXT NOT NULL,
                    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
                    assessed_on TEXT NOT NULL,
                    assessor TEXT NOT NULL      -- self | supervisor | panel
                );
                CREATE INDEX assessments_person ON assessments(person_id);

                CREATE TABLE trainings (
                    id INTEGER PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    course TEXT NOT NULL,
                    completed_on TEXT NOT NULL
                );
                CREATE INDEX trainings_person ON trainings(person_id);

                CREATE TABLE level_history (
                    id INTEGER PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    job_line TEXT NOT NULL,
                    level TEXT NOT NULL,
                    start TEXT NOT NULL,
                    "end" TEXT
                );
                CREATE INDEX level_history_person ON level_history(person_id);

                -- One row per import run, so HR can tell when the records last changed.
                CREATE TABLE imports (
                    id INTEGER PRIMARY KEY,
                    imported_at TEXT NOT NULL,
                    source TEXT NOT NULL,
                    people INTEGER NOT NULL,
                    rows INTEGER NOT NULL
                );
                """)
        }

        migrator.registerMigration("v1-plans-accounts-audit") { db in
            try db.execute(sql: """
                -- A development plan toward a target (a line level `public-relations-officer:K3`
                -- or a director post id). Supervisors comment, approve or return it (issue 6).
                CREATE TABLE development_plans (
                    id INTEGER PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                    target TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'draft',   -- draft | submitted | approved | returned
                    created_by TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    status_by TEXT,                         -- who last changed the status
                    status_at TEXT
                );
                CREATE INDEX development_plans_person ON development_plans(person_id);

                CREATE TABLE plan_steps (
                    id INTEGER PRIMARY KEY,
                    plan_id INTEGER NOT NULL REFERENCES development_plans(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    gap_kind TEXT NOT NULL,                 -- education | time-in-level | experience | competency | training
                    method TEXT,                            -- development method id
                    unit TEXT,
                    field TEXT,
                    competency TEXT,
                    course TEXT,
                    working_group TEXT,
                    description TEXT NOT NULL DEFAULT '',
                    start TEXT,
                    "end" TEXT,
                    months INTEGER,
                    done INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX plan_steps_plan ON plan_steps(plan_id, position);

                -- Comments and status changes on a plan, with author and time.
                CREATE TABLE plan_comments (
                    id INTEGER PRIMARY KEY,
                    plan_id INTEGER NOT NULL REFERENCES development_plans(id) ON DELETE CASCADE,
                    author_id TEXT NOT NULL,
                    written_at TEXT NOT NULL,
                    action TEXT NOT NULL DEFAULT 'comment', -- comment | submit | approve | return
                    body TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX plan_comments_plan ON plan_comments(plan_id);

                -- Kiosk accounts (issue 7). No foreign key to people: an account must survive a
                -- re-import, and sign-in must not reveal whether an id exists.
                CREATE TABLE accounts (
                    person_id TEXT PRIMARY KEY NOT NULL,
                    pin_hash BLOB,                          -- NULL until a PIN is set
                    salt BLOB,
                    iterations INTEGER,
                    algorithm TEXT,                         -- e.g. pbkdf2-hmac-sha256
                    role TEXT NOT NULL DEFAULT 'staff',     -- staff | hr
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT,                      -- ISO 8601 UTC
                    updated_at TEXT NOT NULL
                );

                -- Who looked at whom, when, where (issues 6 and 7).
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,                       -- ISO 8601 UTC
                    actor TEXT NOT NULL,                    -- person id, or 'system'
                    subject TEXT,                           -- whose record, if any
                    action TEXT NOT NULL,                   -- view | sign-in | sign-in-failed | sign-out | timeout | import …
                    screen TEXT NOT NULL DEFAULT '',
                    terminal TEXT NOT NULL DEFAULT '',
                    detail TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX audit_log_subject ON audit_log(subject, at);
                CREATE INDEX audit_log_actor ON audit_log(actor, at);
                """)
        }
        migrator.registerMigration("v2-people-line-level") { db in
            // Succession loads only the people whose line and level make them candidates for a post.
            try db.execute(sql: "CREATE INDEX people_line_level ON people(job_line, level)")
        }
        migrator.registerMigration("v3-plan-cycle") { db in
            // The plan cycle (issue 13): versions and a write counter on plans, progress on steps,
            // the picks a plan was made from, notes and authors of assessments made in the tool,
            // and when each person last looked at their plans.
            try db.execute(sql: """
                ALTER TABLE development_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE development_plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE development_plans ADD COLUMN previous_id INTEGER REFERENCES development_plans(id);
                CREATE INDEX development_plans_status ON development_plans(status);

                ALTER TABLE plan_steps ADD COLUMN started_on TEXT;
                ALTER TABLE plan_steps ADD COLUMN completed_on TEXT;
                ALTER TABLE plan_steps ADD COLUMN confirmed_by TEXT;
                ALTER TABLE plan_steps ADD COLUMN confirmed_at TEXT;

                CREATE TABLE plan_picks (
                    id INTEGER PRIMARY KEY,
                    plan_id INTEGER NOT NULL REFERENCES development_plans(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    gap_id TEXT NOT NULL,
                    method TEXT NOT NULL,
                    place TEXT NOT NULL                     -- SuggestedPlace.key
                );
                CREATE INDEX plan_picks_plan ON plan_picks(plan_id, position);

                ALTER TABLE assessments ADD COLUMN note TEXT NOT NULL DEFAULT '';
                ALTER TABLE assessments ADD COLUMN recorded_by TEXT;  -- NULL: imported

                CREATE TABLE plan_visits (
                    person_id TEXT PRIMARY KEY NOT NULL,
                    seen_at TEXT NOT NULL                   -- ISO 8601 UTC
                );
                """)
        }
        migrator.registerMigration("v4-usage-reports") { db in
            // A unit's usage report of the career-path tools for a fiscal year (issue 14; the form of
            // memo นร 0203.02/ว 884). Checklists are comma-separated ids in the form's order.
            try db.execute(sql: """
                CREATE TABLE usage_reports (
                    unit TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL,           -- Buddhist era (2569 = Oct 2025 – Sep 2026)
                    activities TEXT NOT NULL DEFAULT '',
                    other_activity TEXT NOT NULL DEFAULT '',
                    outcomes TEXT NOT NULL DEFAULT '',
                    other_outcome TEXT NOT NULL DEFAULT '',
                    problems TEXT NOT NULL DEFAULT '',
                    signer_name TEXT NOT NULL DEFAULT '',
                    signer_position TEXT NOT NULL DEFAULT '',
                    signed_on TEXT,
                    status TEXT NOT NULL DEFAULT 'draft',   -- draft | submitted
                    updated_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    submitted_by TEXT,
                    submitted_at TEXT,
                    PRIMARY KEY (unit, fiscal_year)
                );
                CREATE INDEX trainings_completed ON trainings(completed_on);
                """)
        }
        migrator.registerMigration("v5-record-origin") { db in
            // Where each history row came from: 'import' (HR's CSV, replaced on re-import) or 'tool'
            // (an assessment or a confirmed plan step recorded here, kept by a re-import).
            for table in historyTables {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN origin TEXT NOT NULL DEFAULT 'import'")
                try db.execute(sql: "CREATE INDEX \(table)_tool ON \(table)(person_id) WHERE origin = 'tool'")
            }
            // Assessments made in the tool already say who recorded them.
            try db.execute(sql: "UPDATE assessments SET origin = 'tool' WHERE recorded_by IS NOT NULL")
        }
        migrator.registerMigration("v6-usage-report-due") { db in
            // The day a fiscal year's usage reports are due, as HR set it (issue 14); a year without
            // a row is due on 31 August (`FiscalYear.defaultDueDate`).
            try db.execute(sql: """
                CREATE TABLE usage_report_due (
                    fiscal_year INTEGER NOT NULL PRIMARY KEY,   -- Buddhist era (no identity on PostgreSQL)
                    due_on TEXT NOT NULL,                       -- YYYY-MM-DD
                    set_by TEXT NOT NULL,
                    set_at TEXT NOT NULL                        -- ISO 8601 UTC
                )
                """)
        }
        return migrator
    }

    /// Names of the tables holding one person's histories (their imported rows replaced on re-import).
    static let historyTables = ["assignments", "assessments", "trainings", "level_history"]
}
