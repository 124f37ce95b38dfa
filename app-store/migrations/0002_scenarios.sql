-- Saved rotation scenarios (issue 15): a named simulator plan on a warehouse baseline, its versions and its
-- review history. Times are UTC ISO-8601 text. Plans are the simulator's JSON plan (pipeline/simulate/types.ts).

CREATE TABLE scenario (
  id              INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  -- the username of the analyst who created it (text: stays readable whatever happens to the account)
  owner           TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  -- the warehouse it was made on: build_info.built_at and the simulator's state month 'YYYY-MM'
  baseline_build  TEXT    NOT NULL,
  baseline_month  TEXT    NOT NULL CHECK (baseline_month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  -- the latest version (scenario_version.version); every save adds one
  current_version INTEGER NOT NULL DEFAULT 0,
  copied_from     INTEGER REFERENCES scenario (id) ON DELETE SET NULL,
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX scenario_owner ON scenario (owner, status);
CREATE INDEX scenario_status ON scenario (status);

CREATE TABLE scenario_version (
  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  -- the simulator's plan: a JSON array of changes
  plan        TEXT    NOT NULL CHECK (json_valid(plan) AND json_type(plan) = 'array'),
  -- what the plan assumed of the warehouse it was saved on (pipeline/simulate/scenario.ts planOrigins): each planned
  -- person's position, the positions named, the touched units' workload; a later build is checked against it
  origins     TEXT    CHECK (origins IS NULL OR json_valid(origins)),
  author      TEXT    NOT NULL,
  note        TEXT,
  at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (scenario_id, version)
);
-- a version is history: never rewritten
CREATE TRIGGER scenario_version_no_update BEFORE UPDATE ON scenario_version
  BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;
-- an approved scenario is locked: a new version must be a copy (checked here as well as in app-store/scenarios.ts)
CREATE TRIGGER scenario_version_locked BEFORE INSERT ON scenario_version
  WHEN (SELECT status FROM scenario WHERE id = NEW.scenario_id) = 'approved'
  BEGIN SELECT RAISE(ABORT, 'scenario is approved and locked'); END;

-- the review history shown on the scenario page: submit (note), return and approve (comment)
CREATE TABLE scenario_event (
  id          INTEGER PRIMARY KEY,
  scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
  at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL CHECK (action IN ('submitted', 'returned', 'approved')),
  version     INTEGER NOT NULL,
  note        TEXT
);
CREATE INDEX scenario_event_scenario ON scenario_event (scenario_id, id);
