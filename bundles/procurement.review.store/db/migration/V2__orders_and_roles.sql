-- Version 2: removal orders with their status and revisions, and who may do what in a review.

create table removal_order (
	id bigint generated always as identity primary key,
	review_id bigint not null references review (id),
	number text not null,
	revision int not null,
	department_code text,
	rule_id text,
	rule_set_version text,
	issue_date date,
	status text not null,
	reviewer text,
	review_state_hash text,
	content_digest text,
	supersedes_id bigint references removal_order (id),
	unique (review_id, number, revision)
);

-- Each change of an order's status, appended; removal_order.status is the newest.
create table order_status_change (
	id bigint generated always as identity primary key,
	order_id bigint not null references removal_order (id),
	status text not null,
	changed_by text not null,
	changed_at timestamptz not null default now(),
	audit_seq int
);

-- A reviewer decides hits; a lead also issues orders. Who shares a review is its first lead.
create table review_member (
	review_id bigint not null references review (id),
	reviewer text not null,
	role text not null check (role in ('reviewer', 'lead')),
	primary key (review_id, reviewer)
);
