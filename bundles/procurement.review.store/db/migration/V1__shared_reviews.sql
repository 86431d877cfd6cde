-- Version 1 of the shared-review schema: a review copied from its file, its reports and their rows, its hits, the
-- decisions on them as an append-only history, and its hash-chained audit log.
-- Decisions and audit entries are never updated or deleted: a trigger refuses it, so that the history is the record.

create table review (
	id bigint generated always as identity primary key,
	name text not null,
	rule_set_version text not null,
	source_file text,
	shared_by text not null,
	shared_at timestamptz not null default now()
);

create table report (
	id bigint generated always as identity primary key,
	review_id bigint not null references review (id),
	position int not null,
	file_name text,
	format text,
	sha256 text,
	row_count bigint,
	imported_at timestamptz,
	unique (review_id, position)
);

-- The rows of a report: what a reviewer and an order refer to (the full row stays in the review file).
create table contract_action (
	report_id bigint not null references report (id),
	position int not null,
	transaction_key text,
	piid text,
	modification text,
	action_date date,
	obligation numeric,
	description text,
	vendor_key text,
	vendor_name text,
	department_code text,
	department_name text,
	source_row bigint,
	primary key (report_id, position)
);

-- A hit. identity is what a decision answers (the vendor is or is not that family), shared by the hits of the same
-- identity on other rules; head_decision_id is the newest decision, the version a reviewer decided against.
create table hit (
	id bigint generated always as identity primary key,
	review_id bigint not null references review (id),
	match_key text not null,
	identity text not null,
	vendor_key text not null,
	vendor_name text,
	entity_id text,
	rule_id text,
	kind text not null,
	score double precision,
	risk_level text,
	explanation text,
	transaction_key text,
	head_decision_id bigint,
	unique (review_id, match_key)
);
create index hit_vendor on hit (review_id, lower(vendor_name));

-- Each decision names the one it replaces; two decisions replacing the same one (two reviewers answering the same
-- version of a hit) cannot both be stored, whatever the clients do.
create table decision (
	id bigint generated always as identity primary key,
	hit_id bigint not null references hit (id),
	state text not null check (state in ('SAME', 'NOT_SAME', 'UNSURE')),
	reviewer text not null,
	decided_at timestamptz not null,
	note text,
	exception text,
	previous_id bigint references decision (id),
	audit_seq int not null,
	unique nulls not distinct (hit_id, previous_id)
);
alter table hit add foreign key (head_decision_id) references decision (id);

-- The audit log: entry_time is the instant as the hash covers it (ISO-8601 text, to the nanosecond).
create table audit_entry (
	review_id bigint not null references review (id),
	seq int not null,
	entry_time text not null,
	author text,
	action text,
	detail text,
	previous_hash text not null,
	hash text not null,
	content_digest text,
	content_parts text,
	signature text,
	certificate text,
	primary key (review_id, seq)
);

create function refuse_change() returns trigger language plpgsql as $$
begin
	raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;
create trigger decision_append_only before update or delete on decision
	for each row execute function refuse_change();
create trigger audit_entry_append_only before update or delete on audit_entry
	for each row execute function refuse_change();
