-- Version 4: each reviewer connects as a PostgreSQL login role of their own, and the database holds them to it.
-- A login role that is neither a superuser nor the owner of the schema (the account that shares reviews and
-- migrates) is "held": every who-column it writes must be its session_user, it writes only in reviews it is a
-- member of, only a lead names members or issues an order, and it gets only the privileges granted to the group
-- role procurement_reviewer below (no UPDATE or DELETE of decisions or audit entries, no sharing).
-- Rows written before version 4 keep their who-columns: no trigger fires on them.

do $$
begin
	if not exists (select from pg_roles where rolname = 'procurement_reviewer') then
		create role procurement_reviewer nologin;
	end if;
end
$$;

-- Whether the session is held to its own name: not a superuser and not the owner of the review table.
create function review_session_held() returns boolean language sql stable as $$
	select not r.rolsuper and r.oid <> (select relowner from pg_class where oid = 'review'::regclass)
	from pg_roles r where r.rolname = session_user
$$;

-- The session user's role in a review: 'lead', 'reviewer' or null.
create function review_session_role(review bigint) returns text language sql stable as $$
	select role from review_member where review_id = review and reviewer = session_user
$$;

create function review_require_self(who text, what text) returns void language plpgsql as $$
begin
	if who is distinct from session_user then
		raise exception '% as % refused: the database user is %', what, coalesce(who, 'nobody'), session_user
			using errcode = '42501';
	end if;
end
$$;

create function review_require_member(review bigint, lead boolean, what text) returns void language plpgsql as $$
declare
	role text := review_session_role(review);
begin
	if role is null then
		raise exception '% refused: % is not a member of review %', what, session_user, review
			using errcode = '42501';
	elsif lead and role <> 'lead' then
		raise exception '% refused: only a lead of review % may; % is a %', what, review, session_user, role
			using errcode = '42501';
	end if;
end
$$;

create function decision_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_self(new.reviewer, 'a decision');
		perform review_require_member((select review_id from hit where id = new.hit_id), false, 'a decision');
	end if;
	return new;
end
$$;
create trigger decision_held before insert on decision for each row execute function decision_held();

create function audit_entry_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_self(new.author, 'an audit entry');
		perform review_require_member(new.review_id, false, 'an audit entry');
	end if;
	return new;
end
$$;
create trigger audit_entry_held before insert on audit_entry for each row execute function audit_entry_held();

create function review_member_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_member(new.review_id, true, 'naming a member');
		if not exists (select from pg_roles where rolname = new.reviewer) then
			raise exception 'naming % refused: there is no database user of that name', new.reviewer
				using errcode = '42501';
		end if;
	end if;
	return new;
end
$$;
create trigger review_member_held before insert or update on review_member
	for each row execute function review_member_held();

create function removal_order_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		if tg_op = 'INSERT' then
			if new.status <> 'DRAFT' then
				raise exception 'a new order is a draft: % refused', new.status using errcode = '42501';
			end if;
			perform review_require_member(new.review_id, false, 'a draft order');
		elsif new.status is distinct from old.status then
			perform review_require_member(new.review_id, new.status = 'ISSUED', 'order status ' || new.status);
		end if;
	end if;
	return new;
end
$$;
create trigger removal_order_held before insert or update on removal_order
	for each row execute function removal_order_held();

create function order_status_change_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_self(new.changed_by, 'an order step');
		perform review_require_member((select review_id from removal_order where id = new.order_id),
			new.status = 'ISSUED', 'order status ' || new.status);
	end if;
	return new;
end
$$;
create trigger order_status_change_held before insert on order_status_change
	for each row execute function order_status_change_held();

create function vendor_tag_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_member(new.review_id, false, 'a vendor tag');
	end if;
	return new;
end
$$;
create trigger vendor_tag_held before insert or update on vendor_tag for each row execute function vendor_tag_held();

create function hit_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		perform review_require_member(new.review_id, false, 'a hit');
	end if;
	return new;
end
$$;
create trigger hit_held before insert or update on hit for each row execute function hit_held();

-- What a reviewer may do at all; the triggers above narrow it to their own name and their reviews.
grant select on all tables in schema public to procurement_reviewer;
grant insert on decision, audit_entry, order_status_change, hit, vendor_tag, removal_order to procurement_reviewer;
grant insert, update (role) on review_member to procurement_reviewer;
grant update (head_decision_id) on hit to procurement_reviewer;
grant update (status) on removal_order to procurement_reviewer;
grant update (kind, vendor_key, vendor_name, value, risk_level, evidence, rule_id, audit_seq) on vendor_tag
	to procurement_reviewer;
grant usage on all sequences in schema public to procurement_reviewer;

-- Deciding locks the review's row (select ... for update), which needs an UPDATE privilege on one of its columns;
-- the review itself stays the owner's to change.
create function review_held() returns trigger language plpgsql as $$
begin
	if review_session_held() then
		raise exception 'changing review % refused: % is a reviewer', old.id, session_user using errcode = '42501';
	end if;
	return new;
end
$$;
create trigger review_held before update on review for each row execute function review_held();
grant update (name) on review to procurement_reviewer;
