-- Version 3: the tags the matcher puts on vendors (origin and risk), so that `tag --db` can store a tagging run of a
-- shared review. New hits go into the hit table of version 1; a tag is replaced when a later run finds it changed.

create table vendor_tag (
	id bigint generated always as identity primary key,
	review_id bigint not null references review (id),
	tag_key text not null,
	kind text not null,
	vendor_key text,
	vendor_name text,
	value text,
	risk_level text,
	evidence text,
	rule_id text,
	audit_seq int not null,
	unique (review_id, tag_key)
);
